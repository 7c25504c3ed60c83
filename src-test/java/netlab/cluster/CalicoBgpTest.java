package netlab.cluster;

import static netlab.testing.Topologies.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.app.BuiltIn;
import netlab.core.KindRuntime;
import netlab.doctor.Feature;
import netlab.lab.LabUp;
import netlab.lab.LoadedLab;
import netlab.plan.Naming;
import netlab.plan.Op;
import netlab.plan.Plan;
import netlab.plan.Stage;
import netlab.plan.build.Planner;
import netlab.process.ProcessRunner;
import netlab.routing.extension.RoutingNodes;
import netlab.routing.extension.StartFrr;
import netlab.testing.Topologies;
import org.junit.jupiter.api.Test;

/**
 * Backend bgp (issue 16, k8s-calico-bgp.yaml): each cluster node becomes a routing node of the routing extension,
 * announcing its pod subnet over iBGP to every other cluster node; no etcd, no flannel, no overlay. Fails before:
 * 'bgp' was not a backend (and needs_announcement not a check kind).
 */
class CalicoBgpTest {
    static final String LAB = """
            name: k
            switches:
              underlay: {subnet: 192.168.0.0/24}
            nodes:
              n1: {interfaces: {eth0: 192.168.0.11/24}}
              n2: {interfaces: {eth0: 192.168.0.12/24}}
              n3: {interfaces: {eth0: 192.168.0.13/24}}
              p1: {}
              p2: {}
            links:
              - [n1:eth0, underlay]
              - [n2:eth0, underlay]
              - [n3:eth0, underlay]
            cluster:
              network: 10.1.0.0/16
              backend: bgp
              nodes:
                n1: {underlay: eth0, pods: {p1: }}
                n2: {underlay: eth0, pods: {p2: }}
                n3: {underlay: eth0}
            checks:
              - needs_announcement: {node: n2, probe: {ping: {from: p1, to: p2}}}
            """;

    @Test
    void eachNodeAnnouncesItsSubnetToEveryOtherOverBgpAndNothingElseIsMade() {
        LoadedLab lab = Topologies.load(LAB);
        assertThat(lab.model().nodes().values()).filteredOn(n -> RoutingNodes.of(n.spec()).isPresent()).extracting(n -> n.name())
                .containsExactly("n1", "n2", "n3");
        Plan plan = Planner.plan(lab.model(), new KindRuntime(new Naming("k", "t0"), new ProcessRunner()), BuiltIn.catalog());
        Stage routing = plan.stages().stream().filter(s -> s.name().equals("routing")).findFirst().orElseThrow();
        StartFrr n1 = (StartFrr) routing.units().get(0).ops().get(0);
        assertThat(n1.config().text()).contains("router bgp 64512\n").contains(" neighbor 192.168.0.12 remote-as 64512\n")
                .contains(" neighbor 192.168.0.13 remote-as 64512\n").contains("  network 10.1.1.0/24\n").doesNotContain("192.168.0.11");
        List<String> ops = plan.stages().stream().flatMap(s -> s.units().stream()).flatMap(u -> u.ops().stream()).map(Op::describe).toList();
        assertThat(ops).noneMatch(o -> o.contains("flannel.1") || o.contains("etcd"));
        assertThat(LabUp.features(lab.model(), BuiltIn.catalog())).contains(Feature.FRR).doesNotContain(Feature.ETCD, Feature.VXLAN);
    }

    @Test
    void mistakesAreReportedAtTheirPlaces() {
        assertThat(errors(LAB.replace("  backend: bgp\n", "  backend: bgp\n  etcd: n1\n"))).containsExactly(
                "17:9: backend bgp announces each node's subnet over BGP, so it keeps no subnet table in etcd; remove 'etcd' or choose backend"
                        + " vxlan or host-gw");
        assertThat(errors(LAB.replace("n2: {interfaces: {eth0: 192.168.0.12/24}}",
                "n2: {interfaces: {eth0: 192.168.0.12/24}, routing: {bgp: {as: 1}}}"))).containsExactly(
                "6:54: node 'n2' gets its routing from the cluster (backend bgp: it announces its pod subnet to the other nodes, line 19);"
                        + " remove its own 'routing'");
        assertThat(errors(LAB.replace("needs_announcement: {node: n2", "needs_announcement: {node: p1"))).containsExactly(
                "22:32: 'p1' (the node of a needs_announcement check) is not a node of the cluster (did you mean 'n1'?); its nodes: n1, n2, n3");
        assertThat(errors(LAB.replace("backend: bgp", "backend: none"))).containsExactly(
                "22:32: a needs_announcement check needs a cluster with backend bgp; this one's is none (its nodes announce nothing)");
    }

    @Test
    void nodesThatShareNoSubnetCannotPeer() {
        assertThat(errors(LAB.replace("n3: {interfaces: {eth0: 192.168.0.13/24}}", "n3: {interfaces: {eth0: 192.168.9.13/24}}")
                .replace("underlay: {subnet: 192.168.0.0/24}", "underlay: {}"))).isNotEmpty()
                .anySatisfy(e -> assertThat(e).startsWith("18:5: BGP neighbour node n3 of node 'n1': nodes 'n1' and 'n3' share no subnet"));
    }
}
