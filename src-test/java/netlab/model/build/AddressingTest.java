package netlab.model.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.model.LabModel;
import netlab.net.Cidr;
import netlab.testing.Topologies;
import org.junit.jupiter.api.Test;

/** Automatic addresses: next free host of the segment's subnet, in link order, never a written one. */
class AddressingTest {
    private static List<Cidr> addrs(LabModel m, String node, String iface) {
        return m.iface(node, iface).orElseThrow().addresses();
    }

    @Test
    void hostsOnASwitchGetAddressesInLinkOrderSkippingWrittenOnes() {
        LabModel m = Topologies.load("""
                name: a
                switches: {sw1: {subnet: 10.0.0.0/24, subnet6: "2001:db8::/64"}}
                nodes:
                  r1: {interfaces: {eth1: [10.0.0.2/24]}}
                  h1: {}
                  h2: {}
                  h3: {interfaces: {eth1: {addresses: []}}}
                links: [[h2:eth1, sw1], [r1:eth1, sw1], [h1:eth1, sw1], [h3:eth1, sw1]]
                """).model();
        assertThat(addrs(m, "h2", "eth1")).containsExactly(Cidr.of("10.0.0.1/24"), Cidr.of("2001:db8::1/64"));
        assertThat(addrs(m, "r1", "eth1")).containsExactly(Cidr.of("10.0.0.2/24")); // written: no IPv6 added
        assertThat(addrs(m, "h1", "eth1")).containsExactly(Cidr.of("10.0.0.3/24"), Cidr.of("2001:db8::2/64"));
        assertThat(addrs(m, "h3", "eth1")).isEmpty(); // addresses: [] means none
    }

    @Test
    void pointToPointLinksUseTheirOwnSubnet() {
        LabModel m = Topologies.load("""
                name: a
                nodes: {r1: {}, r2: {}}
                links:
                  - {endpoints: [r1:eth1, r2:eth1], subnet: 10.9.0.0/31}
                """).model();
        assertThat(addrs(m, "r1", "eth1")).containsExactly(Cidr.of("10.9.0.0/31"));
        assertThat(addrs(m, "r2", "eth1")).containsExactly(Cidr.of("10.9.0.1/31"));
    }

    @Test
    void gatewaysNamedByNodeResolveToTheSharedSubnet() {
        LabModel m = Topologies.load("""
                name: a
                switches: {lan1: {subnet: 10.1.0.0/24}, lan2: {subnet: 10.2.0.0/24}}
                nodes:
                  r1: {forwarding: true}
                  h1: {gateway: r1}
                  h2: {routes: [{to: 10.1.0.0/24, via: r1}]}
                links: [[r1:eth1, lan1], [r1:eth2, lan2], [h1:eth1, lan1], [h2:eth1, lan2]]
                """).model();
        assertThat(m.node("h1").orElseThrow().routes()).singleElement()
                .satisfies(r -> assertThat(r.via().orElseThrow().toString()).isEqualTo("10.1.0.1"));
        assertThat(m.node("h2").orElseThrow().routes()).singleElement()
                .satisfies(r -> assertThat(r.via().orElseThrow().toString()).isEqualTo("10.2.0.1"));
    }
}
