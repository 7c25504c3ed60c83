package netlab.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.app.BuiltIn;
import netlab.lab.LabEnv;
import netlab.lab.LabUp;
import netlab.plan.ContainerConfig;
import netlab.plan.DockerOp;
import netlab.plan.ObjectRef;
import netlab.plan.Op;
import netlab.plan.Plan;
import netlab.plan.Stage;
import netlab.plan.Unit;
import netlab.process.Progress;
import netlab.state.StateStore;
import netlab.testing.Topologies;
import org.junit.jupiter.api.Test;

/** How container and pod nodes are planned: what is made in which stage, wired how, and marked how. */
class ContainerPlanTest {
    private static final String POD = """
            name: lab
            switches: {sw: {subnet: 10.0.0.0/24}}
            nodes:
              web:
                kind: pod
                share_pid: true
                labels: {app: web}
                containers:
                  server: {command: [httpd, -f]}
                  client: {}
              solo: {kind: container, command: [sleep, infinity]}
              h1: {}
            links: [[web:eth0, sw], [solo:eth0, sw], [h1:eth0, sw]]
            """;

    private static Plan plan(String yaml, String lab) {
        LabEnv env = LabEnv.standard(BuiltIn.catalog(), new StateStore(Path.of("/run/netlab")), Progress.SILENT);
        return new LabUp(env).plan(netlab.lab.LabLoader.fromText(BuiltIn.catalog(), yaml, "t.yaml", "/t.yaml", Optional.of(lab)));
    }

    private static List<DockerOp> dockerOps(Stage s) {
        List<DockerOp> out = new ArrayList<>();
        for (Unit u : s.units()) for (Op op : u.ops()) if (op instanceof DockerOp d) out.add(d);
        return out;
    }

    private static Stage stage(Plan p, String name) {
        return p.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void pauseFirstThenItsNetnsIsNamedAndAppsStartAfterTheNetworkIsConfigured() {
        Plan p = plan(POD, "l1");
        assertThat(p.stages().stream().map(Stage::name)).containsSubsequence("namespaces", "containers", "links", "nodes", "apps");

        Stage containers = stage(p, "containers");
        assertThat(containers.units()).extracting(Unit::label).containsExactly("node web", "node solo");
        List<Op> web = containers.units().get(0).ops();
        DockerOp.Run pause = (DockerOp.Run) web.get(0);
        assertThat(pause.config().name()).isEqualTo("netlab.l1.web");
        assertThat(pause.config().image()).isEqualTo("netlab/pause:1");
        assertThat(pause.config().networkMode()).as("networking off: netlab plugs it").isEqualTo("none");
        assertThat(pause.config().ipcMode()).contains("shareable");
        assertThat(pause.netns()).contains("netlab.l1.web");
        assertThat(web.get(1)).isEqualTo(new DockerOp.AttachNetns("netlab.l1.web", "netlab.l1.web"));
        assertThat(web.get(1).creates()).contains(new ObjectRef.Netns("netlab.l1.web"));

        List<DockerOp> apps = dockerOps(stage(p, "apps"));
        assertThat(apps).hasSize(2);
        ContainerConfig server = ((DockerOp.Run) apps.get(0)).config();
        assertThat(server.name()).isEqualTo("netlab.l1.web.server");
        assertThat(server.networkMode()).isEqualTo("container:netlab.l1.web");
        assertThat(server.pidMode()).contains("container:netlab.l1.web");
        assertThat(server.ipcMode()).contains("container:netlab.l1.web");
        assertThat(server.hostname()).as("a member takes its pod's").isEmpty();
        assertThat(server.labels()).containsEntry("netlab.lab", "l1").containsEntry("netlab.node", "web")
                .containsEntry("netlab.member", "server").containsEntry("app", "web").containsKey("netlab.state");
        assertThat(((DockerOp.Run) apps.get(0)).netns()).isEmpty();
        assertThat(apps.get(0).creates()).contains(new ObjectRef.Container("netlab.l1.web.server"));

        DockerOp.Run solo = (DockerOp.Run) containers.units().get(1).ops().get(0);
        assertThat(solo.config().networkMode()).isEqualTo("none");
        assertThat(solo.config().hostname()).contains("solo");
        assertThat(solo.config().command()).containsExactly("sleep", "infinity");
        assertThat(solo.config().labels()).containsEntry("netlab.node", "solo").doesNotContainKey("netlab.member");
    }

    @Test
    void withoutSharePidEachContainerKeepsItsOwnPidNamespace() {
        Plan p = plan("""
                name: lab
                nodes:
                  web: {kind: pod, containers: {a: {}}}
                """, "l2");
        ContainerConfig a = ((DockerOp.Run) dockerOps(stage(p, "apps")).get(0)).config();
        assertThat(a.pidMode()).isEmpty();
        assertThat(a.networkMode()).isEqualTo("container:netlab.l2.web");
    }

    @Test
    void twoLabsWithTheSameNodeNamesGetDistinctContainers() {
        List<String> one = created(plan(POD, "a-b"));
        List<String> two = created(plan(POD, "a"));
        assertThat(one).doesNotContainAnyElementsOf(two);
        assertThat(one).contains("netlab.a-b.web", "netlab.a-b.web.server", "netlab.a-b.solo");
    }

    @Test
    void namespaceOnlyLabsHaveNoDockerOps() {
        Plan p = plan("""
                name: lab
                nodes: {h1: {}, h2: {}}
                links: [[h1:eth1, h2:eth1]]
                """, "l3");
        assertThat(p.stages()).allSatisfy(s -> assertThat(dockerOps(s)).isEmpty());
    }

    private static List<String> created(Plan p) {
        List<String> out = new ArrayList<>();
        for (Stage s : p.stages()) for (Unit u : s.units()) for (Op op : u.ops()) {
            op.creates().ifPresent(r -> {
                if (r instanceof ObjectRef.Container c) out.add(c.name());
            });
        }
        return out;
    }

    @Test
    void topologyIsValid() {
        assertThat(Topologies.errors(POD)).isEmpty();
    }
}
