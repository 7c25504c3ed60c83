package netlab.plan.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import netlab.app.BuiltIn;
import netlab.lab.LabEnv;
import netlab.lab.LabLoader;
import netlab.lab.LabUp;
import netlab.lab.LoadedLab;
import netlab.process.Progress;
import netlab.source.InvalidTopologyException;
import netlab.state.StateStore;
import org.junit.jupiter.api.Test;

/**
 * IPv6 details Kathará's basic-ipv6 lab needs (issue 20, gap 4): a route via a link-local next hop with its dev (it
 * was refused: "not in any subnet"), an interface without IPv6 addresses that keeps its link-local address
 * (link_local: true; it got addrgenmode none), and duplicate address detection off before the link comes up (dad:
 * false), so the link-local address answers at once. Fails before: link_local and dad were unknown keys.
 */
class Ipv6LinkLocalTest {
    static final String LAB = """
            name: ll
            nodes:
              r1:
                forwarding: true
                interfaces:
                  eth1: {addresses: [2001:db8:1::1/64]}
                  eth2: {link_local: true, dad: false, mac: "02:00:00:00:00:b1"}
                routes:
                  - {to: "2001:db8:3::/64", via: "fe80::ff:fe00:b2", dev: eth2}
              r2:
                interfaces:
                  eth2: {link_local: true, mac: "02:00:00:00:00:b2"}
                  eth3: {}
              h1: {interfaces: {eth1: {addresses: [2001:db8:1::2/64]}}}
            links: [[r1:eth1, h1:eth1], [r1:eth2, r2:eth2], [r2:eth3, h1:eth4]]
            """;

    private static LoadedLab load(String text) {
        return LabLoader.fromText(BuiltIn.catalog(), text, "t.yaml", "/t.yaml", Optional.empty());
    }

    private static String plan(String text) {
        LabEnv env = LabEnv.standard(BuiltIn.catalog(), new StateStore(Path.of(StateStore.DEFAULT_DIR)), Progress.SILENT);
        return new LabUp(env).dryRun(load(text));
    }

    @Test
    void aLinkLocalNextHopWithItsDevIsARouteAndInterfacesKeepTheirLinkLocalAddressWithoutDad() {
        String plan = plan(LAB);
        assertThat(plan).contains("route replace 2001:db8:3::/64 via fe80::ff:fe00:b2 dev eth2");
        // r1:eth2 and r2:eth2 keep the kernel's link-local address; r2:eth3 (no IPv6, not asked) does not
        assertThat(plan).doesNotContain("link set dev eth2 addrgenmode none").contains("link set dev eth3 addrgenmode none");
        // DAD off on r1:eth2 only, set before the link is up
        int dad = plan.indexOf("net.ipv6.conf.eth2.accept_dad=0");
        assertThat(dad).isPositive();
        assertThat(plan.indexOf("net.ipv6.conf.eth2.accept_dad=0", dad + 1)).isNegative();
        assertThat(plan.indexOf("link set dev eth2 up", plan.lastIndexOf("netlab.ll.r1", dad))).isGreaterThan(dad);
    }

    @Test
    void aLinkLocalNextHopNeedsItsDev() {
        assertThatThrownBy(() -> load(LAB.replace(", dev: eth2}", "}")))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessageContaining("gateway fe80::ff:fe00:b2 is link-local: give the interface it is on ('dev')");
    }
}
