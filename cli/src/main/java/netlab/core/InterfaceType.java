package netlab.core;

import java.util.Set;
import netlab.doctor.Feature;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.plan.Naming;
import netlab.plan.PlanBuilder;
import netlab.source.Diagnostics;
import netlab.topology.InterfaceTypeSpec;
import netlab.yaml.Fields;

/**
 * One kind of interface a node can have ({@code type:} under an interface). The default, {@code veth}, is the
 * end of a link; other types are created inside the node by the type's own ops.
 */
public interface InterfaceType {
    String name();

    /** Keys this type adds to the interface mapping (besides type, addresses, mac, mtu). */
    Set<String> fields();

    InterfaceTypeSpec parse(Fields fields, String node, String iface);

    /** Checks that need the whole lab (parent interfaces exist, endpoints resolve…). */
    default void validate(ModelNode node, ModelInterface iface, LabModel model, Diagnostics diags) {}

    /**
     * Adds the ops that create the interface inside the node, in the node's unit of the nodes stage; they run
     * before the interface's addresses are added and before it is set up.
     */
    default void planCreate(ModelNode node, ModelInterface iface, Naming naming, PlanBuilder plan) {}

    /** Kernel features the machine must have for this type. */
    default Set<Feature> features() {
        return Set.of();
    }
}
