package netlab.lab;

import java.util.EnumSet;
import java.util.Set;
import netlab.doctor.Feature;
import netlab.model.LabModel;
import netlab.model.ModelSwitch;
import netlab.traffic.Impairments;

/**
 * Kernel features a lab's switches and links need beyond bridges and veths: VLAN filtering for a switch with VLANs,
 * netem for delay/jitter/loss, tbf for a rate limit alone.
 */
final class LinkFeatures {
    private LinkFeatures() {}

    static Set<Feature> of(LabModel model) {
        Set<Feature> f = EnumSet.noneOf(Feature.class);
        if (model.switches().values().stream().anyMatch(ModelSwitch::vlanAware)) f.add(Feature.VLAN_FILTERING);
        if (Impairments.needNetem(model)) f.add(Feature.NETEM);
        if (Impairments.needTbf(model)) f.add(Feature.TBF);
        return f;
    }
}
