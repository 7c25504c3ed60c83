package netlab.rules;

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
import netlab.source.Diagnostics;
import netlab.topology.Sections;
import netlab.yaml.Fields;

/**
 * A node's firewall and NAT rules ({@code rules:}): each entry one rule kind, all of a node's rules one
 * {@code iptables-restore} inside its namespace ({@link NodeRules}).
 */
public final class RulesExtension implements Extension {
    private final Registry<RuleKind> kinds;

    public RulesExtension(Registry<RuleKind> kinds) {
        this.kinds = kinds;
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public Set<String> nodeKeys() {
        return Set.of("rules");
    }

    @Override
    public void readNode(String node, Fields fields, Sections.Builder sections) {
        sections.put(NodeRules.SECTION, fields.list("rules").map(seq -> RuleParser.parse(seq, node, fields.diags(), kinds)).orElse(List.of()));
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        for (ModelNode n : model.nodes().values()) {
            for (Rule r : NodeRules.of(n.spec())) r.validate(n, model, d);
        }
    }

    @Override
    public void plan(LabModel model, Naming naming, PlanBuilder plan) {
        NodeRules.plan(model, naming, plan);
    }

    @Override
    public Set<Feature> features(LabModel model) {
        for (ModelNode n : model.nodes().values()) {
            if (!NodeRules.of(n.spec()).isEmpty()) return EnumSet.of(Feature.NAT); // iptables with its nat table, in a namespace
        }
        return Set.of();
    }

}
