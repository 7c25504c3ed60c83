package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import netlab.testing.Cli;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the kernel lacks what a lab needs (this development kernel has no GRE, 802.1Q, VLAN filtering or netem),
 * {@code up} stops before creating anything, with one line naming the missing feature and how to get it. Where the
 * kernel has it, the lab is built and removed (and the UML lane covers it in any case).
 */
@NeedsRoot
class KernelFeaturePreflightIT {
    @TempDir
    Path stateDir;

    @TestFactory
    java.util.stream.Stream<DynamicTest> upNamesTheMissingFeatureAndCreatesNothing() {
        Map<String, String> needs = Map.of("gre.yaml", "GRE tunnels", "vlan.yaml", "802.1Q VLAN interfaces",
                "impairments.yaml", "netem delay/loss");
        return needs.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Cli cli = Cli.withStateDir(stateDir);
            String lab = Labs.uniqueName(e.getKey().replace(".yaml", ""));
            Cli.Result up = cli.run("up", "--name", lab, Labs.topology(e.getKey()).toString());
            if (up.exitCode() == 0) {
                System.err.println("this kernel has what " + e.getKey() + " needs; nothing to refuse");
                assertThat(cli.run("down", lab).exitCode()).isZero();
            } else {
                assertThat(up.exitCode()).as(up.toString()).isEqualTo(3);
                String line = up.err().lines().filter(l -> l.startsWith("netlab:")).findFirst().orElse("");
                assertThat(line).contains("this machine lacks what lab '" + lab + "' needs").contains(e.getValue())
                        .contains("to get it:").contains("scripts/uml-lane.sh");
                assertThat(up.err().lines().filter(l -> l.startsWith("netlab:")).count()).isEqualTo(1);
            }
            assertThat(Leftovers.namespaces(lab)).isEmpty();
            assertThat(Leftovers.stateFiles(stateDir)).isEmpty();
        }));
    }
}
