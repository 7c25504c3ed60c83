package netlab.doctor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.json.Json;
import netlab.plan.Naming;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;

/** Named network namespaces as the host sees them: /run/netns, their marks and their inode numbers. */
public final class Netns {
    static final Path DIR = Path.of("/run/netns");

    private Netns() {}

    public static boolean exists(String name) {
        return Files.exists(DIR.resolve(name));
    }

    /** Every named namespace whose name starts with netlab's prefix. */
    public static List<String> listNetlab() {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(DIR)) return out;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(DIR, Naming.NETNS_PREFIX + "*")) {
            for (Path p : s) out.add(p.getFileName().toString());
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    /** The alias of the namespace's loopback: netlab's mark, if it made the namespace. */
    public static Optional<String> mark(String name, ProcessRunner processes) throws InterruptedException {
        ProcResult r = processes.run(List.of("ip", "-n", name, "-j", "link", "show", "dev", "lo"), null, Duration.ofSeconds(10));
        if (!r.ok()) return Optional.empty();
        for (Map<String, Object> row : Json.rows(r.stdout())) {
            Object alias = row.get("ifalias");
            if (alias != null) return Optional.of(alias.toString());
        }
        return Optional.empty();
    }

    /** Inode numbers of the given namespaces (the identity /proc/PID/ns/net links point at). */
    public static Map<Long, String> inodes(List<String> names) {
        Map<Long, String> out = new HashMap<>();
        for (String n : names) {
            try {
                Object ino = Files.getAttribute(DIR.resolve(n), "unix:ino");
                out.put(((Number) ino).longValue(), n);
            } catch (IOException | UnsupportedOperationException e) {
                // gone meanwhile, or not a namespace mount
            }
        }
        return out;
    }

    /** PIDs of processes whose network namespace is one of {@code inodes}, with the namespace name. */
    public static Map<Long, String> processesIn(Map<Long, String> inodes) {
        Map<Long, String> out = new HashMap<>();
        if (inodes.isEmpty()) return out;
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : s) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid == self) continue;
                try {
                    String link = Files.readSymbolicLink(p.resolve("ns/net")).toString(); // "net:[4026532290]"
                    long ino = Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']')));
                    String ns = inodes.get(ino);
                    if (ns != null) out.put(pid, ns);
                } catch (IOException | RuntimeException e) {
                    // process exited, or a kernel thread without a readable namespace
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
