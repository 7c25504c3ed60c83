package netlab.runtime;

import java.time.Duration;
import java.util.List;
import netlab.process.ProcResult;

/** Runs commands inside a lab node, whatever the node is (a namespace, a container, a pod member). */
public interface NodeExec {
    /** Runs {@code argv} in the node and waits for it. {@code node} may be "pod/container" for pod members. */
    ProcResult exec(String node, List<String> argv, Duration timeout) throws InterruptedException;

    /** The command line that runs {@code argv} in the node with the user's terminal attached. */
    List<String> interactive(String node, List<String> argv);

    /** The command line that does what {@link #exec} does (no terminal): what {@code up --dry-run} prints for it. */
    List<String> command(String node, List<String> argv);

    /** The command line that runs {@code argv} in the node's network namespace with the host's programs. */
    List<String> inNetns(String node, List<String> argv);
}
