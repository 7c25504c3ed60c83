package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netlab.plan.Naming;
import netlab.testing.Cli;
import netlab.testing.LabTest;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsDocker;
import netlab.testing.NetlabProcess;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container and pod nodes against a real Docker engine: the S8 pod lab, containers among namespace nodes,
 * convergence, and teardown that removes exactly the lab's containers — also after netlab was killed half-way
 * and after its record was lost.
 */
@NeedsDocker
class DockerLabsIT extends LabTest {

    private static String pod() {
        return Labs.topology("pod.yaml").toString();
    }

    private static List<String> docker(String... args) {
        List<String> argv = new ArrayList<>(List.of("docker"));
        argv.addAll(List.of(args));
        return Shell.run(argv.toArray(String[]::new)).lines().map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
    }

    @Test
    void podLabEndToEnd() {
        String lab = lab("pod");
        ok(cli().run("up", "--name", lab, pod()));
        String p = "netlab." + lab;
        assertThat(Leftovers.containers(lab)).containsExactlyInAnyOrder(p + ".web", p + ".web.server", p + ".web.client", p + ".other",
                p + ".other.client");
        String token = Naming.token(stateDir.toAbsolutePath().normalize().toString());
        assertThat(docker("ps", "--filter", "label=netlab.lab=" + lab, "--filter", "label=netlab.state=" + token, "--format", "{{.Names}}"))
                .as("every container carries the lab and the state directory's mark, and runs").hasSize(5);
        assertThat(docker("inspect", "-f", "{{.HostConfig.NetworkMode}}", p + ".web")).containsExactly("none");

        Cli.Result check = cli().run("check", lab);
        ok(check);
        assertThat(check.out()).doesNotContain("FAIL").contains("12 passed");

        // the localhost check proves the server: without it running, it fails
        Shell.run("docker", "stop", "-t", "1", p + ".web.server");
        Cli.Result without = cli().run("check", lab, "-c", "the client reaches the server over localhost");
        assertThat(without.exitCode()).as(without.toString()).isEqualTo(1);
        Cli.Result status = cli().run("status", lab);
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out()).contains("web: missing container " + p + ".web.server (not running in the pod)");

        // a converging up starts it again, and only it
        Cli.Result again = cli().run("up", "--name", lab, pod());
        ok(again);
        assertThat(again.err()).contains("it differed from its topology; restored 1 container)").contains(p + ".web.server started");
        ok(cli().run("check", lab, "-c", "the client reaches the server over localhost"));

