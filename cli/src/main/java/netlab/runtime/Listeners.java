package netlab.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;

/**
 * Which TCP ports something listens on in a network namespace, from the kernel's socket tables
 * ({@code /proc/net/tcp} and {@code tcp6} as seen from inside it).
 */
public final class Listeners {
    private static final String LISTEN = "0A";

    private Listeners() {}

    /** Ports listening in the namespace of process {@code pid}: read straight from /proc, no process started. */
    public static Set<Integer> ofProcess(long pid) {
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("tcp", "tcp6")) {
            try {
                sb.append(Files.readString(Path.of("/proc", Long.toString(pid), "net", f)));
            } catch (IOException e) {
                // process gone, or no IPv6 in the kernel
            }
        }
        return parse(sb.toString());
    }

    /** Ports listening in a named namespace (one process: {@code ip netns exec NS cat /proc/net/tcp ...}). */
    public static Set<Integer> inNetns(ProcessRunner processes, String netns) throws InterruptedException {
        ProcResult r = processes.run(List.of("ip", "netns", "exec", netns, "cat", "/proc/net/tcp", "/proc/net/tcp6"), null, Duration.ofSeconds(10));
        return parse(r.stdout());
    }

    /** Lines look like {@code 0: 00000000:0050 00000000:0000 0A ...}: local address:port in hex, then the state. */
    public static Set<Integer> parse(String text) {
        Set<Integer> out = new TreeSet<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || !f[0].endsWith(":") || !f[3].equals(LISTEN)) continue;
            int colon = f[1].lastIndexOf(':');
            if (colon < 0) continue;
            try {
                out.add(Integer.parseInt(f[1].substring(colon + 1), 16));
            } catch (NumberFormatException e) {
                // not a socket line
            }
        }
        return out;
    }
}
