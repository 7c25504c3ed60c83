package netlab.services;

import java.nio.file.Path;
import java.util.List;
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

    /** The server's command line (run in the node's namespace, in the foreground), given its directory. */
    List<String> command(Path dir);

    /** "http :80": how it is named in messages, the lab's record and {@code inspect}. */
    default String describe() {
        return kind() + " :" + port();
    }
}
