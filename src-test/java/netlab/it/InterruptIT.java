package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.testing.Cli;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.NetlabProcess;
import netlab.testing.Shell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (and a CI runner's SIGTERM, a closed terminal's SIGHUP) during up rolls back; SIGKILL leaves a record that down cleans up from. */
@NeedsRoot
class InterruptIT {
    @TempDir
    Path dir;

    /** Whatever a failed assertion left: its marks carry this test's state directory, which goes with the test. */
    @AfterEach
    void removeWhatIsLeft() {
        Cli.withStateDir(dir.resolve("state")).run("down", "--all");
    }

    /** A lab whose build blocks in its last stage (a node's exec sleeps), so a signal surely lands mid-build. */
    private Path slowTopology(String lab) throws Exception {
        Path t = dir.resolve(lab + ".yaml");
        Files.writeString(t, NetlabProcess.starTopology(lab, 100).replace("  h1: {}\n", "  h1: {exec: [\"sleep 60\"]}\n"));
        return t;
    }

    private static boolean sleepRunsIn(String netns) {
        for (String pid : Shell.run("ip", "netns", "pids", netns).split("\\s+")) {
            if (pid.isBlank()) continue;
            try {
                if (Files.readString(Path.of("/proc", pid, "comm")).strip().equals("sleep")) return true;
            } catch (java.io.IOException e) {
                // gone meanwhile
            }
        }
        return false;
    }

    private Path topology(String lab, int hosts) throws Exception {
        Path t = dir.resolve(lab + "-small.yaml");
        Files.writeString(t, NetlabProcess.starTopology(lab, hosts));
        return t;
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void signalDuringUpRollsBack(String signal) throws Exception {
        String lab = Labs.uniqueName("sig" + signal.toLowerCase());
        Path out = dir.resolve("out"), err = dir.resolve("err");
        Process p = NetlabProcess.start(out, err, "--state-dir", dir.resolve("state").toString(), "up", slowTopology(lab).toString());
        // signal once the namespaces, links and nodes are all there and h1's exec is sleeping
        assertThat(NetlabProcess.awaitText(p, err, "exec", 60_000)).as(Files.readString(err)).isTrue();
        assertThat(Leftovers.namespaces(lab)).hasSize(101);
        NetlabProcess.signal(p, signal);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err);
        assertThat(p.exitValue()).as(stderr).isEqualTo(130);
        assertThat(stderr).contains("interrupted").contains("removing what was made");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
        assertThat(Leftovers.stateFiles(dir.resolve("state"))).isEmpty();
    }

    @Test
    void hangupDuringUpRollsBack() throws Exception {
        // the terminal of an up goes away (a closed window, a dropped SSH connection): SIGHUP, as a Ctrl-C would
        String lab = Labs.uniqueName("sighup");
        Path out = dir.resolve("out"), err = dir.resolve("err");
        List<String> argv = new java.util.ArrayList<>(List.of("env", "--default-signal=HUP", "java", "-jar", NetlabProcess.jar().toString(),
                "--state-dir", dir.resolve("state").toString(), "up", slowTopology(lab).toString()));
        Process p = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(NetlabProcess.awaitText(p, err, "exec", 60_000)).as(Files.readString(err)).isTrue();
        assertThat(Leftovers.namespaces(lab)).hasSize(101);
        // env has exec'd java: the process is netlab's JVM
        NetlabProcess.signal(p, "HUP");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err);
        assertThat(p.exitValue()).as(stderr).isEqualTo(130);
        assertThat(stderr).contains("removing what was made");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
        assertThat(Leftovers.stateFiles(dir.resolve("state"))).isEmpty();
    }

    @Test
    void killDuringUpLeavesARecordDownCleansUpFrom() throws Exception {
        String lab = Labs.uniqueName("kill9");
        Path out = dir.resolve("out"), err = dir.resolve("err");
        Process p = NetlabProcess.start(out, err, "--state-dir", dir.resolve("state").toString(), "up", slowTopology(lab).toString());
        assertThat(NetlabProcess.awaitText(p, err, "exec", 60_000)).as(Files.readString(err)).isTrue();
        long deadline = System.currentTimeMillis() + 10_000;
        // wait for the sleep itself: killing netlab while h1's shell had not yet started it leaves nothing to stop
        while (!sleepRunsIn("netlab." + lab + ".h1") && System.currentTimeMillis() < deadline) Thread.sleep(5);
        NetlabProcess.signal(p, "KILL");
        p.waitFor(30, TimeUnit.SECONDS);
        Cli cli = Cli.withStateDir(dir.resolve("state"));
        Cli.Result down = cli.run("down", lab);
        assertThat(down.exitCode()).as(down.toString()).isZero();
        // h1's exec: its shell dies with netlab (programs netlab waits for get SIGKILL when it dies), but the sleep the
        // shell started was orphaned by the kill; down stops it, since it runs in the lab's namespace
        assertThat(down.err()).contains("101 namespaces").containsPattern("\\d process(es)? stopped");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
        assertThat(Leftovers.stateFiles(dir.resolve("state"))).isEmpty();
        // and a new up of the same lab works
        assertThat(cli.run("up", topology(lab, 5).toString()).exitCode()).isZero();
        assertThat(cli.run("down", lab).exitCode()).isZero();
    }
}
