package netlab.topology;

import static netlab.testing.Topologies.errors;
import static netlab.testing.Topologies.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.docker.Images;
import netlab.nodes.ContainerNode;
import netlab.nodes.ContainerSettings;
import netlab.nodes.PodNode;
import netlab.plan.BindMount;
import org.junit.jupiter.api.Test;

/** Container and pod nodes: every mistake reported with its exact position, and what a valid one reads as. */
class ContainerValidationTest {

    @Test
    void containerSettingsErrors() {
        assertThat(errors("""
                name: lab
                nodes:
                  c1:
                    kind: container
                    image: ""
                    command: []
                    environment: {1BAD: x, GOOD: y}
                    workdir: relative/dir
                    mounts: [/srv:/www:rx, "relative:/x", "/a:b", "justone"]
                    labels: {netlab.lab: other, ok: fine}
                    capabilities: [NET_ADMN, CAP_SYS_ADMIN]
                """)).containsExactly(
                "5:12: 'image' of node 'c1' is empty",
                "6:14: 'command' of node 'c1' is empty; leave it out to run the image's own command",
                "7:25: environment variable name '1BAD' of node 'c1' may only use letters, digits and '_'",
                "8:14: 'workdir' of node 'c1' must be an absolute path, not 'relative/dir'",
                "9:14: the mode of mount '/srv:/www:rx' must be ro or rw, not 'rx' (in node 'c1')",
                "9:28: the host path of mount 'relative:/x' must be absolute (in node 'c1')",
                "9:43: the container path of mount '/a:b' must be absolute (in node 'c1')",
                "9:51: a mount is HOST:CONTAINER or HOST:CONTAINER:ro, not 'justone' (in node 'c1')",
                "10:26: label 'netlab.lab' of node 'c1': labels starting with 'netlab.' are netlab's own marks",
                "11:20: unknown capability 'NET_ADMN' in node 'c1' (did you mean 'NET_ADMIN'?)");
    }

    @Test
    void imageReferences() {
        assertThat(errors("""
                name: lab
                nodes:
                  a: {kind: container, image: "Busy Box"}
                  b: {kind: container, image: "netlab/BusyBox:1"}
                  c: {kind: container, image: "registry.example:5000/team/app:2.1-rc_1"}
                  d: {kind: container, image: "alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
                  p: {kind: pod, pause_image: "pause:", containers: {x: {image: ubuntu}}}
                """)).containsExactly(
                "3:31: 'image' of node 'a': 'Busy Box' is not an image reference (like netlab/busybox:1 or registry.example:5000/team/app:2)",
                "4:31: 'image' of node 'b': 'netlab/BusyBox:1' is not an image reference (like netlab/busybox:1 or registry.example:5000/team/app:2)",
                "7:31: 'pause_image' of pod 'p': 'pause:' is not an image reference (like netlab/pause:1)");
    }

    @Test
    void keysOfTheWrongKind() {
        assertThat(errors("""
                name: lab
                nodes:
                  c1:
                    kind: container
                    containers: {}
                  h1:
                    image: netlab/busybox:1
                  p1:
                    kind: pod
                    command: [sleep, "1"]
                    containers: {app: {}}
                """)).containsExactly(
                "5:5: 'containers' is not a setting of kind 'container' (node 'c1'); set 'kind' to a kind that has it",
                "7:5: 'image' is not a setting of kind 'namespace' (node 'h1'); set 'kind' to a kind that has it",
                "10:5: 'command' is not a setting of kind 'pod' (node 'p1'); set 'kind' to a kind that has it");
    }

    @Test
    void podErrors() {
        assertThat(errors("""
                name: lab
                nodes:
                  p1:
                    kind: pod
                    share_pid: "yes"
                    containers:
                      bad.name: {}
                      app:
                        imagee: x
                        forwarding: true
                  p2:
                    kind: pod
                  p3:
                    kind: pod
                    containers: {}
                  p4:
                    kind: pod
                    containers: [a, b]
                """)).containsExactly(
                "5:16: 'share_pid' in node 'p1' must be true or false, not a string 'yes'",
                "7:7: container name 'bad.name' may only use letters, digits, '-' and '_', starting with a letter or digit (in pod 'p1')",
                "9:9: unknown key 'imagee' in container 'app' of pod 'p1' (did you mean 'image'?)",
                "10:9: unknown key 'forwarding' in container 'app' of pod 'p1'; allowed: capabilities, command, environment, image, labels, mounts, workdir",
                "12:5: pod 'p2' needs 'containers' (at least one)",
                "15:17: pod 'p3' needs at least one container",
                "18:17: 'containers' in node 'p4' must be a mapping (key: value lines), not a list");
    }

