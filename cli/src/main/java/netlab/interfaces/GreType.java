package netlab.interfaces;

import netlab.doctor.Feature;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.source.Diagnostics;

/**
 * {@code type: gre}: a routed (layer 3) GRE tunnel to another node. IP packets routed into it travel inside
 * GRE (IP protocol 47) between the two underlay addresses; the routers on the way see only the outer header.
 */
public final class GreType extends GreFamilyType {
    public static final String NAME = "gre";

    public GreType() {
        super(NAME, Feature.GRE);
    }

    @Override
    public void validate(ModelNode node, ModelInterface iface, LabModel model, Diagnostics d) {
        super.validate(node, iface, model, d);
        if (iface.spec().mac().isPresent()) {
            d.error(iface.spec().pos(), "gre " + iface.ref() + " carries IP packets, not Ethernet frames, so it has no MAC; remove 'mac'"
                    + " (type gretap carries Ethernet)");
        }
    }
}
