package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.testing.Cli;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.NetlabProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several netlab processes on the same machine at once, as users and CI jobs run them: two copies of a lab with the
 * same node names and subnets, two {@code up}s of one lab (one waits, or refuses with --no-wait), and {@code down}
 * racing {@code check}. Separate processes, because the per-lab lock is a file lock between processes.
 */
@NeedsRoot
class ConcurrencyIT {
    @TempDir
    Path dir;

    private final List<String> labs = new ArrayList<>();
    private int started;

    private Path state() {
        return dir.resolve("state");
    }

    private Cli cli() {
        return Cli.withStateDir(state());
    }

    private String lab(String hint) {
        String name = Labs.uniqueName(hint);
        labs.add(name);
        return name;
    }

    @AfterEach
    void nothingLeft() {
        for (String l : labs) {
            cli().run("down", l);
            assertThat(Leftovers.namespaces(l)).as("namespaces of " + l).isEmpty();
        }
        assertThat(Leftovers.stateFiles(state())).isEmpty();
    }

    /** A running netlab command with its output files. */
    private record Run(Process process, Path out, Path err) {
        int exit() throws InterruptedException {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("netlab still running after 2 minutes").isTrue();
            return process.exitValue();
        }

        String stderr() throws IOException {
            return Files.readString(err);
        }

        String stdout() throws IOException {
            return Files.readString(out);
        }

        String all() throws IOException {
            return "--- stdout\n" + stdout() + "--- stderr\n" + stderr();
        }
    }

    private Run start(String... args) throws IOException {
        int n = ++started;
        Path out = dir.resolve("out" + n), err = dir.resolve("err" + n);
        List<String> argv = new ArrayList<>(List.of("--no-color", "--state-dir", state().toString()));
        argv.addAll(List.of(args));
        return new Run(NetlabProcess.start(out, err, argv.toArray(String[]::new)), out, err);
    }

    /** A star lab whose build ends with a node's exec sleeping 2 s: a second netlab surely meets it half-way. */
    /** An up of {@code topology} that holds the lab's lock: it has reported its first stage; its build lasts 2 s more. */
    private Run upHoldingTheLock(Path topology) throws IOException, InterruptedException {
        Run first = start("up", topology.toString());
        assertThat(NetlabProcess.awaitText(first.process(), first.err(), "namespaces", 60_000)).as(first.all()).isTrue();
        return first;
    }

    private Path slowStar(String name, int hosts) throws IOException {
        Path t = dir.resolve(name + ".yaml");
        Files.writeString(t, NetlabProcess.starTopology(name, hosts).replace("  h1: {}\n", "  h1: {exec: [\"sleep 2\"]}\n"));
        return t;
    }

    @Test
    void twoLabsWithTheSameNodeNamesAndSubnetsComeUpAtOnce() throws Exception {
        String a = lab("sameA"), b = lab("sameB");
        String switchLab = Labs.topology("switch.yaml").toString();
        Run upA = start("up", "--name", a, switchLab), upB = start("up", "--name", b, switchLab);
        assertThat(upA.exit()).as(upA.all()).isZero();
        assertThat(upB.exit()).as(upB.all()).isZero();
        // both prove their switch works at the same time: same names, same 10.0.1.0/24, separate namespaces
        Run checkA = start("check", a), checkB = start("check", b);
        assertThat(checkA.exit()).as(checkA.all()).isZero();
        assertThat(checkB.exit()).as(checkB.all()).isZero();
        Run downA = start("down", a), downB = start("down", b);
        assertThat(downA.exit()).as(downA.all()).isZero();
        assertThat(downB.exit()).as(downB.all()).isZero();
        assertThat(Leftovers.namespaces(a)).isEmpty();
        assertThat(Leftovers.namespaces(b)).isEmpty();
    }

