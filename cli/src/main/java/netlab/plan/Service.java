package netlab.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.source.Diagnostics;
import netlab.source.Pos;

/**
 * A server a node runs once it is up (an entry of its {@code services:} list). netlab starts it inside the node's
 * network namespace with the host's programs, waits until it listens, records its PID as the lab's, and stops it on
 * {@code down}. One class per service kind.
 */
public interface Service {
    /** The key that selects the kind ("http", "tcp"). */
    String kind();

    /** The TCP port it listens on. */
    int port();

    Pos pos();

    /** Checks against the lab (a bind address must be the node's own). */
    void validate(ModelNode node, LabModel model, Diagnostics diags);

    /** Files the server needs, relative to its own directory under the lab's work directory. */
    List<ServiceFile> files(String node);

    /**
     * The directory (relative to its own) the server reads after it gave up root, if it does: it and what is in it
     * are made readable to everyone (0755 and 0644, scripts 0755), writable by root alone. Everything else of the
     * server's (its directory, its log, its data) is root's alone (0700 and 0600), whatever the umask.
     */
    default Optional<String> unprivilegedRoot() {
        return Optional.empty();
    }

    /** Directories (relative to its own) the server keeps its data in: made 0700 before it starts. */
    default List<String> dataDirs() {
        return List.of();
    }

    /**
     * The server's command line (run in the node's namespace, in the foreground), given its directory. Its log is
     * that directory's {@code log}, which must be outside whatever the server serves.
     */
    List<String> command(Path dir);

    /** "http :80": how it is named in messages, the lab's record and {@code inspect}. */
    default String describe() {
        return kind() + " :" + port();
    }
}
