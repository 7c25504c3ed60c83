package netlab.rules.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.rules.Rule;
import netlab.rules.RuleKind;
import netlab.rules.RuleLine;
import netlab.rules.RuleMatch;
import netlab.runtime.Table;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.yaml.Fields;

/**
 * {@code drop: {source: h2, protocol: tcp, port: 80}} (also {@code accept:} and {@code reject:}): a packet filter rule
 * in the node's filter table. {@code chain} is input (packets to the node), forward (packets through it) or output
 * (its own); the default is forward on a node with {@code forwarding: true} and input otherwise. A reject answers
 * (ICMP port unreachable by default, or {@code with: tcp-reset}); a drop stays silent.
 */
public record FilterRule(String verdict, Optional<Located> chain, RuleMatch match, Optional<Located> rejectWith, Pos pos) implements Rule {
    static final List<String> CHAINS = List.of("input", "forward", "output");
    static final List<String> REJECT_WITH = List.of("icmp-port-unreachable", "icmp-host-unreachable", "icmp-net-unreachable",
            "icmp-proto-unreachable", "icmp-net-prohibited", "icmp-host-prohibited", "icmp-admin-prohibited", "tcp-reset");

    /** One kind per verdict: {@code accept}, {@code drop}, {@code reject}. */
    public static final class Kind implements RuleKind {
        private final String verdict;

        public Kind(String verdict) {
            this.verdict = verdict;
        }

        @Override
        public String key() {
            return verdict;
        }

        @Override
        public Set<String> fields() {
            Set<String> s = new TreeSet<>(Set.of("chain", "in", "out", "source", "destination", "protocol", "port", "state"));
            if (verdict.equals("reject")) s.add("with");
            return s;
        }

        @Override
        public Rule parse(Fields f, String where) {
            Optional<Located> chain = f.string("chain").map(c -> new Located(c.trim().toLowerCase(), f.posOf("chain")));
            chain.filter(c -> !CHAINS.contains(c.text())).ifPresent(c -> f.diags().error(c.pos(), "'chain' of " + where
                    + " must be input, forward or output, not '" + c.text() + "'" + Suggest.hint(c.text(), CHAINS)));
            Optional<Located> with = f.string("with").map(w -> new Located(w.trim().toLowerCase(), f.posOf("with")));
            with.filter(w -> !REJECT_WITH.contains(w.text())).ifPresent(w -> f.diags().error(w.pos(), "'with' of " + where
                    + " must be one of " + String.join(", ", REJECT_WITH) + ", not '" + w.text() + "'" + Suggest.hint(w.text(), REJECT_WITH)));
            return new FilterRule(verdict, chain, RuleMatch.parse(f, where), with, f.pos());
        }
    }

    @Override
    public String kind() {
        return verdict;
    }

    /** input, forward or output: as written, else by what the node is. */
    public String chainOf(ModelNode node) {
        return chain.map(Located::text).filter(CHAINS::contains).orElse(node.spec().forwarding() ? "forward" : "input");
    }

    @Override
    public void validate(ModelNode node, LabModel model, Diagnostics d) {
        match.validate(node, model, d, where(node));
        String c = chainOf(node);
        if (c.equals("input")) {
            match.out().ifPresent(o -> d.error(o.pos(), "'out' of " + where(node) + ": chain input holds packets for the node itself,"
                    + " which have no outgoing interface"));
        }
        if (c.equals("output")) {
            match.in().ifPresent(i -> d.error(i.pos(), "'in' of " + where(node) + ": chain output holds the node's own packets,"
                    + " which have no incoming interface"));
        }
        rejectWith.filter(w -> w.text().equals("tcp-reset") && !match.protocol().map(p -> p.text().equals("tcp")).orElse(false))
                .ifPresent(w -> d.error(w.pos(), "'with: tcp-reset' of " + where(node) + " needs 'protocol: tcp'"));
    }

    @Override
    public RuleLine render(ModelNode node, LabModel model) {
        List<String> target = new ArrayList<>(List.of("-j", verdict.toUpperCase()));
        // iptables-save prints the default explicitly; so does netlab, so both read the same
        if (verdict.equals("reject")) target.addAll(List.of("--reject-with", rejectWith.map(Located::text).orElse("icmp-port-unreachable")));
        return new RuleLine(Table.FILTER, chainOf(node).toUpperCase(), match.render(node, model), target);
    }
}