    @Test
    void aSecondUpOfTheSameLabWaitsThenFindsNothingMissing() throws Exception {
        String lab = lab("twoups");
        Path t = slowStar(lab, 40);
        Run first = upHoldingTheLock(t);
        Run second = start("up", t.toString());
        assertThat(first.exit()).as(first.all()).isZero();
        assertThat(second.exit()).as(second.all()).isZero();
        assertThat(first.stderr()).contains("lab '" + lab + "' is up: 40 nodes").doesNotContain("it was already");
        assertThat(second.stderr()).contains("waiting for lab '" + lab + "': another netlab (pid " + first.process().pid() + ")")
                .contains("(it was already; nothing was missing)");
        // one consistent lab: its record, its namespaces, no drift
        assertThat(Leftovers.namespaces(lab)).hasSize(41);
        Cli.Result status = cli().run("status", lab);
        assertThat(status.exitCode()).as(status.toString()).isZero();
    }

    @Test
    void ctrlCWhileWaitingForTheLockEndsTheWaitAndLeavesTheOtherUpAlone() throws Exception {
        String lab = lab("waitint");
        Path t = slowStar(lab, 40);
        Run first = upHoldingTheLock(t);
        Run second = start("up", t.toString());
        assertThat(NetlabProcess.awaitText(second.process(), second.err(), "waiting for lab", 60_000)).as(second.all()).isTrue();
        NetlabProcess.signal(second.process(), "INT");
        assertThat(second.exit()).as(second.all()).isEqualTo(130);
        assertThat(second.stderr()).contains("interrupted while waiting for lab '" + lab + "'");
        assertThat(first.exit()).as(first.all()).isZero();
        assertThat(Leftovers.namespaces(lab)).hasSize(41);
        assertThat(cli().run("status", lab).exitCode()).isZero();
    }

    @Test
    void withNoWaitTheSecondUpRefusesClearlyAndChangesNothing() throws Exception {
        String lab = lab("nowait");
        Path t = slowStar(lab, 40);
        Run first = upHoldingTheLock(t);
        Run second = start("up", "--no-wait", t.toString());
        assertThat(second.exit()).as(second.all()).isEqualTo(4);
        assertThat(second.stderr().strip().lines().reduce((x, y) -> y).orElse("")).isEqualTo("netlab: lab '" + lab + "' is busy: another netlab (pid " + first.process().pid()
                + ") is working on it");
        assertThat(first.exit()).as(first.all()).isZero();
        assertThat(Leftovers.namespaces(lab)).hasSize(41);
        assertThat(cli().run("status", lab).exitCode()).isZero();
    }

    @Test
    void downWaitsForARunningCheckWhichPassesWhole() throws Exception {
        String lab = lab("downcheck");
        assertThat(cli().run("up", "--name", lab, Labs.topology("switch.yaml").toString()).exitCode()).isZero();
        Run check = start("check", lab);
        // once the first check has passed, the others are still to come: down now must not pull the lab away
        assertThat(NetlabProcess.awaitText(check.process(), check.out(), "PASS", 60_000)).as(check.all()).isTrue();
        Run down = start("down", lab);
        assertThat(check.exit()).as(check.all()).isZero();
        assertThat(down.exit()).as(down.all()).isZero();
        assertThat(down.stderr()).contains("waiting for lab '" + lab + "'").contains("lab '" + lab + "' removed");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void aCheckAfterDownStartedSaysTheLabIsNotUp() throws Exception {
        String lab = lab("checkdown");
        assertThat(cli().run("up", "--name", lab, Labs.topology("switch.yaml").toString()).exitCode()).isZero();
        Run down = start("down", lab);
        assertThat(NetlabProcess.awaitText(down.process(), down.err(), "removed", 60_000)).as(down.all()).isTrue();
        Run check = start("check", lab);
        assertThat(down.exit()).as(down.all()).isZero();
        assertThat(check.exit()).as(check.all()).isEqualTo(4);
        assertThat(check.stderr()).contains("lab '" + lab + "' is not up");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }
}
