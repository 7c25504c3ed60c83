package netlab.topology;

import static netlab.testing.Topologies.errors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every kind of topology error, each reported with the exact line and column, all at once. */
class ValidationErrorsTest {

    @Test
    void unknownKeysAtEveryLevelWithSuggestions() {
        assertThat(errors("""
                name: lab
                nodse:
                  h1: {}
                """)).containsExactly(
                "1:1: the topology needs 'nodes' (at least one node)",
                "2:1: unknown key 'nodse' in the topology (did you mean 'nodes'?)");
        assertThat(errors("""
                name: lab
                nodes:
                  h1:
                    forwading: true
                    interfaces:
                      eth1: {adresses: [10.0.0.1/24]}
                switches:
                  sw1: {hubb: true}
                links:
                  - {endpoints: [h1:eth1, sw1], subnett: 10.0.0.0/24}
                checks:
                  - ping: {from: h1, too: h1}
                """)).containsExactly(
                "4:5: unknown key 'forwading' in node 'h1' (did you mean 'forwarding'?)",
                "6:14: unknown key 'adresses' in interface 'eth1' of node 'h1' (did you mean 'addresses'?)",
                "8:9: unknown key 'hubb' in switch 'sw1' (did you mean 'hub'?)",
                "10:33: unknown key 'subnett' in a link (did you mean 'subnet'?)",
                "12:11: the ping check needs 'to'",
                "12:22: unknown key 'too' in the ping check (did you mean 'to'?)");
    }

    @Test
    void yamlSyntaxErrorHasPosition() {
        assertThat(errors("""
                name: lab
                nodes:
                  h1: {
                """)).hasSize(1).first().asString().startsWith("4:1: YAML syntax error");
    }

    @Test
    void duplicateKeys() {
        assertThat(errors("""
                name: lab
                nodes:
                  h1: {}
                  h1: {}
                """)).containsExactly("4:3: duplicate key 'h1' (first at line 3)");
    }

    @Test
    void badAddressesAndSubnets() {
        assertThat(errors("""
                name: lab
                switches:
                  sw1: {subnet: 10.0.0.0/24, subnet6: 10.0.9.0/24}
                  sw2: {subnet: 10.0.1.5/24}
                nodes:
                  h1:
                    interfaces:
                      eth1: [10.0.0.300/24]
                      eth2: 10.0.1.1
                      eth3: 10.0.2.1/24
                  h2:
                    interfaces:
                      eth1: 10.0.0.1/24
                links:
                  - [h1:eth1, sw1]
                  - [h2:eth1, sw1]
                  - [h1:eth2, sw2]
                  - [h1:eth3, sw1]
                """)).containsExactly(
                "3:39: 'subnet6' of switch 'sw1' must be an IPv6 subnet",
                "4:17: 'subnet' of switch 'sw2': 10.0.1.5/24 has host bits set; did you mean 10.0.1.0/24?",
                "8:14: address '10.0.0.300/24' is not valid: '10.0.0.300' is not an IPv4 or IPv6 address",
                "9:13: address '10.0.1.1' is not valid: it has no prefix length (write e.g. 10.0.1.1/24)",
                "10:13: address 10.0.2.1/24 of h1:eth3 is outside subnet 10.0.0.0/24 of switch sw1");
    }

    @Test
    void duplicateAddressesOnASegmentAndNetworkAddresses() {
        assertThat(errors("""
                name: lab
                switches:
                  sw1: {subnet: 10.0.0.0/24}
                nodes:
                  h1: {interfaces: {eth1: 10.0.0.7/24}}
                  h2: {interfaces: {eth1: 10.0.0.7/24}}
                  h3: {interfaces: {eth1: 10.0.0.0/24}}
                  h4: {interfaces: {eth1: 10.0.0.255/24}}
                links:
                  - [h1:eth1, sw1]
                  - [h2:eth1, sw1]
                  - [h3:eth1, sw1]
                  - [h4:eth1, sw1]
                """)).containsExactly(
                "6:27: address 10.0.0.7 of h2:eth1 is already used by h1:eth1 on switch sw1",
                "7:27: address 10.0.0.0/24 of h3:eth1 is the network address of its subnet; pick a host address",
                "8:27: address 10.0.0.255/24 of h4:eth1 is the broadcast address of its subnet; pick a host address");
    }

