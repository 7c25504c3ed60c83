package netlab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import netlab.lab.LoadedLab;
import netlab.model.ModelNode;
import netlab.testing.Topologies;
import org.junit.jupiter.api.Test;

/** Every rule kind rendered to the exact iptables-restore input netlab feeds the node (a golden kept in the test). */
class RuleRenderingTest {
    static final String TOPOLOGY = """
            name: fw
            switches:
              lan: {subnet: 192.168.1.0/24}
              wan: {subnet: 198.51.100.0/24}
            nodes:
              gw:
                forwarding: true
                interfaces:
                  eth1: 192.168.1.1/24
                  eth2: [198.51.100.1/24, 198.51.100.2/24]
                rules:
                  - accept: {state: [related, established]}
                  - masquerade: {source: 192.168.1.0/24, out: eth2}
                  - snat: {source: srv, out: eth2, to: 198.51.100.2, protocol: udp}
                  - dnat: {in: eth2, destination: gw:eth2, protocol: tcp, port: 8080, to: "srv:80"}
                  - dnat: {chain: output, destination: 10.96.0.10, protocol: udp, port: 53, to: srv}
                  - drop: {source: pc, protocol: tcp, port: 8000-8100}
                  - reject: {chain: input, in: eth+, protocol: tcp, port: 22, with: tcp-reset}
                  - reject: {chain: output, destination: 198.51.100.0/24, protocol: icmp}
                  - accept: {chain: input, source: 192.168.1.0/24, state: new}
              pc: {gateway: gw}
              srv: {gateway: gw}
            links:
              - [gw:eth1, lan]
              - [gw:eth2, wan]
              - [pc:eth1, lan]
              - [srv:eth1, lan]
            """;

    @Test
    void everyKindRendersToTheExactRestoreInput() {
        LoadedLab lab = Topologies.load(TOPOLOGY);
        ModelNode gw = lab.model().node("gw").orElseThrow();
        NodeRules.Rendered r = NodeRules.render(gw, lab.model()).orElseThrow();
        String m = r.mark();
        assertThat(m).matches("netlab:fw:[0-9a-f]{8}");
        assertThat(r.count()).isEqualTo(9);
        assertThat(r.text()).isEqualTo("""
                # netlab: the rules of node gw (lab fw); replaces its filter and nat tables
                *filter
                :INPUT ACCEPT [0:0]
                :FORWARD ACCEPT [0:0]
                :OUTPUT ACCEPT [0:0]
                -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment "MARK rule 1 line 12" -j ACCEPT
                -A FORWARD -s 192.168.1.2/32 -p tcp -m tcp --dport 8000:8100 -m comment --comment "MARK rule 6 line 17" -j DROP
                -A INPUT -i eth+ -p tcp -m tcp --dport 22 -m comment --comment "MARK rule 7 line 18" -j REJECT --reject-with tcp-reset
                -A OUTPUT -d 198.51.100.0/24 -p icmp -m comment --comment "MARK rule 8 line 19" -j REJECT --reject-with icmp-port-unreachable
                -A INPUT -s 192.168.1.0/24 -m conntrack --ctstate NEW -m comment --comment "MARK rule 9 line 20" -j ACCEPT
                COMMIT
                *nat
                :PREROUTING ACCEPT [0:0]
                :INPUT ACCEPT [0:0]
                :OUTPUT ACCEPT [0:0]
                :POSTROUTING ACCEPT [0:0]
                -A POSTROUTING -s 192.168.1.0/24 -o eth2 -m comment --comment "MARK rule 2 line 13" -j MASQUERADE
                -A POSTROUTING -s 192.168.1.3/32 -o eth2 -p udp -m comment --comment "MARK rule 3 line 14" -j SNAT --to-source 198.51.100.2
                -A PREROUTING -d 198.51.100.1/32 -i eth2 -p tcp -m tcp --dport 8080 -m comment --comment "MARK rule 4 line 15" -j DNAT --to-destination 192.168.1.3:80
                -A OUTPUT -d 10.96.0.10/32 -p udp -m udp --dport 53 -m comment --comment "MARK rule 5 line 16" -j DNAT --to-destination 192.168.1.3
                COMMIT
                """.replace("MARK", m));
    }

    @Test
    void nodesWithoutRulesAreLeftAlone() {
        LoadedLab lab = Topologies.load(TOPOLOGY);
        assertThat(NodeRules.render(lab.model().node("pc").orElseThrow(), lab.model())).isEmpty();
    }

    @Test
    void theFingerprintFollowsWhatTheRulesDoNotWhereTheyAreWritten() {
        String mark = mark(TOPOLOGY);
        // a comment line moves every rule down a line: same effect, same fingerprint
        assertThat(mark(TOPOLOGY.replace("    rules:\n", "    # the gateway's rules\n    rules:\n"))).isEqualTo(mark);
        assertThat(mark(TOPOLOGY.replace("port: 8080", "port: 8081"))).isNotEqualTo(mark);
        assertThat(mark(TOPOLOGY.replace("name: fw", "name: fw2"))).isNotEqualTo(mark.replace("fw", "fw2"));
    }

    private static String mark(String topology) {
        LoadedLab lab = Topologies.load(topology);
        return NodeRules.render(lab.model().node("gw").orElseThrow(), lab.model()).orElseThrow().mark();
    }
}
