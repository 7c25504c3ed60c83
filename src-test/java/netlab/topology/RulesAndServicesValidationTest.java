package netlab.topology;

import static netlab.testing.Topologies.errors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every mistake in rules, services and the http/tcp checks, reported with its exact line and column. */
class RulesAndServicesValidationTest {
    private static final String LAB = """
            name: lab
            switches:
              lan: {subnet: 192.168.1.0/24}
              wan: {subnet: 203.0.113.0/24}
            links: [[r1:eth1, lan], [r1:eth2, wan], [h1:eth1, lan], [web:eth1, wan]]
            """;

    @Test
    void ruleKindsAndKeys() {
        assertThat(errors(LAB + """
                nodes:
                  h1: {}
                  web: {}
                  r1:
                    forwarding: true
                    rules:
                      - masqurade: {out: eth2}
                      - masquerade: {out: eth2, in: eth1}
                      - drop: {protocol: tcp}
                        port: 80
                      - {}
                      - dnat
                      - 42
                """)).containsExactly(
                "12:9: unknown kind 'masqurade' for a rule of node 'r1' (did you mean 'masquerade'?); kinds: masquerade, snat, dnat, accept, drop, reject",
                "13:33: unknown key 'in' in the masquerade rule of node 'r1'; allowed: destination, out, port, protocol, source",
                "15:9: a rule of node 'r1' has one kind and its settings under it; 'port' belongs inside 'drop'",
                "16:9: a rule of node 'r1' needs a kind; kinds: masquerade, snat, dnat, accept, drop, reject",
                "17:9: the dnat rule of node 'r1' needs 'to'",
                "18:9: unknown kind '42' for a rule of node 'r1'; kinds: masquerade, snat, dnat, accept, drop, reject");
    }

    @Test
    void ruleValuesAndReferences() {
        assertThat(errors(LAB + """
                nodes:
                  h1: {}
                  web: {}
                  r1:
                    forwarding: true
                    rules:
                      - masquerade: {source: 192.168.1.7/24, out: eht2}
                      - snat: {out: eth2, to: 198.51.100.9}
                      - snat: {out: eth2, to: web}
                      - dnat: {in: eth2, protocol: tcp, port: 70000, to: "h1:80"}
                      - dnat: {in: eth2, protocol: tpc, port: 8080, to: "h1:99999"}
                      - dnat: {in: eth2, port: 8080, to: "h2:80"}
                      - dnat: {chain: output, in: eth2, to: 10.0.0.0/8}
                      - drop: {chain: forwrd, source: h9, destination: 2001:db8::1, port: 0}
                      - drop: {chain: input, out: eth2, state: [new, estabished]}
                      - reject: {chain: output, in: eth1, with: tcp-reset, protocol: udp}
                      - accept: {port: 80-10, protocol: udp, in: wlan+}
                """)).containsExactly(
                "12:30: 'source' of the masquerade rule of node 'r1' 192.168.1.7/24 has host bits set; did you mean 192.168.1.0/24?",
                "12:51: 'out' of the masquerade rule of node 'r1': node 'r1' has no interface 'eht2' (did you mean 'eth2'?); its interfaces: eth1, eth2",
                "13:31: 'to' of the snat rule of node 'r1': 198.51.100.9 is not an address of node 'r1' (its IPv4 addresses: 192.168.1.1 (eth1), 203.0.113.1 (eth2))",
                "14:31: 'to' of the snat rule of node 'r1': 203.0.113.2 is not an address of node 'r1' (its IPv4 addresses: 192.168.1.1 (eth1), 203.0.113.1 (eth2))",
                "15:47: 'port' in the dnat rule of node 'r1' must be between 1 and 65535, not 70000",
                "16:36: 'protocol' in the dnat rule of node 'r1' must be tcp, udp, icmp, not 'tpc' (did you mean 'tcp'?)",
                "16:57: port in 'to' of the dnat rule of node 'r1' must be from 1 to 65535, not 99999",
                "17:32: 'port' of the dnat rule of node 'r1' needs 'protocol: tcp' or 'protocol: udp'",
                "17:42: 'to' of the dnat rule of node 'r1': there is no node 'h2' (did you mean 'h1'?)",
                "18:35: 'in' of the dnat rule of node 'r1': with chain output the packets are the node's own and have no incoming interface",
                "18:45: 'to' of the dnat rule of node 'r1' must be one address (optionally with :PORT), not the subnet 10.0.0.0/8",
                "19:23: 'chain' of the drop rule of node 'r1' must be input, forward or output, not 'forwrd' (did you mean 'forward'?)",
                "19:39: 'source' of the drop rule of node 'r1': there is no node 'h9' (did you mean 'h1'?)",
                "19:56: 'destination' of the drop rule of node 'r1' 2001:db8::1 is IPv6; rules are IPv4 (netlab applies them with iptables)",
                "19:75: 'port' in the drop rule of node 'r1' must be between 1 and 65535, not 0",
                "20:35: 'out' of the drop rule of node 'r1': chain input holds packets for the node itself, which have no outgoing interface",
                "20:54: conntrack state 'estabished' in the drop rule of node 'r1' is not one of invalid, new, related, established, untracked (did you mean 'established'?)",
                "21:37: 'in' of the reject rule of node 'r1': chain output holds the node's own packets, which have no incoming interface",
                "21:49: 'with: tcp-reset' of the reject rule of node 'r1' needs 'protocol: tcp'",
                "22:24: 'port' in the accept rule of node 'r1' '80-10' is not a range of ports: both ends must be from 1 to 65535, the first not above the second",
                "22:50: 'in' of the accept rule of node 'r1': no interface of node 'r1' starts with 'wlan'");
    }

