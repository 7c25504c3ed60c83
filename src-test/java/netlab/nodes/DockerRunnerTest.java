package netlab.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.docker.DockerAccess;
import netlab.docker.LabContainers;
import netlab.plan.ContainerConfig;
import netlab.plan.DockerOp;
import netlab.plan.Naming;
import netlab.process.ProcessRunner;
import netlab.process.Progress;
import netlab.runtime.DockerRunner;
import netlab.runtime.OpFailedException;
import netlab.runtime.RunContext;
import netlab.testing.FakeDockerEngine;
import org.junit.jupiter.api.Test;

/** What the Docker runner and the lab's container lookups ask of the engine, against an in-memory engine. */
class DockerRunnerTest {
    private final Naming naming = new Naming("lab", "tok1");
    private final FakeDockerEngine engine = new FakeDockerEngine();
    private final DockerRunner runner = new DockerRunner(new DockerAccess(() -> engine), Progress.SILENT);
    private final RunContext ctx = new RunContext(new ProcessRunner(), null, Set.of());

    private Map<String, String> marks(String node) {
        return ContainerSettings.marks(naming, node, "app");
    }

    private DockerOp.Run member(String name) {
        ContainerConfig c = new ContainerConfig(name, "netlab/busybox:1", List.of(), Map.of(), Optional.empty(), List.of(), marks("web"),
                "container:netlab.lab.web", Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        return new DockerOp.Run(c, Optional.empty());
    }

    @Test
    void createsAndStartsAMissingContainer() throws Exception {
        runner.run(null, List.of(member("netlab.lab.web.app")), ctx);
        assertThat(engine.calls).contains("run netlab.lab.web.app").noneMatch(c -> c.startsWith("remove"));
        assertThat(engine.containers.get("netlab.lab.web.app").running()).isTrue();
    }

    @Test
    void replacesItsOwnLeftoverContainer() throws Exception {
        engine.put("netlab.lab.web.app", false, marks("web"), "container:gone");
        runner.run(null, List.of(member("netlab.lab.web.app")), ctx);
        assertThat(engine.calls).containsSubsequence("remove netlab.lab.web.app", "run netlab.lab.web.app");
        assertThat(engine.containers.get("netlab.lab.web.app").running()).isTrue();
    }

    @Test
    void neverTouchesAContainerThatIsNotTheLabs() {
        engine.put("netlab.lab.web.app", true, Map.of("netlab.lab", "lab", "netlab.state", "another-state-dir"), "none");
        assertThatThrownBy(() -> runner.run(null, List.of(member("netlab.lab.web.app")), ctx))
                .isInstanceOf(OpFailedException.class).hasMessageContaining("exists and is not this lab's");
        assertThat(engine.calls).noneMatch(c -> c.startsWith("remove") || c.startsWith("run"));
    }

    @Test
    void aContainerThatExitsAtOnceIsReportedWithItsLastWords() {
        engine.exitAtOnce = Set.of("netlab.lab.web.app");
        assertThatThrownBy(() -> runner.run(null, List.of(member("netlab.lab.web.app")), ctx))
                .isInstanceOf(OpFailedException.class)
                .hasMessageContaining("it exited at once (exit code 3): sh: nosuchprogram: not found");
    }

    @Test
    void dryRunPrintsTheDockerCommands() {
        String text = runner.render(null, List.of(member("netlab.lab.web.app"), new DockerOp.AttachNetns("netlab.lab.web", "netlab.lab.web")), ctx);
        assertThat(text).isEqualTo("""
                docker run -d --name netlab.lab.web.app --network container:netlab.lab.web --label netlab.lab=lab \
                --label netlab.member=app --label netlab.node=web --label netlab.state=tok1 netlab/busybox:1
                ip netns attach netlab.lab.web $(docker inspect -f '{{.State.Pid}}' netlab.lab.web)""");
    }

    @Test
    void liveMeansRunningAndMarkedAsTheLabs() {
        LabContainers lab = new LabContainers(engine, naming);
        engine.put("ours", true, marks("web"), "none");
        engine.put("stopped", false, marks("web"), "none");
        engine.put("foreign", true, Map.of("netlab.lab", "lab"), "none");
        engine.put("orphan", true, marks("web"), "container:no-such-pause");
        assertThat(lab.live("ours")).isTrue();
        assertThat(lab.live("stopped")).isFalse();
        assertThat(lab.live("foreign")).as("no state-directory token: not ours").isFalse();
        assertThat(lab.live("orphan")).as("its pause is gone: cut off from the pod").isFalse();
        assertThat(lab.live("missing")).isFalse();
    }

    @Test
    void removesExactlyTheLabsMarkedContainers() throws Exception {
        engine.put("a", true, marks("web"), "none");
        engine.put("b", false, marks("solo"), "none");
        engine.put("other-lab", true, new Naming("lab2", "tok1").containerMarks(), "none");
        engine.put("other-state", true, new Naming("lab", "tok2").containerMarks(), "none");
        engine.put("unlabelled", true, Map.of(), "none");
        assertThat(new LabContainers(engine, naming).removeAll()).isEqualTo(2);
        assertThat(engine.containers.keySet()).containsExactly("other-lab", "other-state", "unlabelled");
        assertThat(LabContainers.labs(engine, "tok1", netlab.process.Progress.SILENT)).containsExactly(netlab.state.LabName.of("lab2"));
    }

    @Test
    void keepsRemovingWhileTheEngineIsStillBusyWithAContainer() throws Exception {
        // a create or start cut short by Ctrl-C: the engine refuses the first removals ("in progress")
        engine.put("a", true, marks("web"), "none");
        engine.busy.put("a", 2);
        assertThat(new LabContainers(engine, naming).removeAll()).isEqualTo(1);
        assertThat(engine.containers).isEmpty();
        assertThat(engine.calls.stream().filter(c -> c.startsWith("remove"))).hasSize(3);
    }
}
