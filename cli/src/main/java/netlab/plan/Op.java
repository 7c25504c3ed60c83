package netlab.plan;

import java.util.Optional;

/**
 * One operation of a plan: a line of an {@code ip -batch}, a sysctl, a shell command in a node… Consecutive ops
 * of the same {@link #tool()} in the same unit are run by one process (see {@link netlab.runtime.ToolRunner}).
 */
public interface Op {
    /** Which runner executes it; ops of one tool are batched together. */
    Tool tool();

    /** The text of the operation as its tool takes it (a batch line, "key=value", a shell command). */
    String text();

    /**
     * The object this op brings into being, when re-running it would fail or duplicate it. A converging
     * {@code up} skips the op when the object already exists; ops without one must be idempotent themselves
     * ({@code addr replace}, {@code route replace}, {@code link set}, sysctls).
     */
    default Optional<ObjectRef> creates() {
        return Optional.empty();
    }
}
