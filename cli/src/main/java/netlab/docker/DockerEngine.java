package netlab.docker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.runtime.ProcResult;

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

    /** Runs a command in a running container and waits; the result's argv reads as the equivalent docker CLI line. */
    ProcResult exec(String container, List<String> argv, Duration timeout) throws InterruptedException;

    /** Lets go of the connections to the engine. */
    @Override
    default void close() {}
}
