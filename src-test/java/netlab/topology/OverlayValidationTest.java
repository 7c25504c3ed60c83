package netlab.topology;

import static netlab.testing.Topologies.errors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every error of the overlay and tunnel settings (VXLAN, GRE, VLANs, bridges in nodes, impairments), with its position. */
class OverlayValidationTest {
    /** Two nodes joined by an underlay link; tests add interfaces to a and b. */
    private static String lab(String aInterfaces, String bInterfaces) {
        return """
                name: lab
                nodes:
                  a:
                    interfaces:
                      eth1: 10.0.0.1/24
                %s
                  b:
                    interfaces:
                      eth1: 10.0.0.2/24
                %s
                links:
                  - [a:eth1, b:eth1]
                """.formatted(aInterfaces.indent(6).stripTrailing(), bInterfaces.indent(6).stripTrailing());
    }

    @Test
    void vxlanVniMustFitIn24Bits() {
        assertThat(errors(lab("""
                vx1: {type: vxlan, vni: 0}
                vx2: {type: vxlan, vni: 16777216}
                vx3: {type: vxlan}
                vx4: {type: vxlan, vni: many}
                """, ""))).containsExactly(
                "6:31: vni 0 of vxlan a:vx1 does not fit in 24 bits: use 1 to 16777215",
                "7:31: vni 16777216 of vxlan a:vx2 does not fit in 24 bits: use 1 to 16777215",
                "8:12: vxlan a:vx3 needs 'vni' (its 24-bit network identifier, 1 to 16777215)",
                "9:31: 'vni' of vxlan a:vx4 must be a whole number, not a string 'many'");
    }

    @Test
    void vxlanEndpointsAreAddressesOfTheNodes() {
        assertThat(errors(lab("""
                vx1: {type: vxlan, vni: 1, local: 10.0.0.9, remote: 10.0.9.9}
                vx2: {type: vxlan, vni: 2, local: 10.0.0.1, remote: 10.0.0.1}
                vx3: {type: vxlan, vni: 3, local: 10.0.0.1, remote: 10.0.0.2/24}
                vx4: {type: vxlan, vni: 4, local: 10.0.0.1, fdb: [10.0.0.2, 10.0.5.5, {mac: 01:00:5e:00:00:01, dst: 10.0.0.2}, {mac: 02:00:00:00:00:01}]}
                vx5: {type: vxlan, vni: 5, group: 10.0.0.2}
                vx6: {type: vxlan, vni: 6, remote: 10.0.0.2, group: 239.1.1.1, underlay: eth1}
                vx7: {type: vxlan, vni: 7, local: 10.0.0.1, remote: 2001:db8::2}
                vx8: {type: vxlan, vni: 8, underlay: eth9, port: 70000}
                vx9: {type: vxlan, vni: 1}
                """, ""))).containsExactly(
                "6:41: local address of vxlan a:vx1 10.0.0.9 is not an address of node 'a' (its addresses: 10.0.0.1/24)",
                "6:59: remote of vxlan a:vx1 10.0.9.9 is not an address of any node in the lab; the far end of a tunnel must be a node's address",
                "7:59: remote of vxlan a:vx2 10.0.0.1 is node 'a''s own address (a:eth1); the far end is another node",
                "8:59: 'remote' of vxlan a:vx3: '10.0.0.2/24' is not an IP address (write it without a prefix length)",
                "9:67: fdb destination of vxlan a:vx4 10.0.5.5 is not an address of any node in the lab; the far end of a tunnel must be a node's address",
                "9:83: 'mac' of an 'fdb' entry of vxlan a:vx4: 01:00:5e:00:00:01 is not a unicast MAC address",
                "9:118: an 'fdb' entry of vxlan a:vx4 needs 'dst'",
                "10:41: group 10.0.0.2 of vxlan a:vx5 is not a multicast address (224.0.0.0/4 or ff00::/8)",
                "10:41: vxlan a:vx5 joins multicast group 10.0.0.2; say which interface with 'underlay'",
                "11:59: vxlan a:vx6 has both 'remote' and 'group'; a VXLAN sends to one remote VTEP or to a multicast group",
                "12:59: remote of vxlan a:vx7 2001:db8::2 is not an address of any node in the lab; the far end of a tunnel must be a node's address",
                "13:44: underlay 'eth9' of a:vx8: node 'a' has no interface 'eth9' (did you mean 'eth1'?)",
                "13:56: 'port' in interface 'vx8' of node 'a' must be between 1 and 65535, not 70000",
                "14:31: vxlan a:vx9: vni 1 on port 4789 is already used by a:vx1 (a node has one VXLAN device per VNI and port)");
    }

