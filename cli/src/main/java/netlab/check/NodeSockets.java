package netlab.check;

import java.util.concurrent.Callable;
import netlab.runtime.ns.InNetns;

/**
 * Opens sockets inside a node's network namespace: the calling thread enters it for the socket(2) calls only and
 * is back in netlab's own namespace when this returns (or the process ends: {@link InNetns#call}), so no thread of a
 * pool is ever left in a lab's namespace. The sockets stay in the node's namespace for their whole life.
 */
final class NodeSockets {
    private NodeSockets() {}

    /** {@code open} run inside {@code netns}; {@link CouldNotRun} when the namespace cannot be entered (it is gone). */
    static <T> T open(String node, String netns, Callable<T> open) {
        try {
            return InNetns.call(netns, open);
        } catch (CouldNotRun e) {
            throw e;
        } catch (netlab.errors.NetlabException e) { // from entering the namespace, not from the sockets
            boolean gone = !java.nio.file.Files.exists(java.nio.file.Path.of("/run/netns", netns));
            String why = gone ? "it is gone" : e.getMessage() == null ? e.toString() : e.getMessage();
            throw new CouldNotRun(node + ": cannot enter namespace " + netns + " (" + why + ")");
        } catch (Exception e) {
            throw new CouldNotRun(node + ": cannot open a socket in " + netns + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }
}
