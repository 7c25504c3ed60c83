package netlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import netlab.app.BuiltIn;
import netlab.doctor.Feature;
import netlab.testing.Labs;
import org.junit.jupiter.api.Test;

/** What each example lab asks the preflight for: `up` refuses before creating anything when one is missing. */
class LabFeaturesTest {
    private static java.util.Set<Feature> of(String file) {
        return LabUp.features(LabLoader.fromFile(BuiltIn.catalog(), Labs.topology(file), Optional.empty()).model(), BuiltIn.catalog());
    }

    @Test
    void overlaysAndTunnelsNeedTheirKernelFeatures() {
        assertThat(of("vxlan.yaml")).contains(Feature.VXLAN, Feature.BRIDGE, Feature.TCPDUMP).doesNotContain(Feature.GRE, Feature.VLAN);
        assertThat(of("gre.yaml")).contains(Feature.GRE, Feature.GRETAP, Feature.BRIDGE).doesNotContain(Feature.VXLAN);
        assertThat(of("vlan.yaml")).contains(Feature.VLAN, Feature.VLAN_FILTERING).doesNotContain(Feature.NETEM);
        assertThat(of("impairments.yaml")).contains(Feature.NETEM, Feature.TBF).doesNotContain(Feature.VLAN_FILTERING);
        assertThat(of("switch.yaml")).doesNotContain(Feature.VLAN_FILTERING, Feature.NETEM, Feature.TBF, Feature.VXLAN);
    }
}
