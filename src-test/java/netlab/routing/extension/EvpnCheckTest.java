package netlab.routing.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import netlab.app.BuiltIn;
import netlab.lab.LabLoader;
import netlab.lab.LoadedLab;
import netlab.source.Diagnostic;
import netlab.source.InvalidTopologyException;
import org.junit.jupiter.api.Test;

/**
 * The evpn check (issue 16, evpn-vxlan.yaml) is read strictly and checked against the lab before anything runs:
 * the node runs BGP and has a VXLAN device of the VNI, each remote VTEP is another node with one (and a local
 * address, the VTEP address EVPN announces), host and behind go together. Fails before: 'evpn' was an unknown
 * check kind.
 */
class EvpnCheckTest {
    static final String LAB = """
            name: ev
            nodes:
              leaf1:
                interfaces:
                  eth1: [10.0.0.1/24]
                  lo: [10.255.0.1/32]
                  vx100: {type: vxlan, vni: 100, local: 10.255.0.1, learning: false}
                  br100: {type: bridge, ports: [eth2, vx100]}
                routing:
                  bgp: {as: 65000, families: [evpn], neighbors: [{node: leaf2}]}
              leaf2:
                interfaces:
                  eth1: [10.0.0.2/24]
                  lo: [10.255.0.2/32]
                  vx100: {type: vxlan, vni: 100, local: 10.255.0.2, learning: false}
                  br100: {type: bridge, ports: [eth2, vx100]}
                routing:
                  bgp: {as: 65000, families: [evpn], neighbors: [{node: leaf1}]}
              h1: {interfaces: {eth1: [192.168.0.1/24]}}
              h2: {interfaces: {eth1: [192.168.0.2/24]}}
            links: [[leaf1:eth1, leaf2:eth1], [h1:eth1, leaf1:eth2], [h2:eth1, leaf2:eth2]]
            checks:
              - evpn: {node: leaf1, vni: 100, remote_vteps: [leaf2], host: h2, behind: leaf2}
            """;

    private static LoadedLab load(String text) {
        return LabLoader.fromText(BuiltIn.catalog(), text, "t.yaml", "/t.yaml", Optional.empty());
    }

    private static List<String> errors(String text) {
        try {
            load(text);
            throw new AssertionError("no error");
        } catch (InvalidTopologyException e) {
            return e.diagnostics().stream().map(Diagnostic::toString).toList();
        }
    }

    private static String check(String fields) {
        return LAB.replace("evpn: {node: leaf1, vni: 100, remote_vteps: [leaf2], host: h2, behind: leaf2}", "evpn: {" + fields + "}");
    }

    @Test
    void aWellFormedCheckLoadsAndSaysWhatItLooksFor() {
        LoadedLab lab = load(LAB);
        assertThat(netlab.check.CheckSpec.of(lab.topology())).singleElement().satisfies(c -> assertThat(c.body().describe())
                .isEqualTo("evpn leaf1 vni 100 floods to leaf2, has h2 behind leaf2"));
    }

    @Test
    void mistakesAreReportedAtTheirPlacesAllAtOnce() {
        assertThat(errors(check("node: leaf1, vni: 200, remote_vteps: [leaf2]")))
                .containsExactly("t.yaml:23:30: the evpn check: node leaf1 has no VXLAN device with vni 200; its VNIs: 100 (vx100)");
        assertThat(errors(check("node: leaf1, vni: 100, remote_vteps: [leaf1, h1, leaf3]"))).containsExactly(
                "t.yaml:23:50: 'remote_vteps' of the evpn check names leaf1 itself; its own VTEP is not a remote one",
                "t.yaml:23:57: 'remote_vteps' of the evpn check: node h1 has no VXLAN device with vni 100 (it has none)",
                "t.yaml:23:61: 'remote_vteps' of the evpn check: no node 'leaf3' (did you mean 'leaf1'?)");
        assertThat(errors(check("node: h1, vni: 100, host: h2"))).anySatisfy(e -> assertThat(e).contains("node h1 runs no BGP"))
                .anySatisfy(e -> assertThat(e).contains("'host' and 'behind' go together"));
        assertThat(errors(check("node: leaf1, vni: 16777216, remote_vteps: [leaf2]"))).singleElement().satisfies(e -> assertThat(e)
                .startsWith("t.yaml:23:30:").contains("vni"));
        assertThat(errors(check("node: leaf1, vni: 100"))).singleElement().satisfies(e -> assertThat(e)
                .contains("needs 'remote_vteps' (the VNI's flood list) or 'host' and 'behind'"));
    }

    @Test
    void aRemoteVtepNeedsTheLocalAddressEvpnAnnounces() {
        assertThat(errors(LAB.replace("vx100: {type: vxlan, vni: 100, local: 10.255.0.2, learning: false}",
                "vx100: {type: vxlan, vni: 100, learning: false}"))).anySatisfy(e -> assertThat(e)
                .contains("the VXLAN device of vni 100 of node leaf2 has no 'local' address"));
    }
}
