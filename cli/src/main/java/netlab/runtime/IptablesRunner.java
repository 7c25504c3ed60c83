package netlab.runtime;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.plan.IptablesOp;
import netlab.plan.Op;
import netlab.process.Command;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;

/**
 * Applies a node's rules with one {@code iptables-restore} inside its namespace. Never runs in the host's
 * namespace: netlab adds nothing to the host's tables. {@code -w} waits for the xtables lock, which legacy iptables
 * shares across namespaces, instead of failing when another node's rules are being applied at the same moment.
 */
public final class IptablesRunner implements ToolRunner {
    private static final Pattern FAILED_LINE = Pattern.compile("line:? (\\d+)");

    static List<String> argv(String netns) {
        return List.of("ip", "netns", "exec", netns, "iptables-restore", "-w");
    }

    private static String input(List<Op> ops) {
        StringBuilder in = new StringBuilder();
        for (Op op : ops) in.append(((IptablesOp) op).rules().restoreInput());
        return in.toString();
    }

    /** The one iptables-restore that applies the node's rule set (what is run and what the plan prints). */
    static Command command(String netns, List<Op> ops) {
        return Command.withInput(argv(netns), input(ops));
    }

    @Override
    public void run(String netns, List<Op> ops, RunContext ctx) throws InterruptedException {
        if (netns == null) throw new IllegalStateException("netlab never changes the host's iptables rules");
        Command command = command(netns, ops);
        String in = command.stdin().orElseThrow();
        ProcResult r = command.run(ctx.processes(), ProcessRunner.DEFAULT_TIMEOUT);
        if (r.ok()) return;
        // Name the refused line: iptables-restore says "line N failed" (legacy) or "Error occurred at line: N" (nft).
        Matcher m = FAILED_LINE.matcher(r.stderr());
        String[] lines = in.split("\n");
        String failed = ops.get(0).describe();
        if (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= lines.length) failed = lines[n - 1];
        }
        throw new OpFailedException("namespace " + netns + " (iptables-restore)", ops.get(0), failed, r.errorText());
    }

    @Override
    public String render(String netns, List<Op> ops, RunContext ctx) {
        return command(netns, ops).shell();
    }
}