    @Test
    void danglingEndsAndNames() {
        assertThat(errors("""
                name: lab
                switches:
                  sw1: {}
                nodes:
                  host1: {}
                  host2:
                    interfaces:
                      eth9: {}
                links:
                  - [hots1:eth1, sw1]
                  - [host1:eth1, sw2]
                  - [host1, sw1]
                  - [sw1:eth1, host2:eth1]
                  - [host2:averyveryverylongname, sw1]
                  - [host1:eth2, host1:eth2]
                """)).containsExactly(
                "8:7: interface host2:eth9 is not connected by any link; add a link or remove it",
                "10:6: link endpoint hots1:eth1: there is no node 'hots1' (did you mean 'host1'?)",
                "11:18: link endpoint 'sw2' is not a switch (did you mean 'sw1'?)",
                "12:6: 'host1' is a node; a link to it needs an interface, like host1:eth1",
                "13:6: 'sw1' is a switch; write just 'sw1' (switch ports are named by netlab)",
                "14:6: interface name 'averyveryverylongname' is 21 characters long; Linux allows at most 15",
                "15:5: a link cannot connect host1:eth2 to itself");
    }

    @Test
    void interfaceUsedByTwoLinks() {
        assertThat(errors("""
                name: lab
                switches: {sw1: {}, sw2: {}}
                nodes: {h1: {}}
                links:
                  - [h1:eth1, sw1]
                  - [h1:eth1, sw2]
                """)).containsExactly("6:6: interface h1:eth1 is already used by the link at line 5; an interface has one link");
    }

    @Test
    void routesAndGateways() {
        assertThat(errors("""
                name: lab
                switches: {sw1: {subnet: 10.0.0.0/24}}
                nodes:
                  r1: {forwarding: true}
                  h1:
                    gateway: r2
                    routes:
                      - {to: 10.9.0.1/16, via: r1}
                      - {to: 10.8.0.0/16, via: 10.7.0.1}
                      - {to: 10.6.0.0/16, via: r1, dev: eth7}
                      - 10.5.0.0/16 to r1
                      - {to: 10.4.0.0/16}
                links:
                  - [r1:eth1, sw1]
                  - [h1:eth1, sw1]
                """)).containsExactly(
                "6:14: route to default of node 'h1': gateway 'r2' is neither an IP address nor a node (did you mean 'r1'?)",
                "8:14: route destination 10.9.0.1/16 has host bits set; did you mean 10.9.0.0/16?",
                "9:9: route to 10.8.0.0/16 of node 'h1': gateway 10.7.0.1 is not in any subnet of the node (its addresses: 10.0.0.2/24)",
                "10:9: route to 10.6.0.0/16 of node 'h1': it has no interface 'eth7' (did you mean 'eth1'?)",
                "11:9: route '10.5.0.0/16 to r1' of node 'h1': write it as 'DEST via GATEWAY [dev IFACE]'",
                "12:9: a route of node 'h1' needs 'via' (a gateway) or 'dev' (an interface)");
    }

    @Test
    void typesAndRanges() {
        assertThat(errors("""
                name: my lab
                nodes:
                  h1:
                    forwarding: yes
                    interfaces:
                      eth1: {mtu: 10, mac: 01:00:00:00:00:01}
                    sysctls:
                      kernel.hostname: x
                switches: {sw1: {}}
                links: [[h1:eth1, sw1]]
                checks:
                  - ping: {from: h1, to: 10.0.0.1, count: 0}
                    expect: maybe
                    timeout: soon
                """)).containsExactly(
                "1:7: lab name 'my lab' may only use letters, digits, '-' and '_', starting with a letter or digit",
                "4:17: 'forwarding' in node 'h1' must be true or false, not a string 'yes'",
                "6:19: 'mtu' in interface 'eth1' of node 'h1' must be between 68 and 65535, not 10",
                "6:28: MAC 01:00:00:00:00:01 is a multicast address; an interface needs a unicast one (first byte even)",
                "8:24: sysctl 'kernel.hostname' is not per network namespace; setting it in a node would change the host (only net.* sysctls are allowed)",
                "12:43: 'count' in the ping check must be between 1 and 1000, not 0",
                "13:13: 'expect' must be success or failure, not 'maybe'",
                "14:14: 'timeout' in a check: 'soon' is not a duration (use e.g. 2s, 500ms, 1m)");
    }

