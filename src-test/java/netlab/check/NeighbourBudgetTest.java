package netlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.lab.LoadedLab;
import netlab.testing.Topologies;
import org.junit.jupiter.api.Test;

/** How many neighbour entries a lab's checks need at once, and when that is said before they run. */
class NeighbourBudgetTest {
    private static long entries(String yaml) throws InterruptedException {
        LoadedLab lab = Topologies.load(yaml);
        List<CheckSpec> checks = CheckSpec.of(lab.topology());
        return NeighbourBudget.entries(new CheckContext(lab.model(), null, null, null), checks, false);
    }

    /** N hosts on one switch, each of h2..hN pinging h1. */
    private static String star(int n) {
        StringBuilder y = new StringBuilder("name: s\nswitches: {sw1: {subnet: 10.0.0.0/16}}\nnodes:\n");
        for (int i = 1; i <= n; i++) y.append("  h").append(i).append(": {}\n");
        y.append("links:\n");
        for (int i = 1; i <= n; i++) y.append("  - [h").append(i).append(":eth1, sw1]\n");
        y.append("checks:\n");
        for (int i = 2; i <= n; i++) y.append("  - ping: {from: h").append(i).append(", to: h1}\n");
        return y.toString();
    }

    @Test
    void onOneSegmentEachPairNeedsAnEntryOnEachSide() throws InterruptedException {
        assertThat(entries(star(6))).isEqualTo(10);
        assertThat(entries(star(6) + "  - ping: {from: h1, to: h2}\n  - tcp: {from: h2, to: h1, port: 80, state: closed}\n"))
                .as("the same pairs again need no more").isEqualTo(10);
    }

    @Test
    void acrossARouterEachEndNeedsItsGatewayAndTheGatewayIt() throws InterruptedException {
        assertThat(entries("""
                name: r
                switches: {lan1: {subnet: 10.1.1.0/24}, lan2: {subnet: 10.1.2.0/24}}
                nodes:
                  r1: {forwarding: true, interfaces: {eth1: 10.1.1.254/24, eth2: 10.1.2.254/24}}
                  h1: {gateway: r1}
                  h2: {gateway: r1}
                  h3: {gateway: r1}
                links: [[r1:eth1, lan1], [r1:eth2, lan2], [h1:eth1, lan1], [h2:eth1, lan2], [h3:eth1, lan2]]
                checks:
                  - ping: {from: h2, to: h1}
                  - ping: {from: h3, to: h1}
                  - exec: {node: h1, command: "true"}
                """)).isEqualTo(6);
    }

    @Test
    void aThousandHostsOnOneSegmentAreSaidToOverflowTheDefaultTable() throws InterruptedException {
        long needed = entries(star(1000));
        assertThat(needed).isEqualTo(1998);
        assertThat(NeighbourBudget.tooMany(needed, 1024)).isTrue();
        assertThat(NeighbourBudget.tooMany(entries(star(200)), 1024)).isFalse();
        assertThat(NeighbourBudget.warning(needed, 1024, false)).hasValueSatisfying(w -> assertThat(w)
                .startsWith("these checks need about 1998 neighbour (ARP) entries at once, but the host's table holds 1024 for all"
                        + " namespaces together (net.ipv4.neigh.default.gc_thresh3)")
                .doesNotContain("\n"));
        assertThat(NeighbourBudget.warning(398, 1024, false)).isEmpty();
    }
}
