package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netlab.testing.Cli;
import netlab.testing.TracedLab;
import netlab.testing.Labs;
import netlab.testing.NeedsRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * S15: one HTTP connection from a LAN client through a switch, a router and a NAT gateway to a web server, traced
 * hop by hop: the exact path, the headers at each hop, the masquerade's rewrite (and the rule that did it, with its
 * counter), and the answer's way back, translated back by the same gateway.
 */
@NeedsRoot
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceNatIT {
    static final List<String> CLIENT_TO_WEB = List.of("client:eth1 out", "lan port client-eth1 in", "lan port r1-eth1 out",
            "r1:eth1 in", "r1:eth2 out", "nat1:eth1 in", "nat1:eth2 out", "internet port nat1-eth2 in", "internet port web-eth1 out",
            "web:eth1 in");

    @TempDir
    static Path stateDir;
    TracedLab traced;
    Cli cli;
    String lab;

    @BeforeAll
    void up() {
        traced = TracedLab.up(stateDir, "s15", "http-path.yaml");
        cli = traced.cli();
        lab = traced.name();
    }

    @AfterAll
    void down() {
        if (traced != null) traced.down();
    }

    private Map<String, Object> trace(String... args) {
        return traced.trace(0, args);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> onPath(Map<String, Object> t, String key) {
        return ((List<Object>) t.get(key)).stream().map(o -> (Map<String, Object>) o).filter(h -> Boolean.TRUE.equals(h.get("on_path"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Object field(Map<String, Object> hop, String header, String name) {
        return ((Map<String, Object>) hop.get(header)).get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHttpConnectionCrossesSwitchRouterAndNatWithItsHeadersRewrittenOnTheWay() {
        Map<String, Object> t = trace("client", "web", "--proto", "tcp", "--port", "80");
        List<Map<String, Object>> hops = onPath(t, "hops");
        assertThat(hops.stream().map(h -> h.get("where") + " " + h.get("direction"))).containsExactlyElementsOf(CLIENT_TO_WEB);
        // the switch forwards the frame as it is; each router writes new MACs and takes one off the TTL
        assertThat(field(hops.get(0), "ethernet", "src_owner")).isEqualTo("client:eth1");
        assertThat(field(hops.get(0), "ethernet", "dst_owner")).isEqualTo("r1:eth1");
        assertThat(hops.get(2).get("ethernet")).isEqualTo(hops.get(0).get("ethernet"));
        assertThat(field(hops.get(0), "ip", "ttl")).isEqualTo(64L);
        assertThat(field(hops.get(4), "ip", "ttl")).isEqualTo(63L);
        assertThat(field(hops.get(4), "ethernet", "src_owner")).isEqualTo("r1:eth2");
        assertThat(field(hops.get(4), "ip", "src")).isEqualTo("192.168.10.2");
        // nat1 masquerades: the source becomes its public address
        assertThat(field(hops.get(6), "ip", "ttl")).isEqualTo(62L);
        assertThat(field(hops.get(6), "ip", "src")).isEqualTo("203.0.113.1");
        assertThat(field(hops.get(6), "ip", "dst")).isEqualTo("203.0.113.80");
        assertThat(field(hops.get(6), "transport", "flags")).isEqualTo("SYN");
        assertThat((List<Object>) hops.get(6).get("changes")).anySatisfy(c -> assertThat((String) c).startsWith("source NAT by nat1: 192.168.10.2:")
                .contains(" -> 203.0.113.1:"));
        assertThat((List<Object>) t.get("rules_hit")).anySatisfy(r -> assertThat((String) r).startsWith("nat1: rule 1 of nat1 (topology line ")
                .contains("-j MASQUERADE").endsWith("(+1)"));
        assertThat(t.get("verdict")).asString().startsWith("delivered to web (203.0.113.80) on web:eth1 after 10 hops");
        assertThat(t.get("answer")).isEqualTo("connection accepted (SYN-ACK from 203.0.113.80)");
        // the SYN-ACK goes back to the public address and nat1 translates it back to the client
        List<Map<String, Object>> back = onPath(t, "answer_hops");
        assertThat(back.get(0).get("where")).isEqualTo("web:eth1");
        assertThat(field(back.get(0), "ip", "dst")).isEqualTo("203.0.113.1");
        assertThat(back.get(back.size() - 1).get("where")).isEqualTo("client:eth1");
        assertThat(field(back.get(back.size() - 1), "ip", "dst")).isEqualTo("192.168.10.2");
        assertThat(back.stream().flatMap(h -> ((List<Object>) h.get("changes")).stream()))
                .anySatisfy(c -> assertThat((String) c).startsWith("destination NAT by nat1: 203.0.113.1:").contains(" -> 192.168.10.2:"));
    }

    @Test
    void withoutTheMasqueradeTheRequestArrivesButTheAnswerHasNoWayBack() {
        String nat1 = "netlab." + lab + ".nat1";
        netlab.testing.Shell.run("ip", "netns", "exec", nat1, "iptables", "-t", "nat", "-F", "POSTROUTING");
        try {
            Cli.Result r = cli.run("trace", "-l", lab, "client", "web", "--proto", "tcp", "--port", "80");
            assertThat(r.out()).contains("=> delivered to web (203.0.113.80)").contains("answer: no answer");
            assertThat(r.out()).doesNotContain("source NAT");
        } finally {
            Cli.Result up = cli.run("up", "--name", lab, Labs.topology("http-path.yaml").toString()); // converge: rules back
            assertThat(up.exitCode()).as(up.toString()).isZero();
        }
        assertThat(trace("client", "web", "--proto", "tcp", "--port", "80").get("answer")).isEqualTo("connection accepted (SYN-ACK from 203.0.113.80)");
    }
}
