package netlab.routing;

import static netlab.routing.RoutingYaml.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.routing.spec.BgpFamily;
import netlab.routing.spec.BgpNeighbor;
import netlab.routing.spec.BgpPeer;
import netlab.routing.spec.BgpSpec;
import netlab.routing.spec.OspfArea;
import netlab.routing.spec.OspfInterface;
import netlab.routing.spec.OspfNetwork;
import netlab.routing.spec.Redistribution;
import netlab.routing.spec.RemoteAs;
import netlab.routing.spec.RoutingSpec;
import org.junit.jupiter.api.Test;

/** The routing section's vocabulary, read into records, and every kind of mistake reported where it was made. */
class RoutingParserTest {

    @Test
    void readsEveryKey() {
        RoutingSpec r1 = RoutingYaml.parse("""
                r1:
                  router_id: 10.255.0.1
                  ospf:
                    interfaces:
                      eth1: {area: 0, cost: 10, network: point-to-point, hello_interval: 1, dead_interval: 4}
                      eth2: {area: 0.0.0.1}
                      lo: {passive: true}
                      eth3:
                    redistribute: connected
                  bgp:
                    as: 4200000001
                    families: [evpn, ipv4]
                    networks: [10.1.0.0/24]
                    redistribute: [connected, ospf]
                    policies:
                      prefer: {local_preference: 200}
                      longer: {prepend: 2}
                    neighbors:
                      - {node: r2}
                      - {node: r3, via: loopback, as: internal, route_reflector_client: true, families: [evpn]}
                      - {interface: eth2, as: external, import: prefer, export: longer, description: "upstream (ISP-1)"}
                      - {address: 2001:db8::2, as: 65002}
                  frr: |
                    ip prefix-list LAN seq 5 permit 10.1.0.0/24
                """).get("r1");

        assertThat(r1.routerId()).contains(IpAddress.of("10.255.0.1"));
        List<OspfInterface> ifs = r1.ospf().orElseThrow().interfaces();
        assertThat(ifs).extracting(OspfInterface::name).containsExactly("eth1", "eth2", "lo", "eth3");
        OspfInterface eth1 = ifs.get(0);
        assertThat(eth1.area()).isEqualTo(OspfArea.BACKBONE);
        assertThat(eth1.cost()).hasValue(10);
        assertThat(eth1.network()).contains(OspfNetwork.POINT_TO_POINT);
        assertThat(eth1.helloSeconds()).hasValue(1);
        assertThat(eth1.deadSeconds()).hasValue(4);
        assertThat(ifs.get(1).area().dotted()).isEqualTo("0.0.0.1");
        assertThat(ifs.get(2).passive()).isTrue();
        assertThat(ifs.get(3)).satisfies(i -> {
            assertThat(i.area()).isEqualTo(OspfArea.BACKBONE);
            assertThat(i.network()).isEmpty();
            assertThat(i.passive()).isFalse();
        });
        assertThat(r1.ospf().get().redistribute()).containsExactly(Redistribution.CONNECTED);

        BgpSpec bgp = r1.bgp().orElseThrow();
        assertThat(bgp.as()).isEqualTo(4_200_000_001L);
        assertThat(bgp.families()).as("in FRR's block order").containsExactly(BgpFamily.IPV4, BgpFamily.EVPN);
        assertThat(bgp.networks()).containsExactly(Cidr.of("10.1.0.0/24"));
        assertThat(bgp.redistribute()).containsExactly(Redistribution.CONNECTED, Redistribution.OSPF);
        assertThat(bgp.policies()).containsOnlyKeys("prefer", "longer");
        assertThat(bgp.policies().get("prefer").localPreference()).hasValue(200);
        assertThat(bgp.policies().get("longer").prepend()).hasValue(2);

        List<BgpNeighbor> ns = bgp.neighbors();
        assertThat(ns.get(0).peer()).isInstanceOfSatisfying(BgpPeer.Node.class, p -> {
            assertThat(p.node()).isEqualTo("r2");
            assertThat(p.via()).isEqualTo(BgpPeer.Via.LINK);
        });
        assertThat(ns.get(0).as()).as("a node peer's AS comes from the peer").isEmpty();
        assertThat(ns.get(1).peer()).isInstanceOfSatisfying(BgpPeer.Node.class, p -> assertThat(p.via()).isEqualTo(BgpPeer.Via.LOOPBACK));
        assertThat(ns.get(1).as()).contains(RemoteAs.INTERNAL);
        assertThat(ns.get(1).routeReflectorClient()).isTrue();
        assertThat(ns.get(1).families()).contains(List.of(BgpFamily.EVPN));
        assertThat(ns.get(2).peer()).isEqualTo(new BgpPeer.Interface("eth2", ns.get(2).peer().pos()));
        assertThat(ns.get(2).importPolicy().map(l -> l.text())).contains("prefer");
        assertThat(ns.get(2).exportPolicy().map(l -> l.text())).contains("longer");
        assertThat(ns.get(2).description()).contains("upstream (ISP-1)");
        assertThat(ns.get(3).peer()).isInstanceOfSatisfying(BgpPeer.Address.class, p -> assertThat(p.address()).isEqualTo(IpAddress.of("2001:db8::2")));
        assertThat(ns.get(3).as()).contains(RemoteAs.number(65002));

        assertThat(r1.frr().orElseThrow().text()).isEqualTo("ip prefix-list LAN seq 5 permit 10.1.0.0/24\n");
    }

