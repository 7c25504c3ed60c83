package netlab.interfaces;

import java.util.Set;
import netlab.doctor.Feature;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.plan.Naming;
import netlab.plan.PlanBuilder;
import netlab.plan.StageName;
import netlab.source.Diagnostics;
import netlab.topology.InterfaceTypeSpec;
import netlab.yaml.Fields;

/**
 * {@code type: gre}: a routed (layer 3) GRE tunnel to another node. IP packets routed into it travel inside
 * GRE (IP protocol 47) between the two underlay addresses; the routers on the way see only the outer header.
 */
public final class GreType implements InterfaceType {
    public static final String NAME = "gre";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> fields() {
        return GreTunnel.FIELDS;
    }

    @Override
    public InterfaceTypeSpec parse(Fields fields, String node, String iface) {
        return GreTunnel.parse(NAME, fields, node, iface);
    }

    @Override
    public void validate(ModelNode node, ModelInterface iface, LabModel model, Diagnostics d) {
        ((GreTunnel) iface.spec().typeSpec()).validate(node, iface, model, d);
        if (iface.spec().mac().isPresent()) {
            d.error(iface.spec().pos(), "gre " + iface.ref() + " carries IP packets, not Ethernet frames, so it has no MAC; remove 'mac'"
                    + " (type gretap carries Ethernet)");
        }
    }

    @Override
    public void planCreate(ModelNode node, ModelInterface iface, Naming naming, PlanBuilder plan) {
        GreTunnel t = (GreTunnel) iface.spec().typeSpec();
        plan.addToNode(StageName.NODES, naming, node.name(), t.createOp(iface.name(), iface.spec().mac(), iface.spec().mtu(),
                naming.nodeNetns(node.name())));
    }

    @Override
    public Set<Feature> features() {
        return Set.of(Feature.GRE);
    }
}
