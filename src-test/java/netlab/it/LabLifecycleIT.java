package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.testing.Cli;
import netlab.testing.LabTest;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The life of a lab: idempotent up, convergence after damage, teardown from the record or the marks alone. */
@NeedsRoot
class LabLifecycleIT extends LabTest {

    /** Everything about a lab's namespaces that up could change. */
    private static String snapshot(String lab) {
        StringBuilder sb = new StringBuilder();
        for (String ns : Leftovers.namespaces(lab)) {
            sb.append(ns).append('\n')
                    .append(Shell.run("ip", "-n", ns, "link", "show")).append(Shell.run("ip", "-n", ns, "addr", "show"))
                    .append(Shell.run("ip", "-n", ns, "route", "show")).append(Shell.run("ip", "-n", ns, "-6", "route", "show"));
        }
        // address lifetimes tick, and a bridge's operstate goes from UNKNOWN to UP on its own once ports are up
        return sb.toString().replaceAll("valid_lft \\S+ preferred_lft \\S+", "").replace("state UNKNOWN", "state UP");
    }

    @Test
    void secondUpChangesNothing() {
        String lab = lab("idem");
        ok(cli().run("up", "--name", lab, Labs.topology("router.yaml").toString()));
        String before = snapshot(lab);
        Cli.Result again = cli().run("up", "--name", lab, Labs.topology("router.yaml").toString());
        ok(again);
        assertThat(again.err()).contains("nothing was missing");
        assertThat(snapshot(lab)).isEqualTo(before);
    }

    @Test
    void upConvergesAfterPartOfTheLabWasLost() {
        String lab = lab("conv");
        ok(cli().run("up", "--name", lab, Labs.topology("switch.yaml").toString()));
        Shell.run("ip", "netns", "del", "netlab." + lab + ".h2");
        Shell.run("ip", "-n", "netlab." + lab + ".h1", "addr", "flush", "dev", "eth1");
        // h2's namespace is gone: its checks could not run (5), which outranks h1's failed ones (1)
        assertThat(cli().run("check", lab).exitCode()).isEqualTo(5);
        Cli.Result again = cli().run("up", "--name", lab, Labs.topology("switch.yaml").toString());
        ok(again);
        assertThat(again.err()).contains("it differed from its topology; restored 1 namespace, 1 interface and 1 address");
        ok(cli().run("check", lab));
        ok(cli().run("status", lab));
    }

