package netlab.plan;

import java.util.Optional;

/**
 * Tables applied with one {@code iptables-restore} in a node: in a plan, a node's whole rule set (every table netlab
 * manages); in a converging up's repairs, that set again and tables emptied. One op per node, so the node's rules are
 * applied by one process, atomically per table.
 */
public record IptablesOp(RuleSet rules, Optional<ObjectRef> creates) implements Op {

    @Override
    public String describe() {
        return rules.owner().isPresent() ? "the rules of node " + rules.owner().get().node() : "iptables-restore of " + tableNames();
    }

    private String tableNames() {
        StringBuilder sb = new StringBuilder();
        for (RuleSet.Table t : rules.tables()) sb.append(sb.length() == 0 ? "" : ", ").append(t.name());
        return sb.toString();
    }

    @Override
    public Tool tool() {
        return Tool.IPTABLES;
    }
}
