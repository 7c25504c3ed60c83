package netlab.docker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.plan.ContainerConfig;
import netlab.process.ProcResult;

/**
 * What netlab asks of a Docker engine, in netlab's own terms (no Docker client types leak out, so code that only
 * mentions this interface never loads the client). Failures are {@link netlab.errors.NetlabException}s with one
 * clear line.
 */
public interface DockerEngine extends AutoCloseable {
    /** The container by name or ID, if it exists (running or not). */
    Optional<ContainerState> inspect(String nameOrId);

    /** Containers, running or not, carrying every one of these labels. */
    List<ContainerState> list(Map<String, String> labels);

    boolean imageExists(String image);

    /** Creates and starts the container; returns once its first process runs. */
    void run(ContainerConfig config);

    /** Removes the container, killing it if it runs; a container already gone is fine. */
    void remove(String nameOrId);

    /** The last lines the container printed (why it exited). */
    String logTail(String nameOrId, int lines);

    /**
     * Runs a command in a running container and waits; the result's argv reads as the equivalent docker CLI line. A
     * container that is missing or stopped is a result too (see {@link #containerUnavailable}), not an exception.
     */
    ProcResult exec(String container, List<String> argv, Duration timeout) throws InterruptedException;

    /** The exit code {@link #exec} gives when the container is missing or stopped (docker exec uses 125 for its own failures). */
    int EXEC_UNAVAILABLE = 125;

    /** How the stderr of such a result begins (the rest says what is wrong and what to do). */
    static String unavailable(String container) {
        return "container " + container + " ";
    }

    /** True when {@link #exec} did not start the command because its container is missing or not running. */
    static boolean containerUnavailable(ProcResult r) {
        return r.argv().size() > 2 && r.argv().get(0).equals("docker") && r.argv().get(1).equals("exec")
                && r.exitCode() == EXEC_UNAVAILABLE && r.stderr().startsWith(unavailable(r.argv().get(2)));
    }

    /** Lets go of the connections to the engine. */
    @Override
    default void close() {}
}
