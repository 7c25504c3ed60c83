package netlab.plan;

import java.util.Optional;

/** One line for {@code ip -batch} (a {@link BatchLine}). */
public record IpOp(String text, Optional<ObjectRef> creates) implements Op {
    public IpOp {
        BatchLine.require(text);
    }

    public static IpOp of(String text) {
        return new IpOp(text, Optional.empty());
    }

    public static IpOp creating(ObjectRef ref, String text) {
        return new IpOp(text, Optional.of(ref));
    }

    @Override
    public Tool tool() {
        return Tool.IP;
    }
}
