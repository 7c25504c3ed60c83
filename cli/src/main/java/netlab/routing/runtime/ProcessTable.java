package netlab.routing.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** What the kernel says about one process: whether it still runs, and since when. */
final class ProcessTable {
    private ProcessTable() {}

    /** The process with this PID if it is the one that started at {@code startTime} (epoch ms) and still runs. */
    static Optional<ProcessHandle> same(long pid, long startTime) {
        return ProcessHandle.of(pid).filter(h -> startMillis(h) == startTime).filter(ProcessTable::running);
    }

    static long startMillis(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    /**
     * Alive and not a zombie. A daemon outlives the netlab that started it, so its parent is then init, which may
     * take a moment to reap it; a zombie holds no socket and no namespace.
     */
    static boolean running(ProcessHandle h) {
        if (!h.isAlive()) return false;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The program the process runs now (after every exec), or empty when it is gone. */
    static Optional<Path> executable(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
