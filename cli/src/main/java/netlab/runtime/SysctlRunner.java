package netlab.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.plan.Op;
import netlab.plan.SysctlOp;
import netlab.process.Command;
import netlab.runtime.ns.InNetns;

/**
 * Sets a namespace's sysctls by writing /proc/sys from a thread that entered the namespace: no process per
 * node. The plan shows the equivalent {@code ip netns exec NS sysctl -q -w k=v ...}.
 */
public final class SysctlRunner implements ToolRunner {

    /**
     * What the runner does, as the command that would do it: one {@code sysctl -w} argument {@code key=value} per op.
     * The key starts with "net." (validation), so sysctl never reads an argument as an option, whatever the value.
     */
    static Command command(String netns, List<Op> ops) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", netns, "sysctl", "-q", "-w"));
        for (Op op : ops) argv.add(setting(op).key() + "=" + setting(op).value());
        return Command.of(argv);
    }

    private static SysctlOp setting(Op op) {
        return (SysctlOp) op;
    }

    @Override
    public void run(String netns, List<Op> ops, RunContext ctx) throws InterruptedException {
        if (netns == null) throw new IllegalStateException("netlab never sets sysctls in the host namespace");
        try {
            InNetns.call(netns, () -> {
                for (Op op : ops) write(netns, op);
                return null;
            });
        } catch (OpFailedException | InterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new OpFailedException("namespace " + netns, ops.get(0), String.valueOf(e.getMessage()));
        }
    }

    private static void write(String netns, Op op) {
        String key = setting(op).key(), value = setting(op).value();
        // validation allows only net.* names of plain parts; this keeps a missed one from writing elsewhere
        Path file = Path.of("/proc/sys", key.replace('.', '/')).normalize();
        if (!file.startsWith("/proc/sys/net/")) throw new OpFailedException("namespace " + netns, op, "not a network sysctl: " + key);
        try {
            Files.write(file, (value + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new OpFailedException("namespace " + netns, op, "no sysctl " + key + " in a network namespace");
        } catch (IOException e) {
            throw new OpFailedException("namespace " + netns, op, "cannot set " + key + ": " + e.getMessage());
        }
    }

    @Override
    public String render(String netns, List<Op> ops, RunContext ctx) {
        return command(netns, ops).shell();
    }
}
