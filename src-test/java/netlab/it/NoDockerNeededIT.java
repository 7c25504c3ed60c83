package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netlab.testing.Cli;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.NetlabProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labs without containers never need Docker, nor load its client; labs with containers say in one line when the
 * engine is not there. Runs netlab as its own process, pointed at an engine that does not exist.
 */
@NeedsRoot
class NoDockerNeededIT {
    private static final Map<String, String> NO_ENGINE = Map.of("DOCKER_HOST", "unix:///nonexistent/netlab-test/docker.sock");

    @TempDir
    Path stateDir;
    @TempDir
    Path work;

    @Test
    void aNamespaceLabNeitherNeedsDockerNorLoadsItsClient() throws IOException {
        String lab = Labs.uniqueName("nodock");
        String sd = stateDir.toString(), topo = Labs.topology("switch.yaml").toString();
        try {
            for (String[] args : List.of(new String[] {"up", "--name", lab, topo}, new String[] {"check", lab}, new String[] {"down", lab})) {
                Path classes = work.resolve(args[0] + ".classes");
                String[] all = new String[args.length + 2];
                all[0] = "--state-dir";
                all[1] = sd;
                System.arraycopy(args, 0, all, 2, args.length);
                Cli.Result r = NetlabProcess.run(List.of("-Xlog:class+load=info:file=" + classes), NO_ENGINE, all);
                assertThat(r.exitCode()).as(args[0] + ": " + r).isZero();
                List<String> docker = Files.readAllLines(classes).stream()
                        .filter(l -> l.contains("com.github.dockerjava") || l.contains("JavaDockerEngine")).toList();
                assertThat(docker).as("Docker client classes loaded by '%s'", args[0]).isEmpty();
            }
        } finally {
            new Cli("--state-dir", sd).run("down", lab);
        }
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void aContainerLabWithoutAnEngineFailsWithOneClearLineAndMakesNothing() {
        String lab = Labs.uniqueName("nodock-pod");
        Cli.Result r = NetlabProcess.run(List.of(), NO_ENGINE, "--state-dir", stateDir.toString(), "up", "--name", lab,
                Labs.topology("pod.yaml").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        List<String> errors = r.out().lines().filter(l -> l.startsWith("netlab:")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains("lacks what lab '" + lab + "' needs: a Docker engine (no Docker engine socket at "
                + "/nonexistent/netlab-test/docker.sock); to get it: apt-get install docker.io and start it");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
        assertThat(Leftovers.stateFiles(stateDir)).isEmpty();
    }

    @Test
    void doctorReportsAMissingEngine() {
        Cli.Result r = NetlabProcess.run(List.of(), NO_ENGINE, "doctor");
        assertThat(r.out()).contains("missing  a Docker engine: no Docker engine socket at /nonexistent/netlab-test/docker.sock")
                .contains("to get it: apt-get install docker.io");
    }
}
