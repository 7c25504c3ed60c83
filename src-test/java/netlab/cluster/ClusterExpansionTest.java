package netlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import netlab.lab.LoadedLab;
import netlab.model.ModelNode;
import netlab.testing.Topologies;
import org.junit.jupiter.api.Test;

/** What a cluster section becomes in the lab: subnets and addresses given in file order, pods joined to cni0. */
class ClusterExpansionTest {
    static final LoadedLab LAB = Topologies.load("""
            name: k
            switches:
              underlay: {subnet: 192.168.0.0/24}
            nodes: {etcd: {}, n1: {interfaces: {eth0: {mtu: 9000}}}, n2: {}, n3: {}, p1: {}, p2: {}, a_pod_with_a_long_name: {}}
            links:
              - [etcd:eth0, underlay]
              - [n1:eth0, underlay]
              - [n2:eth0, underlay]
              - [n3:eth0, underlay]
            cluster:
              network: 10.1.0.0/16
              etcd: etcd
              nodes:
                n1: {underlay: eth0, pods: {p1: , p2: 10.1.1.2}}
                n2: {underlay: eth0, subnet: 10.1.2.0/24}
                n3: {underlay: eth0, pods: {a_pod_with_a_long_name: }}
            """);

    @Test
    void subnetsComeInOrderFromTheSecondOnePastWrittenOnes() {
        ClusterSpec c = ClusterSpec.of(LAB.topology()).orElseThrow();
        assertThat(c.nodes().get("n1").subnet()).hasToString("10.1.1.0/24");
        assertThat(c.nodes().get("n2").subnet()).hasToString("10.1.2.0/24");
        assertThat(c.nodes().get("n3").subnet()).as("10.1.2.0/24 is written for n2").hasToString("10.1.3.0/24");
    }

    @Test
    void podsGetTheNextFreeAddressAndADefaultRouteViaCni0() {
        ModelNode p1 = LAB.model().node("p1").orElseThrow();
        assertThat(p1.interfaces().get("eth0").addresses()).hasToString("[10.1.1.3/24]");
        assertThat(p1.routes()).singleElement().satisfies(r -> assertThat(r.via()).hasValueSatisfying(v -> assertThat(v).hasToString("10.1.1.1")));
        assertThat(LAB.model().node("p2").orElseThrow().interfaces().get("eth0").addresses()).hasToString("[10.1.1.2/24]");
    }

    @Test
    void theNodeBridgesItsPodsVethEndsAndForwards() {
        ModelNode n1 = LAB.model().node("n1").orElseThrow();
        assertThat(n1.spec().forwarding()).isTrue();
        assertThat(n1.interfaces().get("cni0").addresses()).hasToString("[10.1.1.1/24]");
        assertThat(n1.interfaces().get("cni0").spec().typeSpec().dependsOn()).containsExactly("vethp1", "vethp2");
        assertThat(n1.interfaces().get("vethp1").peer()).contains("p1:eth0");
        assertThat(n1.interfaces().get("cni0").spec().mtu().getAsInt()).as("the underlay's 9000 less VXLAN's 50").isEqualTo(8950);
        assertThat(LAB.model().node("n3").orElseThrow().interfaces().keySet()).as("a name too long for vethNAME gets a hash")
                .anyMatch(i -> i.matches("veth[0-9a-f]{8}")).doesNotContain("vetha_pod_with_a_long_name");
    }
}
