package netlab.routing.runtime;

import java.util.Arrays;
import java.util.Optional;
import netlab.routing.config.FrrDaemon;

/**
 * A daemon netlab started, recorded the way the lab's state records a server: its PID and its start time (epoch
 * milliseconds, as {@link ProcessHandle.Info#startInstant()} gives it), so that stopping it later never signals
 * a process that merely got the same PID. {@link #what()} is the record's description ("frr ospfd").
 */
public record FrrProcess(long pid, long startTime, String node, FrrDaemon daemon) {
    static final String PREFIX = "frr ";

    public String what() {
        return PREFIX + daemon.program();
    }

    /** Back from a lab record's fields: empty when the record is not an FRR daemon's. */
    public static Optional<FrrProcess> fromRecord(long pid, long startTime, String node, String what) {
        if (what == null || !what.startsWith(PREFIX)) return Optional.empty();
        String program = what.substring(PREFIX.length());
        return Arrays.stream(FrrDaemon.values()).filter(d -> d.program().equals(program)).findFirst()
                .map(d -> new FrrProcess(pid, startTime, node, d));
    }
}
