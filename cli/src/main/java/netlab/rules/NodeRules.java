package netlab.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.plan.IptablesOp;
import netlab.plan.Naming;
import netlab.plan.ObjectRef;
import netlab.plan.PlanBuilder;
import netlab.plan.RuleSet;
import netlab.plan.StageName;
import netlab.runtime.Table;
import netlab.text.Fingerprint;
import netlab.topology.NodeSpec;
import netlab.topology.Section;

/**
 * Turns a node's {@code rules:} into one {@code iptables-restore} input that replaces the node's filter and nat
 * tables. The namespace is the lab's own, so replacing whole tables (no {@code --noflush}) is idempotent: applying
 * it twice leaves the same rules, never duplicates. Every rule carries the comment
 * {@code netlab:LAB:FINGERPRINT rule N line L}: whose it is, which set it belongs to (a hash of the rules'
 * effect), and which entry of the topology made it, so {@code inspect} shows which rule a packet hit.
 */
public final class NodeRules {
    /** A node's {@code rules:}, in order: the order in the chains. */
    public static final Section<List<Rule>> SECTION = new Section<>("rules");

    private NodeRules() {}

    /** The node's rules as written (none when it has no {@code rules:}). */
    public static List<Rule> of(NodeSpec node) {
        return node.section(SECTION).orElse(List.of());
    }

    /**
     * @param mark  what every rule's comment starts with: {@code netlab:LAB:FINGERPRINT}
     * @param count how many rules the set has
     */
    public record Rendered(RuleSet rules, String mark, int count) {
        /** The set as iptables-restore input. */
        public String text() {
            return rules.restoreInput();
        }
    }

    /** The node's rule set; empty when it has no rules (then netlab leaves its tables alone). */
    public static Optional<Rendered> render(ModelNode node, LabModel model) {
        List<Rule> rules = of(node.spec());
        if (rules.isEmpty()) return Optional.empty();
        List<RuleLine> lines = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            for (RuleLine l : rules.get(i).lines(node, model)) {
                lines.add(l);
                origins.add(" rule " + (i + 1) + " line " + rules.get(i).pos().line() + (l.note().isEmpty() ? "" : ": " + l.note()));
            }
        }
        String mark = "netlab:" + model.name() + ":" + fingerprint(model.name(), lines);
        List<RuleSet.Table> tables = new ArrayList<>();
        for (Table t : Table.values()) {
            List<RuleSet.Chain> chains = new ArrayList<>();
            for (String chain : t.chains()) chains.add(new RuleSet.Chain(chain, "ACCEPT"));
            for (String chain : ownChains(t, lines)) chains.add(new RuleSet.Chain(chain, "-"));
            List<RuleSet.Rule> rs = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).table() == t) rs.add(lines.get(i).rule(mark + origins.get(i)));
            }
            tables.add(new RuleSet.Table(t.label(), chains, rs));
        }
        return Optional.of(new Rendered(new RuleSet(Optional.of(new RuleSet.Owner(node.name(), model.name())), tables), mark, lines.size()));
    }

    /** Chains of a table that lines are appended to besides its built-in ones, in order of first use. */
    private static List<String> ownChains(Table t, List<RuleLine> lines) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (RuleLine l : lines) if (l.table() == t && !t.chains().contains(l.chain())) out.add(l.chain());
        return List.copyOf(out);
    }

    /** Adds one op per node with rules to the rules stage. */
    public static void plan(LabModel model, Naming naming, PlanBuilder plan) {
        for (ModelNode n : model.nodes().values()) {
            render(n, model).ifPresent(r -> plan.addToNode(StageName.RULES, naming, n.name(), new IptablesOp(r.rules(),
                    Optional.of(new ObjectRef.Rules(naming.nodeNetns(n.name()), r.mark(), r.count())))));
        }
    }

    /** Eight hex digits over what the rules do (not their comments): changes whenever the set's effect does. */
    static String fingerprint(String lab, List<RuleLine> lines) {
        String[] parts = new String[lines.size() + 1];
        parts[0] = lab;
        for (int i = 0; i < lines.size(); i++) parts[i + 1] = lines.get(i).body();
        return Fingerprint.hex(4, parts);
    }
}
