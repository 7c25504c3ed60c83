package netlab.services;

import java.util.List;
import java.util.Optional;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.plan.Naming;
import netlab.plan.ObjectRef;
import netlab.plan.PlanBuilder;
import netlab.plan.Service;
import netlab.plan.ServiceOp;
import netlab.plan.StageName;
import netlab.topology.NodeSpec;
import netlab.topology.Section;

/** Plans the services stage: one op per service, in the node's unit (its services start together). */
public final class NodeServices {
    /** A node's {@code services:}: servers started in the node once it is up. */
    public static final Section<List<Service>> SECTION = new Section<>("services");

    private NodeServices() {}

    /** The node's services as written (none when it has no {@code services:}). */
    public static List<Service> of(NodeSpec node) {
        return node.section(SECTION).orElse(List.of());
    }

    public static void plan(LabModel model, Naming naming, PlanBuilder plan) {
        for (ModelNode n : model.nodes().values()) {
            for (Service s : of(n.spec())) {
                plan.addToNode(StageName.SERVICES, naming, n.name(), new ServiceOp(model.name(), n.name(), s,
                        Optional.of(new ObjectRef.Listener(naming.nodeNetns(n.name()), s.port()))));
            }
        }
    }
}
