package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netlab.doctor.Feature;
import netlab.json.Json;
import netlab.testing.Cli;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.NetlabProcess;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor reports every feature as the kernel really has it, with a remedy for each one missing. */
@NeedsRoot
class DoctorIT {
    @TempDir
    Path dir;

    @Test
    void reportsEveryFeatureAndAgreesWithTheKernel() {
        Cli.Result r = Cli.withStateDir(dir).run("doctor", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero(); // root, iproute2, netns, veth and bridges are here
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) Json.parse(r.out());
        for (Feature f : Feature.values()) {
            assertThat(lines).as("doctor line for %s", f).anyMatch(l -> f.description().equals(l.get("item")));
        }
        for (Map<String, Object> l : lines) {
            if (Boolean.FALSE.equals(l.get("ok"))) assertThat(l.get("remedy")).as("remedy for %s", l.get("item")).isNotNull();
        }
        // cross-check two verdicts against the kernel directly, in a namespace of our own
        String ns = "netlab-doctor-it-" + ProcessHandle.current().pid();
        Shell.run("ip", "netns", "add", ns);
        try {
            boolean vxlan = Shell.exitCode("ip", "-n", ns, "link", "add", "vx", "type", "vxlan", "id", "1", "dstport", "4789") == 0;
            boolean gre = Shell.exitCode("ip", "-n", ns, "link", "add", "g", "type", "gre", "local", "127.0.0.1", "remote", "127.0.0.2") == 0;
            assertThat(verdict(lines, Feature.VXLAN)).isEqualTo(vxlan);
            assertThat(verdict(lines, Feature.GRE)).isEqualTo(gre);
        } finally {
            Shell.run("ip", "netns", "del", ns);
        }
        assertThat(Shell.run("ip", "netns", "list")).doesNotContain("netlab-probe-");
        assertThat(Leftovers.stateFiles(dir)).isEmpty();
    }

    @Test
    void aCtrlCAsTheProbeNamespaceIsMadeOrRemovedLeavesNone() throws Exception {
        // SIGTERM (handled as Ctrl-C) sent the moment the probe namespace appears, and the moment it goes: the
        // process making or deleting it may still be running and be waited for then
        for (int trial = 0; trial < 12; trial++) {
            Process p = NetlabProcess.start(dir.resolve("out"), dir.resolve("err"), "doctor");
            Path probe = Path.of("/run/netns", "netlab-probe-" + p.pid());
            boolean atRemoval = trial % 2 == 1;
            long deadline = System.currentTimeMillis() + 20_000;
            while (!Files.exists(probe) && p.isAlive() && System.currentTimeMillis() < deadline) Thread.onSpinWait();
            while (atRemoval && Files.exists(probe) && p.isAlive() && System.currentTimeMillis() < deadline) Thread.onSpinWait();
            p.destroy();
            assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(probe).as("trial %d (%s): %s", trial, atRemoval ? "as it went" : "as it appeared",
                    Files.readString(dir.resolve("err"))).doesNotExist();
        }
    }

    private static boolean verdict(List<Map<String, Object>> lines, Feature f) {
        return lines.stream().filter(l -> f.description().equals(l.get("item"))).map(l -> (Boolean) l.get("ok")).findFirst().orElseThrow();
    }

    @Test
    void probeNamespacesOfKilledNetlabsAreRemovedAndLiveOrUnmarkedOnesKept() throws Exception {
        // a netlab killed while probing leaves netlab-probe-PID, marked netlab-probe:PID; its PID no longer runs
        long gone = deadPid(), alsoGone = deadPid();
        String stale = "netlab-probe-" + gone, live = "netlab-probe-" + ProcessHandle.current().pid();
        String unmarked = "netlab-probe-" + alsoGone; // someone else's namespace that only has the name
        Shell.run("ip", "netns", "add", stale);
        Shell.run("ip", "-n", stale, "link", "set", "dev", "lo", "alias", "netlab-probe:" + gone);
        Shell.run("ip", "netns", "add", live); // as if this JVM were probing right now
        Shell.run("ip", "-n", live, "link", "set", "dev", "lo", "alias", "netlab-probe:" + ProcessHandle.current().pid());
        Shell.run("ip", "netns", "add", unmarked);
        try {
            assertThat(Cli.withStateDir(dir).run("down", "no-such-lab").exitCode()).isZero();
            List<String> left = List.of(Shell.run("ip", "netns", "list").split("\\s+"));
            assertThat(left).doesNotContain(stale).contains(live, unmarked);
        } finally {
            Shell.run("ip", "netns", "del", stale);
            Shell.run("ip", "netns", "del", live);
            Shell.run("ip", "netns", "del", unmarked);
        }
    }

    /** The PID of a process that ran and is gone. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void humanOutputSaysHowToGetWhatIsMissing() {
        Cli.Result r = Cli.withStateDir(dir).run("doctor");
        assertThat(r.out()).contains("ok       network namespaces").contains("netlab can build labs on this machine");
        r.out().lines().filter(l -> l.startsWith("missing")).forEach(l -> assertThat(r.out()).contains("to get it:"));
    }
}
