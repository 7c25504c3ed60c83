package netlab.services;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import netlab.core.Extension;
import netlab.doctor.Feature;
import netlab.kind.Registry;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.plan.Naming;
import netlab.plan.PlanBuilder;
import netlab.plan.Service;
import netlab.source.Diagnostics;
import netlab.topology.Sections;
import netlab.yaml.Fields;

/**
 * A node's servers ({@code services:}): each entry one service kind, started in the node's namespace once it is up
 * ({@link NodeServices}), its process recorded as the lab's.
 */
public final class ServicesExtension implements Extension {
    private final Registry<ServiceKind> kinds;

    public ServicesExtension(Registry<ServiceKind> kinds) {
        this.kinds = kinds;
    }

    @Override
    public String name() {
        return "services";
    }

    @Override
    public Set<String> nodeKeys() {
        return Set.of("services");
    }

    @Override
    public void readNode(String node, Fields fields, Sections.Builder sections) {
        sections.put(NodeServices.SECTION, fields.list("services").map(seq -> ServiceParser.parse(seq, node, fields.diags(), kinds)).orElse(List.of()));
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        for (ModelNode n : model.nodes().values()) {
            for (Service s : NodeServices.of(n.spec())) s.validate(n, model, d);
        }
    }

    @Override
    public void plan(LabModel model, Naming naming, PlanBuilder plan) {
        NodeServices.plan(model, naming, plan);
    }

    @Override
    public Set<Feature> features(LabModel model) {
        for (ModelNode n : model.nodes().values()) {
            if (!NodeServices.of(n.spec()).isEmpty()) return EnumSet.of(Feature.BUSYBOX);
        }
        return Set.of();
    }
}