        Cli.Result down = cli().run("down", lab);
        ok(down);
        assertThat(down.err()).contains("3 namespaces, 5 containers");
        assertThat(Leftovers.containers(lab)).isEmpty();
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void containersPodsAndNamespaceNodesShareOneSwitch() throws IOException {
        String lab = lab("mixed");
        Path t = work.resolve("mixed.yaml");
        Files.writeString(t, """
                name: mixed
                switches: {sw: {subnet: 10.40.0.0/24}}
                nodes:
                  h1: {}
                  c1: {kind: container}
                  p1: {kind: pod, containers: {app: {}}}
                links: [[h1:eth1, sw], [c1:eth1, sw], [p1:eth1, sw]]
                checks:
                  - ping: {from: h1, to: c1}
                  - ping: {from: c1, to: p1}
                  - ping: {from: p1, to: h1}
                  - name: the container's own ping reaches the pod
                    exec: {node: c1, command: "ping -c1 -W2 ${p1}", output: "1 packets received"}
                  - name: the pod's app container reaches the namespace host
                    exec: {node: p1/app, command: "ping -c1 -W2 ${h1}", output: "1 packets received"}
                  - name: the switch learned the container's MAC on its port
                    fdb: {switch: sw, host: c1}
                """);
        Cli.Result r = cli().run("test", "--name", lab, t.toString());
        ok(r);
        assertThat(r.out()).contains("6 passed");
        assertThat(Leftovers.containers(lab)).isEmpty();
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void downAfterNetlabWasKilledMidwayRemovesEveryContainer() throws Exception {
        String lab = lab("crash");
        Process up = NetlabProcess.builder(List.of(), Map.of(), "--state-dir", stateDir.toString(), "up", "--name", lab, pod())
                .redirectErrorStream(true).redirectOutput(work.resolve("up.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (Leftovers.containers(lab).isEmpty() && up.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(Leftovers.containers(lab)).as("the spawned up made a container: %s", Files.readString(work.resolve("up.log"))).isNotEmpty();
        up.destroyForcibly(); // SIGKILL: no rollback, no cleanup of any kind
        up.waitFor();
        assertThat(Files.exists(stateDir.resolve("labs").resolve(lab).resolve("state.json"))).as("the write-ahead record").isTrue();

        Cli.Result down = cli().run("down", lab);
        ok(down);
        assertThat(Leftovers.containers(lab)).isEmpty();
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void interruptedWhileContainersStartRemovesThemAgain() throws Exception {
        String lab = lab("term");
        Path out = work.resolve("up.out"), err = work.resolve("up.err");
        Process up = NetlabProcess.start(out, err, "--state-dir", stateDir.toString(), "up", "--name", lab, pod());
        assertThat(NetlabProcess.awaitText(up, err, " started (", 90_000)).as("a container started: %s", Files.readString(err)).isTrue();
        NetlabProcess.signal(up, "TERM"); // handled like Ctrl-C: stop, then roll back
        assertThat(up.waitFor()).as(Files.readString(err)).isEqualTo(130);
        assertThat(Files.readString(err)).contains("removing what was made");
        assertThat(Leftovers.containers(lab)).isEmpty();
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void downFindsTheContainersByTheirMarksWhenTheRecordIsLost() {
        String lab = lab("lost");
        ok(cli().run("up", "--name", lab, pod()));
        Shell.run("rm", "-rf", stateDir.resolve("labs").resolve(lab).toString());
        Cli.Result down = cli().run("down", "--all");
        ok(down);
        assertThat(down.err()).contains("lab '" + lab + "' removed: 3 namespaces, 5 containers");
        assertThat(Leftovers.containers(lab)).isEmpty();
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void downFindsContainersThatOutlivedRun() {
        // after a reboot /run/netns and /run/netlab are empty while containers may still exist
        String lab = lab("reboot");
        ok(cli().run("up", "--name", lab, pod()));
        Shell.run("rm", "-rf", stateDir.resolve("labs").resolve(lab).toString());
        for (String ns : Leftovers.namespaces(lab)) Shell.run("ip", "netns", "del", ns);
        assertThat(Leftovers.containers(lab)).hasSize(5);
        Cli.Result down = cli().run("down", "--all");
        ok(down);
        assertThat(down.err()).contains("lab '" + lab + "' removed: 0 namespaces, 5 containers");
        assertThat(Leftovers.containers(lab)).isEmpty();
    }

    @Test
    void downWithoutAnEngineKeepsTheRecordSoItCanFinishLater() {
        String lab = lab("noengine");
        ok(cli().run("up", "--name", lab, pod()));
        Cli.Result r = NetlabProcess.run(List.of(), Map.of("DOCKER_HOST", "unix:///nonexistent/netlab-test/docker.sock"),
                "--state-dir", stateDir.toString(), "down", lab);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.out().lines().filter(l -> l.startsWith("netlab:")).toList()).hasSize(1).first().asString()
                .contains("cannot remove the containers of lab '" + lab + "' (its record is kept")
                .contains("does not answer");
        assertThat(Leftovers.containers(lab)).hasSize(5);
        assertThat(Files.exists(stateDir.resolve("labs").resolve(lab).resolve("state.json"))).isTrue();
        ok(cli().run("down", lab));
        assertThat(Leftovers.containers(lab)).isEmpty();
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void twoLabsWithTheSameNodeNamesCoexist() {
        String a = lab("twinA"), b = lab("twinB");
        ok(cli().run("up", "--name", a, pod()));
        ok(cli().run("up", "--name", b, pod()));
        ok(cli().run("check", a, "-c", "the other pod reaches web's server at the pod's address"));
        ok(cli().run("check", b, "-c", "the other pod reaches web's server at the pod's address"));
        ok(cli().run("down", a));
        assertThat(Leftovers.containers(b)).hasSize(5);
        ok(cli().run("check", b, "-c", "the client reaches the server over localhost"));
    }

    @Test
    void upConvergesAfterAContainerAndANamespaceNameWereLost() {
        String lab = lab("conv");
        ok(cli().run("up", "--name", lab, pod()));
        String p = "netlab." + lab;
        Shell.run("docker", "rm", "-f", p + ".other.client");
        Shell.run("ip", "netns", "del", p + ".web"); // the name only: the pod keeps its namespace
        // checks in the removed container, or through the lost name, could not run (5), not failed (1)
        assertThat(cli().run("check", lab).exitCode()).isEqualTo(5);
        Cli.Result again = cli().run("up", "--name", lab, pod());
        ok(again);
        assertThat(again.err()).contains("it differed from its topology; restored 1 namespace and 1 container)");
        ok(cli().run("check", lab));
    }

    @Test
    void aPauseContainerMadeAgainTakesItsPodAlong() {
        String lab = lab("repause");
        ok(cli().run("up", "--name", lab, pod()));
        String p = "netlab." + lab;
        Shell.run("docker", "rm", "-f", p + ".web");
        Cli.Result again = cli().run("up", "--name", lab, pod());
        ok(again);
        assertThat(again.err()).contains(p + ".web started").contains(p + ".web.server started").contains(p + ".web.client started");
        ok(cli().run("check", lab, "-c", "the client reaches the server over localhost", "-c", "pause is PID 1 for the client",
                "-c", "the client sees the same eth0, address and MAC"));
    }

    @Test
    void aMissingImageIsOneClearLineAndNothingIsMade() throws IOException {
        String lab = lab("noimg");
        Path t = work.resolve("noimg.yaml");
        Files.writeString(t, """
                name: noimg
                nodes:
                  c1: {kind: container, image: netlab/no-such-image:0}
                  p1: {kind: pod, pause_image: netlab/no-such-pause:0, containers: {a: {}}}
                """);
        Cli.Result r = cli().run("up", "--name", lab, t.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err().lines().filter(l -> l.startsWith("netlab:")).toList()).hasSize(1).first().asString()
                .contains("image netlab/no-such-image:0 is not on this machine and netlab never pulls")
                .contains("image netlab/no-such-pause:0 is not on this machine");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
        assertThat(Leftovers.containers(lab)).isEmpty();
    }

    @Test
    void aContainerThatExitsAtOnceFailsTheUpWhichRollsBack() throws IOException {
        String lab = lab("exits");
        Path t = work.resolve("exits.yaml");
        Files.writeString(t, """
                name: exits
                nodes:
                  c1: {kind: container, command: "echo bye; exit 3"}
                """);
        Cli.Result r = cli().run("up", "--name", lab, t.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).contains("exited at once (exit code 3): bye").contains("removing what was made");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
        assertThat(Leftovers.containers(lab)).isEmpty();
    }

    @Test
    void execTargetsThePodOrOneOfItsContainers() {
        String lab = lab("exec");
        ok(cli().run("up", "--name", lab, pod()));
        String sd = stateDir.toString();
        Cli.Result pid1 = NetlabProcess.run(List.of(), Map.of(), "--state-dir", sd, "exec", "-l", lab, "web/client", "--", "cat", "/proc/1/comm");
        assertThat(pid1.exitCode()).as(pid1.toString()).isZero();
        assertThat(pid1.out().strip()).isEqualTo("pause");
        Cli.Result shared = NetlabProcess.run(List.of(), Map.of(), "--state-dir", sd, "exec", "-l", lab, "web", "ip", "-o", "-4", "addr", "show", "eth0");
        assertThat(shared.out()).contains("10.244.1.1/24");
        Cli.Result code = NetlabProcess.run(List.of(), Map.of(), "--state-dir", sd, "exec", "-l", lab, "web/server", "sh", "-c", "exit 4");
        assertThat(code.exitCode()).isEqualTo(4);
        Cli.Result nope = cli().run("exec", "-l", lab, "web/nope", "true");
        assertThat(nope.exitCode()).isEqualTo(2);
        assertThat(nope.err()).contains("pod 'web' has no container 'nope'; it has: server, client");
    }
}
