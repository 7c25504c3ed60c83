package netlab.runtime;

import java.time.Duration;
import java.util.List;
import netlab.plan.ObjectRef;
import netlab.plan.Op;
import netlab.plan.ShellOp;
import netlab.process.ProcResult;
import netlab.process.ShellQuote;

/** Runs a node's {@code exec} commands one by one with {@code sh -c}, inside the node. */
public final class ShellRunner implements ToolRunner {
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** What runs in the node: the topology's command is shell text there, by design, and one argument of sh. */
    static List<String> argv(ShellOp op) {
        return List.of("sh", "-c", op.command());
    }

    @Override
    public void run(String netns, List<Op> ops, RunContext ctx) throws InterruptedException {
        for (Op op : ops) {
            ShellOp s = (ShellOp) op;
            ProcResult r = ctx.nodeExec().exec(s.node(), argv(s), TIMEOUT);
            if (!r.ok()) throw new OpFailedException("node " + s.node() + " (exec)", op, r.errorText());
            s.creates().ifPresent(ref -> ctx.markDone(((ObjectRef.Done) ref).key()));
        }
    }

    @Override
    public String render(String netns, List<Op> ops, RunContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (Op op : ops) {
            ShellOp s = (ShellOp) op;
            if (sb.length() > 0) sb.append('\n');
            sb.append(ShellQuote.join(ctx.nodeExec().command(s.node(), argv(s))));
        }
        return sb.toString();
    }
}
