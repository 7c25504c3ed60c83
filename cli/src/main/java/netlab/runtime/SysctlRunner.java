package netlab.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.plan.Op;
import netlab.runtime.ns.InNetns;

/**
 * Sets a namespace's sysctls by writing /proc/sys from a thread that entered the namespace: no process per
 * node. The plan shows the equivalent {@code ip netns exec NS sysctl -q -w k=v ...}.
 */
public final class SysctlRunner implements ToolRunner {

    static List<String> argv(String netns, List<Op> ops) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", netns, "sysctl", "-q", "-w"));
        for (Op op : ops) argv.add(op.text());
        return argv;
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
        String text = op.text();
        int eq = text.indexOf('=');
        String key = text.substring(0, eq), value = text.substring(eq + 1);
        Path file = Path.of("/proc/sys", key.replace('.', '/'));
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
        return String.join(" ", argv(netns, ops));
    }
}
