package netlab.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import netlab.errors.NetlabException;
import netlab.json.Json;
import netlab.plan.BatchLine;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;

/**
 * Gives a container's network namespace the lab's name for its node (/run/netns/netlab.LAB.NODE), so links,
 * addresses, routes, rules and checks reach it exactly like a namespace node's. The name is a bind mount of
 * /proc/PID/ns/net ({@code ip netns attach}); it keeps the namespace alive until {@code down} removes it.
 */
public final class NetnsAttach {
    static final Path NETNS_DIR = Path.of("/run/netns");
    private final ProcessRunner processes;

    public NetnsAttach(ProcessRunner processes) {
        this.processes = processes;
    }

    /**
     * Makes {@code netns} name the namespace of process {@code pid}. Nothing happens when it does already. A name
     * left on an older namespace (the container was made again) is moved: that namespace's interfaces are deleted
     * first, which deletes their veth peers at once, so the next stage recreates both ends cleanly.
     */
    public void attach(String netns, long pid) throws InterruptedException {
        OptionalLong want = inode(Path.of("/proc", Long.toString(pid), "ns", "net"));
        if (want.isEmpty()) throw NetlabException.failed("process " + pid + " (the container) ended before its namespace was named " + netns);
        Path named = NETNS_DIR.resolve(netns);
        if (Files.exists(named)) {
            if (inode(named).equals(want)) return;
            clear(netns);
            run(List.of("ip", "netns", "del", netns), "remove the stale name " + netns);
        }
        run(List.of("ip", "netns", "attach", netns, Long.toString(pid)), "name the container's network namespace " + netns);
    }

    /** Whether {@code netns} names the network namespace process {@code pid} is in. */
    public static boolean names(String netns, long pid) {
        OptionalLong ino = inode(NETNS_DIR.resolve(netns));
        return ino.isPresent() && ino.equals(inode(Path.of("/proc", Long.toString(pid), "ns", "net")));
    }

    /** Whether two processes share a namespace of the given type ("net", "pid"). */
    public static boolean sameNamespace(long pid1, long pid2, String type) {
        OptionalLong a = inode(Path.of("/proc", Long.toString(pid1), "ns", type));
        return a.isPresent() && a.equals(inode(Path.of("/proc", Long.toString(pid2), "ns", type)));
    }

    private void clear(String netns) throws InterruptedException {
        ProcResult r = processes.run(List.of("ip", "-n", netns, "-j", "link", "show"), null, Duration.ofSeconds(10));
        if (!r.ok()) return;
        StringBuilder batch = new StringBuilder();
        for (Map<String, Object> row : Json.rows(r.stdout())) {
            String name = String.valueOf(row.get("ifname"));
            // what runs in a container names its own interfaces: one whose name is no plain batch word (a kernel name
            // may start with '#' or '-', or hold a quote) is not written into the batch; it goes with the namespace
            if (!name.equals("lo") && BatchLine.plain(name)) batch.append("link del dev ").append(name).append('\n');
        }
        // -force: some devices (tunnel fallbacks) cannot be deleted and go with the namespace
        if (batch.length() > 0) processes.run(List.of("ip", "-n", netns, "-force", "-batch", "-"), batch.toString(), Duration.ofSeconds(30));
    }

    private void run(List<String> argv, String what) throws InterruptedException {
        ProcResult r = processes.run(argv, null, Duration.ofSeconds(10));
        if (!r.ok()) throw NetlabException.failed("cannot " + what + ": " + r.errorText());
    }

    /** The inode of a namespace file: /proc/PID/ns/TYPE links read "net:[4026532290]"; /run/netns/NAME is the mount. */
    static OptionalLong inode(Path p) {
        try {
            if (Files.isSymbolicLink(p)) {
                String link = Files.readSymbolicLink(p).toString();
                int open = link.indexOf('['), close = link.indexOf(']');
                if (open > 0 && close > open) return OptionalLong.of(Long.parseLong(link.substring(open + 1, close)));
            }
            Object ino = Files.getAttribute(p, "unix:ino");
            return OptionalLong.of(((Number) ino).longValue());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
