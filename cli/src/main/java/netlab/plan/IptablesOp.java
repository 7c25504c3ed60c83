package netlab.plan;

import java.util.Optional;

/**
 * A node's whole rule set as {@code iptables-restore} input (every table netlab manages, each ending in COMMIT).
 * One op per node, so the node's rules are applied by one process, atomically per table.
 */
public record IptablesOp(String text, Optional<ObjectRef> creates) implements Op {
    /** A single line of such an input, to name the line iptables-restore refused. */
    public static IptablesOp line(String text) {
        return new IptablesOp(text, Optional.empty());
    }

    @Override
    public String describe() {
        return text;
    }

    @Override
    public Tool tool() {
        return Tool.IPTABLES;
    }
}