    @Test
    void checksReferToExistingThings() {
        assertThat(errors("""
                name: lab
                switches: {sw1: {subnet: 10.0.0.0/24}}
                nodes: {h1: {}, h2: {}}
                links: [[h1:eth1, sw1], [h2:eth1, sw1]]
                checks:
                  - ping: {from: h3, to: h2}
                  - ping: {from: h1, to: h2:eth2}
                  - fdb: {switch: sw9, host: h1}
                  - neighbour: {node: h1, has: h9}
                  - exec: {node: h1, command: "ping ${h7}"}
                  - capture: {on: h2, during: {ping: {from: h1, to: h2}}}
                  - pingg: {from: h1, to: h2}
                """)).containsExactly(
                "6:18: ping from 'h3': there is no node 'h3' (did you mean 'h1'?)",
                "7:26: ping to 'h2:eth2': node 'h2' has no interface 'eth2' (did you mean 'eth1'?)",
                "8:19: fdb check: there is no switch 'sw9' (did you mean 'sw1'?)",
                "9:32: neighbour 'h9': there is no node 'h9' (did you mean 'h1'?)",
                "10:31: '${h7}': there is no node 'h7' (did you mean 'h1'?)",
                "11:19: capture 'on' needs node:interface, like h2:eth1",
                "12:5: unknown key 'pingg' in a check (did you mean 'ping'?)");
    }

    @Test
    void subnetExhaustion() {
        assertThat(errors("""
                name: lab
                nodes: {a: {}, b: {}, c: {}}
                switches: {sw1: {subnet: 10.0.0.0/30}}
                links: [[a:eth1, sw1], [b:eth1, sw1], [c:eth1, sw1]]
                """)).containsExactly("4:39: subnet 10.0.0.0/30 of switch sw1 has no free address left for c:eth1");
    }

    @Test
    void joinedSwitchesAreOneSegmentForAddresses() {
        // automatic addresses come from one pool: h1 and h2 must not both get 10.0.0.1
        var lab = netlab.testing.Topologies.load("""
                name: lab
                switches: {sw1: {subnet: 10.0.0.0/24}, sw2: {subnet: 10.0.0.0/24}}
                nodes: {h1: {}, h2: {}}
                links: [[sw1, sw2], [h1:eth1, sw1], [h2:eth1, sw2]]
                """);
        assertThat(lab.model().nodes().get("h1").interfaces().get("eth1").addresses()).hasToString("[10.0.0.1/24]");
        assertThat(lab.model().nodes().get("h2").interfaces().get("eth1").addresses()).hasToString("[10.0.0.2/24]");
        assertThat(errors("""
                name: lab
                switches: {sw1: {subnet: 10.0.0.0/24}, sw2: {subnet: 10.0.0.0/24}, sw3: {}}
                nodes: {h1: {interfaces: {eth1: [10.0.0.7/24]}}, h2: {interfaces: {eth1: [10.0.0.7/24]}}}
                links: [[sw1, sw3], [sw3, sw2], [h1:eth1, sw1], [h2:eth1, sw2]]
                """)).containsExactly("3:75: address 10.0.0.7 of h2:eth1 is already used by h1:eth1 on switch sw2");
    }

    @Test
    void sysctlNamesWithEmptyParts() {
        assertThat(errors("""
                name: lab
                nodes:
                  h1: {sysctls: {net.ipv4.conf...all.rp_filter: 0, net.ipv4.ip_forward.: 1}}
                """)).containsExactly(
                "3:49: sysctl name 'net.ipv4.conf...all.rp_filter' has an empty part (two dots in a row, or a dot at the end)",
                "3:74: sysctl name 'net.ipv4.ip_forward.' has an empty part (two dots in a row, or a dot at the end)");
    }

    @Test
    void validTopologyHasNoErrors() {
        assertThat(errors("""
                name: ok
                switches: {sw1: {subnet: 10.0.0.0/24, subnet6: "2001:db8::/64"}}
                nodes:
                  r1: {forwarding: true, interfaces: {eth1: [10.0.0.254/24, "2001:db8::fe/64"], lo: [10.255.0.1/32]}}
                  h1: {gateway: r1, gateway6: r1}
                links: [[r1:eth1, sw1], [h1:eth1, sw1]]
                checks:
                  - ping: {from: h1, to: r1}
                  - ping: {from: h1, to: r1, ipv6: true}
                """)).isEmpty();
    }
}