    @Test
    void greEndpointsAreIpv4AddressesOfTheNodes() {
        assertThat(errors(lab("""
                gre1: {type: gre}
                gre2: {type: gre, local: 10.0.0.1, remote: 10.0.0.7, key: 4294967296}
                gre3: {type: gre, local: 2001:db8::1, remote: 10.0.0.2, mac: 02:00:00:00:00:05}
                gre4: {type: gretap, local: 10.0.0.1, remote: 10.0.0.2, ttl: 0}
                gre5: {type: gretap, local: 10.0.0.1, remote: 10.0.0.2}
                """, ""))).containsExactly(
                "6:13: gre a:gre1 needs 'local' (the node's own underlay address)",
                "6:13: gre a:gre1 needs 'remote' (the far end's underlay address)",
                "7:50: remote of gre a:gre2 10.0.0.7 is not an address of any node in the lab; the far end of a tunnel must be a node's address",
                "7:65: 'key' in interface 'gre2' of node 'a' must be between 0 and 4294967295, not 4294967296",
                "8:7: gre a:gre3 carries IP packets, not Ethernet frames, so it has no MAC; remove 'mac' (type gretap carries Ethernet)",
                "8:32: local 2001:db8::1 of gre a:gre3 is IPv6; GRE over IPv6 (ip6gre) is not supported, use IPv4 ends",
                "9:68: 'ttl' in interface 'gre4' of node 'a' must be between 1 and 255, not 0",
                "10:13: gretap a:gre5 has the same ends as a:gre4; give one of them a different 'key'");
    }

    @Test
    void vlanIdsAndParents() {
        assertThat(errors(lab("""
                eth1.0: {type: vlan}
                eth1.4095: {type: vlan}
                v3: {type: vlan, parent: eth1, id: 5000}
                v4: {type: vlan}
                v5: {type: vlan, parent: eth7, id: 7}
                v6: {type: vlan, parent: eth1, id: 10}
                v7: {type: vlan, parent: eth1, id: 10}
                v8: {type: vlan, parent: gre1, id: 8}
                gre1: {type: gre, local: 10.0.0.1, remote: 10.0.0.2}
                """, ""))).containsExactly(
                "6:15: vlan a:eth1.0: VLAN id 0 is outside 1 to 4094 (0 and 4095 are reserved by 802.1Q)",
                "7:18: vlan a:eth1.4095: VLAN id 4095 is outside 1 to 4094 (0 and 4095 are reserved by 802.1Q)",
                "8:42: vlan a:v3: VLAN id 5000 is outside 1 to 4094 (0 and 4095 are reserved by 802.1Q)",
                "9:11: vlan a:v4 needs 'id' (its VLAN, 1 to 4094), or a name like eth1.10",
                "9:11: vlan a:v4 needs 'parent' (the interface it tags), or a name like eth1.10",
                "10:32: parent 'eth7' of a:v5: node 'a' has no interface 'eth7' (did you mean 'eth1'?)",
                "12:11: vlan a:v7 is VLAN 10 on eth1, like a:v6; a parent has one sub-interface per VLAN",
                "13:32: parent a:gre1 of vlan a:v8 is a gre tunnel, which carries no Ethernet frames to tag (use gretap)");
    }

    @Test
    void bridgePortsExistAndAreFreeAndWithoutAddresses() {
        assertThat(errors(lab("""
                eth2: {addresses: [10.0.2.1/24]}
                br0: {type: bridge, ports: [eth1, eth3, eth3]}
                br1: {type: bridge, ports: [eth1, gre1, br1]}
                gre1: {type: gre, local: 10.0.0.1, remote: 10.0.0.2}
                br2: {type: bridge, ports: [br2.5]}
                br2.5: {type: vlan}
                """, "") + "  - [a:eth2, b:eth2]\n")).containsExactly(
                "7:35: port a:eth1 of bridge a:br0 has addresses (10.0.0.1/24); a bridge port has none: put them on br0",
                "7:41: port 'eth3' of a:br0: node 'a' has no interface 'eth3' (did you mean 'eth1'?)",
                "7:47: port eth3 is listed twice in bridge a:br0",
                "8:35: port a:eth1 is already a port of bridge a:br0; an interface has one bridge",
                "8:35: port a:eth1 of bridge a:br1 has addresses (10.0.0.1/24); a bridge port has none: put them on br1",
                "8:41: port a:gre1 of bridge a:br1 is a gre tunnel, which carries IP, not Ethernet; use type gretap to bridge over GRE",
                "8:47: port of a:br1 is the interface itself",
                "10:7: interface a:br2 is built on itself: br2 -> br2.5 -> br2",
                "11:7: interface a:br2.5 is built on itself: br2.5 -> br2 -> br2.5");
    }

