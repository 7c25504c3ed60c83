package netlab.runtime;

import java.util.List;
import netlab.plan.Op;

/** Runs a batch of consecutive ops of one tool in one namespace, and renders it as the exact commands. */
public interface ToolRunner {
    /**
     * @param netns where to run; null for the host namespace (only namespace creation and deletion go there)
     * @throws OpFailedException naming the op that failed and the tool's own message
     */
    void run(String netns, List<Op> ops, RunContext ctx) throws InterruptedException;

    /** The shell text that does the same as {@link #run}: what {@code up --dry-run} prints. */
    String render(String netns, List<Op> ops, RunContext ctx);
}
