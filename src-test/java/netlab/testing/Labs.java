package netlab.testing;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Names and paths for test labs: unique per run, so tests never touch each other's or a user's labs. */
public final class Labs {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(ProcessHandle.current().pid() % 100000, 36);

    private Labs() {}

    /** A lab name no one else is using: "t" + this JVM + a counter, plus a hint for humans. */
    public static String uniqueName(String hint) {
        return "t" + RUN + COUNTER.incrementAndGet() + "-" + hint;
    }

    /** The repository's root (where topologies/ is). */
    public static Path repo() {
        return Path.of(System.getProperty("netlab.root", ".")).toAbsolutePath();
    }

    public static Path topology(String file) {
        return repo().resolve("topologies").resolve(file);
    }
}
