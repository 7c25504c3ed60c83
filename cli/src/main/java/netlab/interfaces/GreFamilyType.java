package netlab.interfaces;

import java.util.Set;
import netlab.core.InterfaceType;
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

/** What {@code gre} and {@code gretap} share: the same settings ({@link GreTunnel}), validation and creation. */
abstract class GreFamilyType implements InterfaceType {
    private final String name;
    private final Feature feature;

    GreFamilyType(String name, Feature feature) {
        this.name = name;
        this.feature = feature;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> fields() {
        return GreTunnel.FIELDS;
    }

    @Override
    public InterfaceTypeSpec parse(Fields fields, String node, String iface) {
        return GreTunnel.parse(name, fields, node, iface);
    }

    @Override
    public void validate(ModelNode node, ModelInterface iface, LabModel model, Diagnostics d) {
        ((GreTunnel) iface.spec().typeSpec()).validate(node, iface, model, d);
    }

    @Override
    public void planCreate(ModelNode node, ModelInterface iface, Naming naming, PlanBuilder plan) {
        GreTunnel t = (GreTunnel) iface.spec().typeSpec();
        plan.addToNode(StageName.NODES, naming, node.name(), t.createOp(iface.name(), iface.spec().mac(), iface.spec().mtu(),
                naming.nodeNetns(node.name())));
    }

    @Override
    public Set<Feature> features() {
        return Set.of(feature);
    }
}
