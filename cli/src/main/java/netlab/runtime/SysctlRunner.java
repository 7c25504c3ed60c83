package netlab.runtime;

import java.util.ArrayList;
import java.util.List;
import netlab.plan.Op;

/** Sets a namespace's sysctls with one {@code sysctl -w} process run inside it. */
public final class SysctlRunner implements ToolRunner {

    static List<String> argv(String netns, List<Op> ops) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", netns, "sysctl", "-q", "-w"));
        for (Op op : ops) argv.add(op.text());
        return argv;
    }

    @Override
    public void run(String netns, List<Op> ops, RunContext ctx) throws InterruptedException {
        if (netns == null) throw new IllegalStateException("netlab never sets sysctls in the host namespace");
        ProcResult r = ctx.processes().run(argv(netns, ops), null, ProcessRunner.DEFAULT_TIMEOUT);
        if (r.ok() && r.stderr().isBlank()) return;
        Op failed = ops.get(0);
        for (Op op : ops) {
            String key = op.text().substring(0, op.text().indexOf('='));
            if (r.stderr().contains(key) || r.stderr().contains(key.replace('.', '/'))) {
                failed = op;
                break;
            }
        }
        throw new OpFailedException("namespace " + netns, failed, r.errorText());
    }

    @Override
    public String render(String netns, List<Op> ops, RunContext ctx) {
        return String.join(" ", argv(netns, ops));
    }
}
