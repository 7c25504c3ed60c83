package netlab.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.plan.BatchLine;
import netlab.plan.BatchOp;
import netlab.plan.Op;
import netlab.process.Command;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;

/** Runs ops as one {@code ip [-n NS] -batch -} process (or {@code tc} or {@code bridge}, with the same batch syntax). */
public final class IpRunner implements ToolRunner {
    private static final Pattern FAILED_LINE = Pattern.compile("Command failed -:(\\d+)");
    private final String program;

    public IpRunner(String program) {
        this.program = program;
    }

    static List<String> argv(String program, String netns) {
        List<String> argv = new ArrayList<>(List.of(program));
        if (netns != null) argv.addAll(List.of("-n", netns));
        argv.addAll(List.of("-batch", "-"));
        return argv;
    }

    /**
     * The one process that runs the ops: each op one line of its batch input, written by its program's renderer
     * ({@link BatchOp#batchLine}), each line held to {@link BatchLine}.
     */
    public static Command command(String program, String netns, List<? extends Op> ops) {
        StringBuilder in = new StringBuilder();
        for (Op op : ops) in.append(((BatchOp) op).batchLine()).append('\n');
        return Command.withInput(argv(program, netns), in.toString());
    }

    @Override
    public void run(String netns, List<Op> ops, RunContext ctx) throws InterruptedException {
        ProcResult r = command(program, netns, ops).run(ctx.processes(), ProcessRunner.DEFAULT_TIMEOUT);
        if (r.ok()) return;
        String where = netns == null ? "host" : "namespace " + netns;
        Matcher m = FAILED_LINE.matcher(r.stderr());
        int index = m.find() ? Integer.parseInt(m.group(1)) - 1 : 0;
        Op failed = ops.get(Math.max(0, Math.min(index, ops.size() - 1)));
        String message = FAILED_LINE.matcher(r.errorText()).replaceAll("").strip();
        throw new OpFailedException(where, failed, message.isEmpty() ? r.errorText() : message);
    }

    @Override
    public String render(String netns, List<Op> ops, RunContext ctx) {
        return command(program, netns, ops).shell();
    }
}