    @Test
    void defaults() {
        RoutingSpec r = RoutingYaml.parse("""
                r1:
                  bgp: {as: 65001}
                """).get("r1");
        assertThat(r.bgp().orElseThrow().families()).containsExactly(BgpFamily.IPV4);
        assertThat(r.ospf()).isEmpty();
        assertThat(r.routerId()).isEmpty();
    }

    @Test
    void unknownKeysAtEveryLevelWithSuggestions() {
        assertThat(errors("""
                r1:
                  routr_id: 10.0.0.1
                  ospf:
                    interface: {}
                  bgp:
                    as: 1
                    neighbours: []
                    policies:
                      p: {local_pref: 1}
                """)).containsExactly(
                "2:3: unknown key 'routr_id' in the routing of node 'r1' (did you mean 'router_id'?)",
                "4:5: the ospf of node 'r1' needs 'interfaces': the interfaces OSPF runs on, like {eth1: {area: 0}, lo: {passive: true}}",
                "4:5: unknown key 'interface' in the ospf of node 'r1' (did you mean 'interfaces'?)",
                "7:5: unknown key 'neighbours' in the bgp of node 'r1' (did you mean 'neighbors'?)",
                "9:10: policy 'p' of node 'r1' sets nothing; give 'local_preference' or 'prepend'",
                "9:11: unknown key 'local_pref' in policy 'p' of node 'r1'; allowed: local_preference, prepend");
        assertThat(errors("""
                r1:
                  ospf:
                    interfaces:
                      eth1: {aera: 0, passiv: true}
                  bgp:
                    as: 1
                    neighbors:
                      - {node: r2, rr_client: true}
                """)).containsExactly(
                "4:14: unknown key 'aera' in OSPF interface 'eth1' of node 'r1' (did you mean 'area'?)",
                "4:23: unknown key 'passiv' in OSPF interface 'eth1' of node 'r1' (did you mean 'passive'?)",
                "8:20: unknown key 'rr_client' in a BGP neighbour of node 'r1'; allowed: address, as, description, export, families, import,"
                        + " interface, node, route_reflector_client, via");
    }

    @Test
    void badValuesAllAtOnce() {
        assertThat(errors("""
                r1:
                  router_id: 2001:db8::1
                  ospf:
                    router_id: 0.0.0.0
                    interfaces:
                      eth1: {area: backbone, cost: 0, network: p2p, hello_interval: 5, dead_interval: 5}
                      eth2: {dead_interval: 10}
                    redistribute: [ospf, connected, connected]
                  bgp:
                    as: 4294967296
                    families: [ipv4, evnp]
                    networks: [10.1.0.1/24, 2001:db8::/64, 10.9.0.0]
                    redistribute: [conected]
                """)).containsExactly(
                "2:14: 'router_id' of the routing of node 'r1': '2001:db8::1' is not an IPv4 address (a router ID is written like one, 10.255.0.1)",
                "4:16: 'router_id' of the ospf of node 'r1' cannot be 0.0.0.0",
                "6:20: 'area' of OSPF interface 'eth1' of node 'r1' must be a number like 0 or dotted like 0.0.0.0, not a string 'backbone'",
                "6:36: 'cost' in OSPF interface 'eth1' of node 'r1' must be between 1 and 65535, not 0",
                "6:48: 'network' of OSPF interface 'eth1' of node 'r1' must be broadcast or point-to-point, not 'p2p'",
                "6:87: 'dead_interval' of OSPF interface 'eth1' of node 'r1' (5 s) must be longer than the hello interval (5 s): a neighbour is"
                        + " declared dead after missing hellos",
                "7:29: 'dead_interval' of OSPF interface 'eth2' of node 'r1' (10 s) must be longer than the hello interval (10 s, FRR's default):"
                        + " a neighbour is declared dead after missing hellos",
                "8:20: 'redistribute' of the ospf of node 'r1': unknown value 'ospf'; allowed: connected, static, kernel, bgp",
                "8:37: 'redistribute' of the ospf of node 'r1' lists 'connected' twice",
                "10:9: 'as' in the bgp of node 'r1' must be between 1 and 4294967295, not 4294967296",
                "11:22: 'families' of the bgp of node 'r1': unknown value 'evnp' (did you mean 'evpn'?); allowed: ipv4, ipv6, evpn",
                "12:16: network 10.1.0.1/24 of the bgp of node 'r1' has host bits set; did you mean 10.1.0.0/24?",
                "12:29: network 2001:db8::/64 of the bgp of node 'r1' is IPv6, but the node's BGP does not carry the ipv6 family; add it to 'families'",
                "12:44: network '10.9.0.0' of the bgp of node 'r1' is not a prefix like 10.1.0.0/24",
                "13:20: 'redistribute' of the bgp of node 'r1': unknown value 'conected' (did you mean 'connected'?); allowed: connected, static,"
                        + " kernel, ospf");
    }

