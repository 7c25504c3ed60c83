package netlab.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects ops into named stages and, within a stage, into units keyed by where they run. Stages come out in
 * the order of {@link StageName}; units in the order they were first used.
 */
public final class PlanBuilder {
    private final String lab;
    private final Map<StageName, Map<String, UnitBuilder>> stages = new LinkedHashMap<>();

    public PlanBuilder(String lab) {
        this.lab = lab;
        for (StageName s : StageName.values()) stages.put(s, new LinkedHashMap<>());
    }

    /** Adds an op to the unit {@code label} of {@code stage}, running in {@code netns} (null: host namespace). */
    public PlanBuilder add(StageName stage, String label, String netns, Op op) {
        stages.get(stage).computeIfAbsent(label, l -> new UnitBuilder(l, netns)).ops.add(op);
        return this;
    }

    /** Adds an op to a node's own unit of {@code stage}: the unit that runs inside the node's namespace. */
    public PlanBuilder addToNode(StageName stage, Naming naming, String node, Op op) {
        return add(stage, "node " + node, naming.nodeNetns(node), op);
    }

    public Plan build() {
        List<Stage> out = new ArrayList<>();
        stages.forEach((name, units) -> {
            if (units.isEmpty()) return;
            List<Unit> us = new ArrayList<>();
            for (UnitBuilder u : units.values()) us.add(new Unit(u.label, u.netns, u.ops));
            out.add(new Stage(name.label(), us));
        });
        return new Plan(lab, out);
    }

    private static final class UnitBuilder {
        final String label;
        final String netns;
        final List<Op> ops = new ArrayList<>();

        UnitBuilder(String label, String netns) {
            this.label = label;
            this.netns = netns;
        }
    }
}
