package netlab.plan.build;

import static org.assertj.core.api.Assertions.assertThat;

import netlab.model.ModelInterface;
import netlab.testing.Topologies;
import org.junit.jupiter.api.Test;

class InterfaceOrderTest {
    @Test
    void anInterfaceComesAfterWhatItIsBuiltOn() {
        var lab = Topologies.load("""
                name: lab
                nodes:
                  a:
                    interfaces:
                      br0: {type: bridge, ports: [eth2, vx1, gt1.7]}
                      gt1.7: {type: vlan}
                      vx1: {type: vxlan, vni: 1, underlay: eth1.10}
                      gt1: {type: gretap, local: 10.0.0.1, remote: 10.0.0.2, underlay: eth1}
                      eth1: {addresses: []}
                      eth1.10: {type: vlan, addresses: [10.0.0.1/24]}
                  b: {interfaces: {eth1: 10.0.0.2/24}}
                links:
                  - [a:eth1, b:eth1]
                  - [a:eth2, b:eth2]
                """);
        assertThat(InterfaceOrder.creationOrder(lab.model().node("a").orElseThrow()).stream().map(ModelInterface::name))
                .containsExactly("eth2", "eth1", "eth1.10", "vx1", "gt1", "gt1.7", "br0");
    }
}