    @Test
    void neighbourMistakes() {
        assertThat(errors("""
                r1:
                  bgp:
                    as: 65001
                    policies:
                      prefer: {local_preference: 200}
                    neighbors:
                      - {node: r2, address: 10.0.0.2}
                      - {as: 1}
                      - {address: 10.0.0.2}
                      - {address: 10.0.0.3/30, as: 1}
                      - {address: fe80::1, as: 1}
                      - {interface: eth1, as: ext, via: loopback}
                      - {node: r2, via: tunnel, import: prefr, export: other}
                      - {interface: lo, as: 1}
                      - {node: r3, families: [ipv6]}
                      - {node: r4}
                      - {node: r4}
                """)).containsExactly(
                "7:9: a BGP neighbour of node 'r1' names its peer twice ('node' and 'address'); give exactly one of node, interface or address",
                "8:9: a BGP neighbour of node 'r1' needs one of 'node', 'interface' or 'address': who the neighbour is",
                "9:9: a BGP neighbour of node 'r1' needs 'as': its AS number, or internal (this node's AS) or external (any other)",
                "10:19: 'address' of a BGP neighbour of node 'r1': '10.0.0.3/30' is not an IP address (write it without a prefix length)",
                "11:19: 'address' of a BGP neighbour of node 'r1' is link-local (fe80::1); for a session over link-local addresses name the"
                        + " interface instead: {interface: IFACE}",
                "12:31: 'as' of a BGP neighbour of node 'r1' must be an AS number (1 to 4294967295), internal or external, not 'ext'",
                "12:41: 'via' of a BGP neighbour of node 'r1' only applies to a neighbour given by 'node'",
                "13:25: 'via' of a BGP neighbour of node 'r1' must be link (the two nodes' addresses on a subnet they share) or loopback (their"
                        + " loopback addresses), not 'tunnel'",
                "13:41: 'import' of a BGP neighbour of node 'r1': there is no policy 'prefr' (did you mean 'prefer'?); policies: prefer",
                "13:56: 'export' of a BGP neighbour of node 'r1': there is no policy 'other'; policies: prefer",
                "14:21: 'interface' of a BGP neighbour of node 'r1' is lo: an unnumbered session runs over a link to the neighbour",
                "15:30: a BGP neighbour of node 'r1' takes part in the ipv6 family, which the node's BGP does not carry (ipv4); add it to the"
                        + " node's 'families'",
                "17:9: node 'r1' has BGP neighbour node r4 twice (first at line 16)");
    }

    @Test
    void anEmptySectionAndWrongTypes() {
        assertThat(errors("""
                r1: {}
                r2: [ospf]
                r3:
                  ospf: {interfaces: {}}
                  frr: [log]
                """)).containsExactly(
                "1:5: the routing of node 'r1' configures nothing; give 'ospf', 'bgp' or 'frr'",
                "2:5: 'routing' of node 'r2' must be a mapping (key: value lines), not a list",
                "4:22: 'interfaces' of the ospf of node 'r3' is empty; OSPF needs at least one interface",
                "5:8: 'frr' of node 'r3' must be FRR configuration text (a block: frr: |), not a list");
    }

    @Test
    void redistributingAProtocolTheNodeDoesNotRun() {
        assertThat(errors("""
                r1:
                  bgp: {as: 1, redistribute: [ospf]}
                r2:
                  ospf: {interfaces: {eth1: {}}, redistribute: [bgp]}
                """)).containsExactly(
                "2:8: the bgp of node 'r1' redistributes ospf, but the node runs no OSPF (no 'ospf')",
                "4:9: the ospf of node 'r2' redistributes bgp, but the node runs no BGP (no 'bgp')");
    }