    @Test
    void switchPortVlans() {
        assertThat(errors("""
                name: lab
                switches:
                  sw1: {}
                  hub1: {hub: true}
                nodes:
                  h1: {}
                  h2: {}
                links:
                  - {endpoints: [h1:eth1, sw1], vlan: 0}
                  - {endpoints: [h1:eth2, sw1], vlan: 4095, vlans: [10, 10, 4095]}
                  - {endpoints: [h1:eth3, sw1], vlan: 10, vlans: [10]}
                  - {endpoints: [h1:eth4, sw1], vlans: []}
                  - {endpoints: [h1:eth5, h2:eth5], vlan: 10}
                  - {endpoints: [h1:eth6, hub1], vlans: [10]}
                  - {endpoints: [h1:eth7, sw1], vlan: ten}
                """)).containsExactly(
                "9:39: 'vlan' of a link: VLAN id 0 is outside 1 to 4094 (0 and 4095 are reserved by 802.1Q)",
                "10:39: 'vlan' of a link: VLAN id 4095 is outside 1 to 4094 (0 and 4095 are reserved by 802.1Q)",
                "10:57: VLAN 10 is listed twice in 'vlans'",
                "10:61: a VLAN in 'vlans' of a link: VLAN id 4095 is outside 1 to 4094 (0 and 4095 are reserved by 802.1Q)",
                "11:51: VLAN 10 is both the untagged 'vlan' and a tagged one in 'vlans'; a port sends a VLAN one way",
                "12:40: 'vlans' of a link is empty; list the VLANs the trunk carries",
                "13:43: 'vlan' and 'vlans' set the VLANs of a switch port, and link h1:eth5 -- h2:eth5 has no switch end; to tag on a node, give it an interface of type vlan",
                "14:41: switch 'hub1' is a hub, which floods every frame and knows no VLANs; remove 'hub' or the VLANs",
                "15:39: 'vlan' of a link must be a whole number, not a string 'ten'");
    }

    @Test
    void impairmentValues() {
        assertThat(errors("""
                name: lab
                nodes:
                  h1:
                    interfaces:
                      eth1: {impairment: {delay: 100}}
                      eth2: {impairment: {jitter: 5ms}}
                      eth3: {impairment: {delay: 5ms, jitter: 10ms, loss: 150%}}
                      eth4: {impairment: {rate: 10mbps, loss: lots}}
                      eth5: {impairment: {rate: fast, delay: 2m}}
                      eth6: {impairment: {rate: 10bit, dealy: 5ms}}
                      eth7: {impairment: {}}
                      eth8: {impairment: {delay: 10ms}}
                  h2: {}
                links:
                  - [h1:eth1, h2:eth1]
                  - [h1:eth2, h2:eth2]
                  - [h1:eth3, h2:eth3]
                  - [h1:eth4, h2:eth4]
                  - [h1:eth5, h2:eth5]
                  - [h1:eth6, h2:eth6]
                  - [h1:eth7, h2:eth7]
                  - {endpoints: [h1:eth8, h2:eth8], impairment: {loss: 1%}}
                """)).containsExactly(
                "5:34: delay '100' of interface h1:eth1 needs a unit (write e.g. 100ms)",
                "6:35: jitter of interface h1:eth2 varies a delay; give 'delay' too",
                "7:47: jitter 10ms of interface h1:eth3 is larger than its delay 5ms (some frames would need a negative delay)",
                "7:59: loss 150% of interface h1:eth3 is more than 100%",
                "8:33: rate '10mbps' of interface h1:eth4: write the rate in bits per second (kbit, mbit, gbit); tc reads 'bps' as bytes per second, which is easy to get wrong",
                "8:47: loss 'lots' of interface h1:eth4 is not a percentage (write e.g. 1% or 0.5%)",
                "9:33: rate 'fast' of interface h1:eth5 is not a rate (write e.g. 10mbit, 512kbit or 1gbit)",
                "9:46: delay '2m' of interface h1:eth5 is not a time (write e.g. 100ms, 1.5ms, 2s or 500us)",
                "10:33: rate 10bit of interface h1:eth6 must be between 1kbit and 100gbit",
                "10:40: unknown key 'dealy' in the impairment of interface h1:eth6 (did you mean 'delay'?)",
                "11:26: the impairment of interface h1:eth7 is empty; give at least one of delay, jitter, loss, rate",
                "12:26: interface h1:eth8 has an impairment, and so has its link (line 22); keep one (on the link it applies to both directions, on the interface to what it sends)");
    }

    @Test
    void pingMeasurements() {
        assertThat(errors("""
                name: lab
                nodes:
                  h1: {interfaces: {eth1: 10.0.0.1/24}}
                  h2: {interfaces: {eth1: 10.0.0.2/24}}
                links:
                  - [h1:eth1, h2:eth1]
                checks:
                  - ping: {from: h1, to: h2, rtt: 200ms}
                  - ping: {from: h1, to: h2, rtt: 300ms..200ms}
                  - ping: {from: h1, to: h2, rtt: 1x..2x}
                  - ping: {from: h1, to: h2, loss: 10%..40%}
                  - ping: {from: h1, to: h2, count: 100, loss: ..}
                  - ping: {from: h1, to: h2, every: 0ms, size: 70000}
                """)).containsExactly(
                "8:35: 'rtt' of the ping check '200ms' is not a range; write it like 180ms..260ms",
                "9:35: 'rtt' of the ping check '300ms..200ms': the lower bound is above the upper one",
                "10:35: 'rtt' of the ping check '1x..2x' is not a range of the right unit; write it like 180ms..260ms",
                "11:36: a loss range needs enough echoes to measure: set 'count' to 10 or more (100 or more for a steady figure)",
                "12:48: 'loss' of the ping check '..' has no bounds; write it like 10%..40%",
                "13:37: 'every' in the ping check must be at least 1ms",
                "13:48: 'size' in the ping check must be between 0 and 65507, not 70000");
    }
}
