package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.Cli;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Docker pod (kind: pod, a pause container owning the network namespace) as a cluster pod, next to a namespace pod:
 * attached to its node's cni0 the same way, reached across the VXLAN overlay, its containers seeing the address and
 * route the cluster gave the pod.
 */
@NeedsDocker
class ClusterDockerIT {
    static final String TOPOLOGY = """
            name: k8s-docker
            switches:
              underlay: {subnet: 192.168.0.0/24}
            nodes:
              etcd: {}
              node1: {}
              node2: {}
              client: {}
              web:
                kind: pod
                containers:
                  server: {command: "mkdir -p /www && echo hello-from-a-docker-pod > /www/index.html && exec httpd -f -p 80 -h /www"}
            links:
              - [etcd:eth0, underlay]
              - [node1:eth0, underlay]
              - [node2:eth0, underlay]
            cluster:
              network: 10.1.0.0/16
              etcd: etcd
              nodes:
                node1: {underlay: eth0, subnet: 10.1.15.0/24, pods: {client: }}
                node2: {underlay: eth0, subnet: 10.1.20.0/24, pods: {web: 10.1.20.7}}
            checks:
              - name: a namespace pod reaches a Docker pod on the other node
                http: {from: client, url: "http://${web}/", contains: hello-from-a-docker-pod}
                retries: 3
              - name: the pod's container has the address and default route the cluster gave the pod
                exec: {node: web/server, command: "ip -4 addr show eth0; ip route", output: "inet 10.1.20.7/24[\\\\s\\\\S]*default via 10.1.20.1 dev eth0"}
              - name: node2's cni0 has the pod's veth end as a port
                exec: {node: node2, command: "ip -o link show master cni0", output: "vethweb@"}
            """;

    @TempDir
    Path stateDir;
    @TempDir
    Path work;

    @Test
    void aDockerPodJoinsTheClusterLikeANamespacePod() throws Exception {
        Path file = work.resolve("k8s-docker.yaml");
        Files.writeString(file, TOPOLOGY);
        String lab = Labs.uniqueName("k8s-docker");
        Cli.Result r = Cli.withStateDir(stateDir).run("test", "--name", lab, file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("3 checks: 3 passed");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
        assertThat(Leftovers.containers(lab)).isEmpty();
        assertThat(Leftovers.stateFiles(stateDir)).isEmpty();
    }
}