    @Test
    void stringsThatReachFrrCannotAddLinesOrWords() {
        // Each of these would start a command of its own (a newline), split into more arguments (a space), or hide the
        // rest of the line (a '!'), if it reached FRR's configuration as written.
        assertThat(errors("""
                r1:
                  ospf:
                    interfaces:
                      "eth1\\nrouter bgp 1": {}
                      "eth1 area": {}
                      averyveryverylongname: {}
                  bgp:
                    as: 1
                    policies:
                      "p\\nline vty": {prepend: 1}
                      "p q": {prepend: 1}
                      "1p": {prepend: 1}
                    neighbors:
                      - {interface: "eth1\\n exit", as: 1}
                      - {address: 10.0.0.2, as: 1, description: "peer\\nrouter ospf"}
                      - {address: 10.0.0.3, as: 1, description: "peer ! comment"}
                      - {address: 10.0.0.4, as: 1, description: "two  spaces"}
                """)).containsExactly(
                "4:7: an OSPF interface of node 'r1': 'eth1\\nrouter bgp 1' is not an interface name: letters, digits, '.', '-' and '_', starting"
                        + " with a letter or digit",
                "5:7: an OSPF interface of node 'r1': 'eth1 area' is not an interface name: letters, digits, '.', '-' and '_', starting with a"
                        + " letter or digit",
                "6:7: an OSPF interface of node 'r1': 'averyveryverylongname' is 21 characters long; Linux allows at most 15",
                "10:7: a policy name of node 'r1': 'p\\nline vty' may only use letters, digits, '-' and '_', starting with a letter (at most 63"
                        + " characters)",
                "11:7: a policy name of node 'r1': 'p q' may only use letters, digits, '-' and '_', starting with a letter (at most 63 characters)",
                "12:7: a policy name of node 'r1': '1p' may only use letters, digits, '-' and '_', starting with a letter (at most 63 characters)",
                "14:21: 'interface' of a BGP neighbour of node 'r1': 'eth1\\n exit' is not an interface name: letters, digits, '.', '-' and '_',"
                        + " starting with a letter or digit",
                "15:49: the description of a BGP neighbour of node 'r1': 'peer\\nrouter ospf' may only use letters, digits, single spaces and"
                        + " _ . , : / ( ) + @ -",
                "16:49: the description of a BGP neighbour of node 'r1': 'peer ! comment' may only use letters, digits, single spaces and"
                        + " _ . , : / ( ) + @ -",
                "17:49: the description of a BGP neighbour of node 'r1': 'two  spaces' may only use letters, digits, single spaces and"
                        + " _ . , : / ( ) + @ -");
    }

    @Test
    void rawFrrTextIsRefusedWhereItWouldWriteOutsideTheLabOrNeedAnotherDaemon() {
        assertThat(errors("""
                r1:
                  frr: |
                    ip prefix-list LAN seq 5 permit 10.1.0.0/24
                    log file /var/log/frr/x.log
                    router isis LAB
                     dump bgp all /tmp/x
                    router ospf
                    router bgp 65001
                """)).containsExactly(
                "2:8: line 2 of the frr text of node 'r1': 'log file /var/log/frr/x.log': netlab sets each daemon's log (a file in the lab's work"
                        + " directory); a 'log' command could make it write elsewhere",
                "2:8: line 3 of the frr text of node 'r1': 'router isis' needs a daemon netlab does not run (it runs zebra, staticd, ospfd,"
                        + " bgpd, ripd, ripngd and ospf6d)",
                "2:8: line 4 of the frr text of node 'r1': 'dump bgp all /tmp/x': BGP dumps write files where they say; netlab keeps FRR's files"
                        + " in the lab's work directory");
        assertThat(errors("""
                r1:
                  frr: "router ospf\\n\\u0007"
                """)).containsExactly("2:8: line 2 of the frr text of node 'r1' has a control character; FRR configuration is plain text");
    }

    @Test
    void aSectionWithErrorsStillYieldsWhatCouldBeRead() {
        netlab.source.Diagnostics d = new netlab.source.Diagnostics();
        RoutingSpec r = RoutingYaml.parse("""
                r1:
                  ospf:
                    interfaces:
                      eth1: {cost: 0}
                      eth2: {}
                """, d).get("r1");
        assertThat(d.count()).isEqualTo(1);
        assertThat(r.ospf().orElseThrow().interfaces()).extracting(OspfInterface::name).containsExactly("eth1", "eth2");
        assertThat(r.ospf().get().interfaces().get(0).cost()).isEmpty();
        assertThat(Optional.of(r.bgp())).contains(Optional.empty());
    }
}
