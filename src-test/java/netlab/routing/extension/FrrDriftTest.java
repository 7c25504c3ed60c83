package netlab.routing.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import netlab.app.BuiltIn;
import netlab.drift.Drift;
import netlab.lab.LabLoader;
import netlab.model.LabModel;
import netlab.routing.config.FrrDaemon;
import netlab.routing.runtime.FrrLayout;
import netlab.routing.runtime.FrrRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A routing node's daemon that no longer runs is drift, naming the node and the daemon (issue 16: status did not look
 * at FRR at all, so a dead ospfd left status clean while the node's routes were gone). Fails before: the routing
 * extension reported no drift.
 */
class FrrDriftTest {
    @TempDir
    Path work;

    private static LabModel model() {
        return LabLoader.fromText(BuiltIn.catalog(), RoutingExtensionTest.LAB, "t.yaml", "/t.yaml", Optional.empty()).model();
    }

    @Test
    void aDaemonThatDoesNotRunIsMissingInItsNode() {
        FrrDrift.Running allButR2sBgpd = (node, layout) -> node.equals("r2")
                ? EnumSet.of(FrrDaemon.ZEBRA, FrrDaemon.STATICD, FrrDaemon.OSPFD) : EnumSet.allOf(FrrDaemon.class);
        List<Drift> drift = FrrDrift.of(model(), work, allButR2sBgpd);
        assertThat(drift).extracting(Drift::text).containsExactly("r2: missing routing daemon bgpd");
        assertThat(drift.get(0).thing()).isEqualTo(Drift.Thing.DAEMON);
    }

    @Test
    void everyDaemonRunningIsNoDrift() {
        assertThat(FrrDrift.of(model(), work, (node, layout) -> EnumSet.allOf(FrrDaemon.class))).isEmpty();
    }

    @Test
    void theRuntimeIsAskedAboutEachNodesOwnDirectory() {
        List<Path> asked = new java.util.ArrayList<>();
        FrrDrift.of(model(), work, (node, layout) -> {
            asked.add(layout.dir());
            return EnumSet.allOf(FrrDaemon.class);
        });
        assertThat(asked).containsExactly(work.resolve("routing/r1"), work.resolve("routing/r2"));
    }

    /** A pid file that names a live process which is no FRR daemon (this JVM: a recycled PID) does not count. */
    @Test
    void aPidFileOfAnotherProgramIsNoRunningDaemon() throws Exception {
        FrrLayout r1 = RoutingNodes.layout(work, "rt", "r1");
        Files.createDirectories(r1.dir());
        for (FrrDaemon d : FrrDaemon.values()) Files.writeString(r1.pidFile(d), ProcessHandle.current().pid() + "\n");
        List<Drift> drift = FrrDrift.of(model(), work, FrrDrift.of(new FrrRuntime()));
        assertThat(drift).extracting(Drift::text).containsExactly(
                "r1: missing routing daemon zebra", "r1: missing routing daemon staticd", "r1: missing routing daemon ospfd",
                "r2: missing routing daemon zebra", "r2: missing routing daemon staticd", "r2: missing routing daemon ospfd",
                "r2: missing routing daemon bgpd");
    }
}
