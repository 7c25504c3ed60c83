package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netlab.testing.Cli;
import netlab.testing.TracedLab;
import netlab.testing.NeedsRoot;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * netlab trace on the router lab: the exact hop sequence a probe takes, the headers that change at the router,
 * the answer's way back, and each reason a probe can die (no route, a rule with its counter, a link down, no
 * neighbour), each proven by breaking that one thing.
 */
@NeedsRoot
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceIT {
    static final List<String> H1_TO_H2 = List.of("h1:eth1 out", "lan1 port h1-eth1 in", "lan1 port r1-eth1 out", "r1:eth1 in",
            "r1:eth2 out", "lan2 port r1-eth2 in", "lan2 port h2-eth1 out", "h2:eth1 in");

    @TempDir
    static Path stateDir;
    TracedLab traced;
    Cli cli;
    String lab;

    @BeforeAll
    void up() {
        traced = TracedLab.up(stateDir, "trace", "router.yaml");
        cli = traced.cli();
        lab = traced.name();
    }

    @AfterAll
    void down() {
        if (traced != null) traced.down();
    }

    private Map<String, Object> trace(int expectedExit, String... args) {
        return traced.trace(expectedExit, args);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> hops(Map<String, Object> t, String key) {
        return ((List<Object>) t.get(key)).stream().map(o -> (Map<String, Object>) o).filter(h -> Boolean.TRUE.equals(h.get("on_path"))).toList();
    }

    private static List<String> path(Map<String, Object> t, String key) {
        return hops(t, key).stream().map(h -> h.get("where") + " " + h.get("direction")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Object field(Map<String, Object> hop, String header, String name) {
        return ((Map<String, Object>) hop.get(header)).get(name);
    }

    @Test
    void icmpTakesEveryHopInOrderAndTheRouterRewritesTtlAndMacs() {
        Map<String, Object> t = trace(0, "h1", "h2");
        assertThat(t.get("delivered")).isEqualTo(true);
        assertThat(path(t, "hops")).containsExactlyElementsOf(H1_TO_H2);
        List<Map<String, Object>> hops = hops(t, "hops");
        assertThat(field(hops.get(0), "ip", "ttl")).isEqualTo(64L);
        assertThat(field(hops.get(0), "ethernet", "src_owner")).isEqualTo("h1:eth1");
        assertThat(field(hops.get(0), "ethernet", "dst_owner")).isEqualTo("r1:eth1");
        assertThat(field(hops.get(4), "ip", "ttl")).isEqualTo(63L);
        assertThat(field(hops.get(4), "ethernet", "src_owner")).isEqualTo("r1:eth2");
        assertThat(field(hops.get(4), "ethernet", "dst_owner")).isEqualTo("h2:eth1");
        assertThat(field(hops.get(4), "ip", "src")).isEqualTo("10.1.1.1"); // IP addresses stay, MACs change
        assertThat((List<Object>) hops.get(4).get("changes")).contains("routed by r1: ttl 64 -> 63 (route 10.1.2.0/24, proto kernel)", "new Ethernet header from r1");
        assertThat(t.get("answer")).isEqualTo("echo reply from 10.1.2.1");
        assertThat(path(t, "answer_hops")).containsExactly("h2:eth1 out", "lan2 port h2-eth1 in", "lan2 port r1-eth2 out", "r1:eth2 in",
                "r1:eth1 out", "lan1 port r1-eth1 in", "lan1 port h1-eth1 out", "h1:eth1 in");
    }

    @Test
    void tcpAndUdpFollowTheSamePathAndTheirAnswersAreNamed() {
        Map<String, Object> tcp = trace(0, "h1", "h2", "--proto", "tcp", "--port", "81");
        assertThat(path(tcp, "hops")).containsExactlyElementsOf(H1_TO_H2);
        assertThat(field(hops(tcp, "hops").get(0), "transport", "flags")).isEqualTo("SYN");
        assertThat(tcp.get("answer")).isEqualTo("connection refused (RST from 10.1.2.1)");
        Map<String, Object> udp = trace(0, "h1", "h2", "--proto", "udp", "--port", "5353");
        assertThat(path(udp, "hops")).containsExactlyElementsOf(H1_TO_H2);
        assertThat(udp.get("answer")).isEqualTo("ICMP port unreachable from 10.1.2.1");
    }

    @Test
    void aHostWithoutARouteNeverSendsIt() {
        Map<String, Object> t = trace(1, "h3", "h2");
        assertThat(t.get("delivered")).isEqualTo(false);
        assertThat(hops(t, "hops")).isEmpty();
        assertThat((String) t.get("verdict")).contains("h3 has no route to 10.1.2.1");
    }

    @Test
    void aDropRuleIsNamedWithItsCounter() {
        String r1 = "netlab." + lab + ".r1";
        Shell.run("ip", "netns", "exec", r1, "iptables", "-A", "FORWARD", "-d", "10.1.2.1", "-p", "icmp", "-j", "DROP");
        try {
            Map<String, Object> t = trace(1, "h1", "h2");
            assertThat(path(t, "hops")).containsExactlyElementsOf(H1_TO_H2.subList(0, 4));
            assertThat((String) t.get("verdict")).contains("dropped in r1 by -t filter -A FORWARD -d 10.1.2.1/32 -p icmp -j DROP (counter +1)");
        } finally {
            Shell.run("ip", "netns", "exec", r1, "iptables", "-F", "FORWARD");
        }
        assertThat(trace(0, "h1", "h2").get("delivered")).isEqualTo(true);
    }

    @Test
    void aSwitchPortDownStopsItAtTheSwitch() {
        // the switch's port toward h2, not h2's own interface: that would take h2's default route with it
        String fabric = "netlab." + lab;
        Shell.run("ip", "-n", fabric, "link", "set", "h2-eth1", "down");
        try {
            Map<String, Object> t = trace(1, "h1", "h2");
            assertThat(path(t, "hops")).containsExactlyElementsOf(H1_TO_H2.subList(0, 6));
            assertThat((String) t.get("verdict")).contains("lan2 received it on port r1-eth2 and forwarded it nowhere: its port h2-eth1 is down");
            assertThat((List<Object>) t.get("not_listened")).contains("lan2 port h2-eth1 (down)");
        } finally {
            Shell.run("ip", "-n", fabric, "link", "set", "h2-eth1", "up");
        }
    }

    @Test
    void aNextHopThatDoesNotAnswerArpIsNamed() {
        Map<String, Object> t = trace(1, "h1", "10.1.2.99");
        assertThat(path(t, "hops")).containsExactlyElementsOf(H1_TO_H2.subList(0, 4));
        assertThat((String) t.get("verdict")).contains("r1 got no ARP/ND answer from its next hop 10.1.2.99 on eth2");
    }

    @Test
    void humanOutputShowsHeadersWhereTheyChange() {
        Cli.Result r = cli.run("trace", "-l", lab, "h1", "h2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("trace h1 -> h2 (10.1.2.1): ICMP echo")
                .containsPattern("1  h1:eth1 +out\\n +L2  \\S+ \\(h1:eth1\\) -> \\S+ \\(r1:eth1\\)\\n +L3  10\\.1\\.1\\.1 \\(h1:eth1\\) -> 10\\.1\\.2\\.1 \\(h2:eth1\\)  ttl 64")
                .containsPattern("2  switch lan1 port h1-eth1 +in +same headers")
                .contains("* routed by r1: ttl 64 -> 63")
                .contains("=> delivered to h2 (10.1.2.1) on h2:eth1 after 8 hops");
    }
}