    @Test
    void membersInChecksMustExist() {
        assertThat(errors("""
                name: lab
                nodes:
                  h1: {}
                  c1: {kind: container}
                  p1:
                    kind: pod
                    containers: {app: {}, sidecar: {}}
                checks:
                  - exec: {node: p1/ap, command: "true"}
                  - exec: {node: h1/x, command: "true"}
                  - exec: {node: c1/x, command: "true"}
                  - exec: {node: p1/app, command: "true"}
                  - exec: {node: p1, command: "true"}
                """)).containsExactly(
                "9:18: exec in node 'p1/ap': pod 'p1' has no container 'ap' (did you mean 'app'?)",
                "10:18: exec in node 'h1/x': node 'h1' (kind namespace) is not a pod; write 'h1' without '/x'",
                "11:18: exec in node 'c1/x': node 'c1' (kind container) is not a pod; write 'c1' without '/x'");
    }

    @Test
    void validContainerReadsAsWritten() {
        var lab = load("""
                name: lab
                nodes:
                  c1:
                    kind: container
                    image: example/app:2
                    command: [httpd, -f]
                    environment: {A: "1", B: two}
                    workdir: /srv
                    mounts: [/etc/hosts:/data/hosts:ro, /tmp:/scratch]
                    labels: {team: net}
                    capabilities: [net_admin, CAP_NET_RAW]
                  c2:
                    kind: container
                    command: echo hi && sleep 5
                """);
        ContainerSettings s = ((ContainerNode.Spec) lab.model().node("c1").get().spec().kindSpec()).settings();
        assertThat(s.image()).isEqualTo("example/app:2");
        assertThat(s.command()).containsExactly("httpd", "-f");
        assertThat(s.environment()).containsExactly(Map.entry("A", "1"), Map.entry("B", "two"));
        assertThat(s.workdir()).contains("/srv");
        assertThat(s.mounts()).containsExactly(new BindMount("/etc/hosts", "/data/hosts", true), new BindMount("/tmp", "/scratch", false));
        assertThat(s.labels()).containsExactly(Map.entry("team", "net"));
        assertThat(s.capabilities()).containsExactly("NET_ADMIN", "NET_RAW");

        ContainerSettings c2 = ((ContainerNode.Spec) lab.model().node("c2").get().spec().kindSpec()).settings();
        assertThat(c2.image()).as("netlab's busybox by default").isEqualTo(Images.BUSYBOX);
        assertThat(c2.command()).as("a string runs with sh -c").containsExactly("sh", "-c", "echo hi && sleep 5");
        assertThat(c2.workdir()).isEqualTo(Optional.empty());
    }

    @Test
    void validPodReadsAsWritten() {
        var lab = load("""
                name: lab
                nodes:
                  p1:
                    kind: pod
                    share_pid: true
                    pause_image: example/pause:3
                    labels: {app: web}
                    containers:
                      server: {command: [httpd, -f]}
                      client: {}
                """);
        PodNode.Spec p = (PodNode.Spec) lab.model().node("p1").get().spec().kindSpec();
        assertThat(p.sharePid()).isTrue();
        assertThat(p.pauseImage()).isEqualTo("example/pause:3");
        assertThat(p.labels()).containsExactly(Map.entry("app", "web"));
        assertThat(p.containers().keySet()).containsExactly("server", "client");
        assertThat(p.containers().get("client").command()).isEqualTo(List.of());
        PodNode.Spec defaults = (PodNode.Spec) load("""
                name: lab
                nodes:
                  p1: {kind: pod, containers: {a: {}}}
                """).model().node("p1").get().spec().kindSpec();
        assertThat(defaults.sharePid()).as("like Kubernetes: not shared unless asked").isFalse();
        assertThat(defaults.pauseImage()).isEqualTo(Images.PAUSE);
    }
}