    @Test
    void statusShowsDrift() {
        String lab = lab("drift");
        ok(cli().run("up", "--name", lab, Labs.topology("router.yaml").toString()));
        Shell.run("ip", "-n", "netlab." + lab + ".h1", "route", "del", "default");
        Shell.run("ip", "-n", "netlab." + lab + ".h2", "addr", "add", "10.99.0.1/24", "dev", "eth1");
        Cli.Result status = cli().run("status", lab);
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out()).contains("h1: missing route default via 10.1.1.254")
                .contains("h2: extra address 10.99.0.1/24 on eth1");
    }

    @Test
    void downNeedsNoTopologyFile() throws IOException {
        String lab = lab("nofile");
        Path copy = work.resolve("copy.yaml");
        Files.copy(Labs.topology("switch.yaml"), copy);
        ok(cli().run("up", "--name", lab, copy.toString()));
        Files.delete(copy);
        ok(cli().run("check", lab)); // from the lab's stored copy of the topology
        ok(cli().run("down", lab));
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void downWorksFromTheMarksWhenTheRecordIsLost() throws IOException {
        String lab = lab("marks");
        ok(cli().run("up", "--name", lab, Labs.topology("switch.yaml").toString()));
        Shell.run("rm", "-rf", stateDir.resolve("labs").resolve(lab).toString());
        assertThat(Leftovers.namespaces(lab)).hasSize(4);
        Cli.Result list = cli().run("down", "--all");
        ok(list);
        assertThat(list.err()).contains("lab '" + lab + "' removed: 4 namespaces");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void downRemovesTheRecordOfAnUpKilledWhileWritingIt() throws IOException {
        // up writes the topology copy first, then state.json: a SIGKILL in between leaves only the copy
        String one = lab("halfrec1"), all = lab("halfrec2");
        for (String lab : List.of(one, all)) {
            Path dir = stateDir.resolve("labs").resolve(lab);
            Files.createDirectories(dir);
            Files.copy(Labs.topology("switch.yaml"), dir.resolve("topology.yaml"));
        }
        Cli.Result r = cli().run("down", one);
        ok(r);
        assertThat(r.err()).contains("lab '" + one + "' removed");
        assertThat(stateDir.resolve("labs").resolve(one)).doesNotExist();
        r = cli().run("down", "--all");
        ok(r);
        assertThat(r.err()).contains("lab '" + all + "' removed");
        assertThat(stateDir.resolve("labs").resolve(all)).doesNotExist();
        assertThat(cli().run("down", one).err()).contains("is not up; nothing to remove");
    }

    @Test
    void twoCopiesOfOneLabRunSideBySide() {
        String a = lab("sideA"), b = lab("sideB");
        ok(cli().run("up", "--name", a, Labs.topology("switch.yaml").toString()));
        ok(cli().run("up", "--name", b, Labs.topology("switch.yaml").toString()));
        ok(cli().run("check", a));
        ok(cli().run("check", b));
        ok(cli().run("down", a));
        ok(cli().run("check", b)); // taking one down leaves the other alone
    }

    @Test
    void failingCheckExitsWithOneAndTestStillTearsDown() throws IOException {
        String lab = lab("fail");
        Path t = work.resolve("fail.yaml");
        Files.writeString(t, """
                name: fail
                switches: {sw1: {subnet: 10.0.0.0/24}}
                nodes: {h1: {}, h2: {}}
                links: [[h1:eth1, sw1], [h2:eth1, sw1]]
                checks:
                  - ping: {from: h1, to: h2}
                  - name: this one fails
                    ping: {from: h1, to: 10.0.0.99}
                    timeout: 1s
                """);
        Cli.Result r = cli().run("test", "--name", lab, "--junit", work.resolve("junit.xml").toString(), t.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("PASS  ping h1 -> h2").contains("FAIL  this one fails");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
        assertThat(Files.readString(work.resolve("junit.xml"))).contains("failures=\"1\"");
    }

    @Test
    void failedUpRemovesWhatItMade() throws IOException {
        String lab = lab("rollback");
        Path t = work.resolve("bad.yaml");
        Files.writeString(t, """
                name: bad
                switches: {sw1: {subnet: 10.0.0.0/24}}
                nodes:
                  h1: {exec: ["echo starting", "exit 7"]}
                links: [[h1:eth1, sw1]]
                """);
        Cli.Result r = cli().run("up", "--name", lab, t.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).contains("node h1 (exec): 'exit 7' failed").contains("removing what was made");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void upRefusesANamespaceThatIsNotItsOwn() {
        String lab = lab("foreign");
        Shell.run("ip", "netns", "add", "netlab." + lab + ".h2");
        try {
            Cli.Result r = cli().run("up", "--name", lab, Labs.topology("switch.yaml").toString());
            assertThat(r.exitCode()).isEqualTo(4);
            assertThat(r.err()).contains("namespace netlab." + lab + ".h2 already exists but this lab has no record of it");
            assertThat(Leftovers.namespaces(lab)).containsExactly("netlab." + lab + ".h2");
        } finally {
            Shell.run("ip", "netns", "del", "netlab." + lab + ".h2");
        }
    }

    @Test
    void execRunsInTheNodeAndReturnsItsExitCode() {
        String lab = lab("exec");
        ok(cli().run("up", "--name", lab, Labs.topology("switch.yaml").toString()));
        assertThat(cli().run("exec", "-l", lab, "h1", "sh", "-c", "ip addr show eth1 | grep -q 10.0.1.1 && exit 3").exitCode()).isEqualTo(3);
    }
}
