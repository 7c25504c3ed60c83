package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.Main;
import netlab.console.Io;
import netlab.testing.Cli;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell driven without a terminal, as CI drives it: a scripted scenario (break a link, assert what stops
 * working, restore it, assert it works again), stopping at the first failure, and leaving nothing behind.
 */
@NeedsRoot
class ShellIT {
    @TempDir
    Path stateDir;
    @TempDir
    Path work;
    private final List<String> labs = new ArrayList<>();

    private String lab(String hint) {
        String name = Labs.uniqueName(hint);
        labs.add(name);
        return name;
    }

    @AfterEach
    void nothingLeft() {
        for (String l : labs) {
            Cli.withStateDir(stateDir).run("down", l);
            assertThat(Leftovers.namespaces(l)).as("namespaces left by " + l).isEmpty();
        }
        assertThat(Leftovers.stateFiles(stateDir)).isEmpty();
    }

    private Cli.Result shell(String script, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--state-dir", stateDir.toString(), "--no-color", "shell"));
        all.addAll(List.of(args));
        int code = Main.run(all.toArray(String[]::new), new Io(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Cli.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aScriptedScenarioBreaksALinkAndRestoresIt() {
        String lab = lab("shell");
        Cli.Result r = shell("""
                # S3: what breaks when the router's lan2 interface goes down
                nodes
                h1 ping h2 -c 1
                link r1:eth2 down
                ! h1 ping h2 -c 1
                links
                link r1:eth2 up
                h1 ping h2 -c 1
                show fdb lan2
                show arp r1
                show routes h1
                check "h1 reaches h2 through r1"
                h1 ip -br addr show eth1
                ! pingall
                h1 trace h2
                graph -f mermaid
                """, Labs.topology("router.yaml").toString(), "--name", lab);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("netlab(" + lab + ")> link r1:eth2 down").contains("(failed, as expected)");
        assertThat(r.out()).contains("r1    namespace (router)  eth1 10.1.1.254/24; eth2 10.1.2.254/24")
                .contains("r1:eth2 is DOWN (admin)")
                .containsPattern("r1:eth2 +DOWN \\(admin\\) +switch lan2 \\(port r1-eth2\\) +DOWN")
                .contains("Destination Net Unreachable")
                .contains("r1:eth2 is UP")
                .containsPattern("h2-eth1 +h2:eth1 +\\S+ +h2:eth1 +learned")
                .containsPattern("10\\.1\\.2\\.1 +\\S+ +eth2 +\\S+ +h2:eth1")
                .containsPattern("default +10\\.1\\.1\\.254 +eth1 +boot")
                .contains("PASS  h1 reaches h2 through r1")
                .containsPattern("eth1@\\S+ +UP +10\\.1\\.1\\.1/24")
                .containsPattern("h3 +ok +ok +X")
                .contains("10/12 pairs answered")
                .contains("=> delivered to h2 (10.1.2.1) on h2:eth1 after 8 hops")
                .contains("flowchart LR");
        // the shell brought the lab up, so without a terminal it takes it down when the script ends
        assertThat(r.err()).contains("taking down lab '" + lab + "', which this shell brought up");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void aNegatedCheckMustFailNotBeUnableToRun() {
        String lab = lab("negate");
        Cli.Result up = Cli.withStateDir(stateDir).run("up", "--name", lab, Labs.topology("router.yaml").toString());
        assertThat(up.exitCode()).as(up.toString()).isZero();
        Cli.Result broken = shell("""
                link r1:eth2 down
                ! check "h1 reaches h2 through r1"
                link r1:eth2 up
                """, lab);
        assertThat(broken.exitCode()).as(broken.toString()).isZero();
        assertThat(broken.err()).contains("(failed, as expected)");

        Cli.Result typo = shell("! check \"h1 reaches h2 through r9\"\n", lab);
        assertThat(typo.exitCode()).as("a check that does not exist did not fail: " + typo).isEqualTo(2);
        assertThat(typo.err()).contains("did not get to fail as expected: it could not do its job (exit 2)");

        assertThat(Shell.exitCode("ip", "netns", "del", "netlab." + lab + ".h1")).isZero();
        Cli.Result gone = shell("! check \"h1 reaches h2 through r1\"\n", lab);
        assertThat(gone.exitCode()).as("h1 is gone, so the check could not run: " + gone).isEqualTo(5);
        assertThat(gone.out()).contains("ERROR  h1 reaches h2 through r1  (could not run: ");
        assertThat(gone.err()).contains("did not get to fail as expected: it could not do its job (exit 5)").doesNotContain("(failed, as expected)");
    }

    @Test
    void aFailingLineStopsTheScriptWithItsExitCode() {
        String lab = lab("stop");
        Cli.Result r = shell("""
                h1 ping h2 -c 1
                h3 ping h2 -c 1
                nodes
                """, Labs.topology("router.yaml").toString(), "--name", lab);
        // ping's own exit code: 2, it could not even send (no route)
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("<stdin>:2: 'h3 ping h2 -c 1' failed (exit 2); stopping");
        assertThat(r.out()).doesNotContain("NODE  KIND");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void aLabTheShellDidNotBringUpStaysUpAndDownAndUpKeepsRoutes() throws Exception {
        String lab = lab("attach");
        Cli.Result up = Cli.withStateDir(stateDir).run("up", "--name", lab, Labs.topology("router.yaml").toString());
        assertThat(up.exitCode()).as(up.toString()).isZero();
        Path scenario = work.resolve("scenario.netlab");
        Files.writeString(scenario, """
                link h2:eth1 down
                ! h2 ping h1 -c 1
                link h2:eth1 up
                h2 ping h1 -c 1
                status
                """);
        Cli.Result r = shell("lab\nsource " + scenario + "\n", lab);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("current lab: " + lab + " (up)").contains("no drift: the lab matches its topology");
        assertThat(r.err()).doesNotContain("taking down");
        assertThat(Leftovers.namespaces(lab)).isNotEmpty();

        Cli.Result bad = shell("", lab, "-c", "h1 ping nosuchnode");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'nosuchnode' is neither a node of lab '" + lab + "' nor an address");
        Cli.Result typo = shell("", lab, "-c", "pingal");
        assertThat(typo.err()).contains("unknown command 'pingal' (did you mean 'pingall'?)");
    }

    @Test
    void keepLeavesTheLabUp() {
        String lab = lab("keep");
        Cli.Result r = shell("h1 ping h2 -c 1\n", Labs.topology("router.yaml").toString(), "--name", lab, "--keep");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("lab '" + lab + "' stays up");
        assertThat(Leftovers.namespaces(lab)).isNotEmpty();
    }
}
