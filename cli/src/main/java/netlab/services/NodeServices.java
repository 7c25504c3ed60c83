package netlab.services;

import java.util.Optional;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.plan.Naming;
import netlab.plan.ObjectRef;
import netlab.plan.PlanBuilder;
import netlab.plan.ServiceOp;
import netlab.plan.StageName;

/** Plans the services stage: one op per service, in the node's unit (its services start together). */
public final class NodeServices {
    private NodeServices() {}

    public static void plan(LabModel model, Naming naming, PlanBuilder plan) {
        for (ModelNode n : model.nodes().values()) {
            for (Service s : n.spec().services()) {
                plan.addToNode(StageName.SERVICES, naming, n.name(), new ServiceOp(model.name(), n.name(), s,
                        Optional.of(new ObjectRef.Listener(naming.nodeNetns(n.name()), s.port()))));
            }
        }
    }
}
