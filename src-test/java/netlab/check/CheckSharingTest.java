package netlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.testing.Topologies;
import org.junit.jupiter.api.Test;

/** Which checks may run beside others, by their kind and by what 'alone:' says. */
class CheckSharingTest {
    private static final String LAB = """
            name: s
            switches: {sw1: {subnet: 10.0.0.0/24}}
            nodes: {h1: {}, h2: {services: [http]}}
            links: [[h1:eth1, sw1], [h2:eth1, sw1]]
            checks:
            """;

    private static List<Sharing> sharing(String checks) {
        return CheckSpec.of(Topologies.load(LAB + checks).topology()).stream().map(CheckSpec::sharing).toList();
    }

    @Test
    void probesAndReadersShareStateChangersAndTimeWindowsRunAlone() {
        assertThat(sharing("""
                  - ping: {from: h1, to: h2}
                  - tcp: {from: h1, to: h2, port: 80}
                  - http: {from: h1, url: "http://${h2}/"}
                  - reachability: {}
                  - fdb: {switch: sw1, host: h1}
                  - neighbour: {node: h1, has: h2}
                  - exec: {node: h1, command: "ip route"}
                  - capture: {on: h2:eth1, during: {ping: {from: h1, to: h2}}}
                  - ping: {from: h1, to: h2, count: 10, loss: 0%..10%}
                  - ping: {from: h1, to: h2, rtt: ..10ms}
                """)).containsExactly(Sharing.TRAFFIC, Sharing.TRAFFIC, Sharing.TRAFFIC, Sharing.TRAFFIC, Sharing.READS, Sharing.READS,
                Sharing.ALONE, Sharing.ALONE, Sharing.ALONE, Sharing.ALONE);
    }

    @Test
    void aloneSaysOtherwise() {
        assertThat(sharing("""
                  - ping: {from: h1, to: h2}
                    alone: true
                  - exec: {node: h1, command: "ip route"}
                    alone: false
                  - ping: {from: h1, to: h2, rtt: ..10ms}
                    alone: false
                """)).containsExactly(Sharing.ALONE, Sharing.READS, Sharing.TRAFFIC);
    }

    @Test
    void aCaptureCannotShare() {
        assertThat(Topologies.errors(LAB + """
                  - capture: {on: h2:eth1, during: {ping: {from: h1, to: h2}}}
                    alone: false
                """)).containsExactly("7:12: 'alone: false' cannot be given to the capture check: it always runs alone (it watches a window of time,"
                + " in which other checks' frames would be seen)");
    }
}