    @Test
    void services() {
        assertThat(errors(LAB + """
                nodes:
                  h1: {}
                  r1: {}
                  web:
                    services:
                      - htp
                      - http: {port: 80, address: 192.168.1.1}
                      - http: {adress: 203.0.113.2}
                      - tcp
                      - tcp: {port: 80}
                      - http: {port: 0, address: web}
                """)).containsExactly(
                "11:9: unknown kind 'htp' for a service of node 'web' (did you mean 'http'?); kinds: http, tcp, dns",
                "12:35: 'address' of the http service of node 'web': 192.168.1.1 is not an address of node 'web' (its addresses: 203.0.113.2)",
                "13:16: unknown key 'adress' in the http service of node 'web' (did you mean 'address'?)",
                "14:9: the tcp service of node 'web' needs 'port'",
                "15:14: node 'web' has two services on tcp port 80 (the other at line 12)",
                "16:22: 'port' in the http service of node 'web' must be between 1 and 65535, not 0",
                "16:34: 'address' of the http service of node 'web': 'web' is not an IP address");
    }

    @Test
    void httpAndTcpChecks() {
        assertThat(errors(LAB + """
                nodes: {h1: {}, r1: {}, web: {}}
                checks:
                  - http: {from: h2, url: "http://${wbe}/"}
                  - http: {from: h1, url: "ftp://web/", status: 999, matches: "(", server_sees: r1:eth9}
                  - http: {from: h1}
                  - tcp: {from: h1, to: web, state: filterd}
                  - tcp: {from: h1, to: wbe, port: 65536}
                """)).containsExactly(
                "8:18: http from 'h2': there is no node 'h2' (did you mean 'h1'?)",
                "8:27: '${wbe}': there is no node 'wbe' (did you mean 'web'?)",
                "9:27: 'url' must start with http:// or https://, like http://${web}/ (not 'ftp://web/')",
                "9:49: 'status' in the http check must be between 100 and 599, not 999",
                "9:63: 'matches' is not a valid regular expression: Unclosed group",
                "9:81: server_sees 'r1:eth9': node 'r1' has no interface 'eth9' (did you mean 'eth1'?)",
                "10:11: the http check needs 'url'",
                "11:10: the tcp check needs 'port'",
                "11:37: 'state' of the tcp check must be open, closed, filtered, unreachable, not 'filterd' (did you mean 'filtered'?)",
                "12:25: tcp to 'wbe': there is no node 'wbe' (did you mean 'web'?)",
                "12:36: 'port' in the tcp check must be between 1 and 65535, not 65536");
    }

    @Test
    void overIpv6TheTcpAndHttpChecksNeedTheNodesIpv6Addresses() {
        assertThat(errors(LAB + """
                nodes:
                  r1: {}
                  h1: {}
                  web: {}
                checks:
                  - tcp: {from: h1, to: web, port: 80, ipv6: true}
                  - tcp: {from: h1, to: 203.0.113.9, port: 80, ipv6: true}
                  - http: {from: h1, url: "http://[2001:db8::1]/", server_sees: h1}
                  - http: {from: h1, url: "http://${web}/", server_sees: h1}
                """)).containsExactly(
                "11:25: tcp to 'web' has no IPv6 address to probe",
                "12:25: tcp to 203.0.113.9 is IPv4; remove 'ipv6: true'",
                "13:65: server_sees 'h1' has no IPv6 address to probe"); // the URL's host is IPv6, so is the client
    }
}
