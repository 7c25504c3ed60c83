package netlab.cluster;

import java.util.Optional;
import netlab.model.LabModel;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.source.Suggest;

/** What the cluster checks share: the lab must have a cluster that keeps leases in etcd, and names must be its nodes. */
final class ClusterTarget {
    private ClusterTarget() {}

    /** The lab's cluster, when it has one with a subnet table; else reported at {@code pos}. */
    static Optional<ClusterSpec> leasing(LabModel model, Pos pos, String what, Diagnostics d) {
        Optional<ClusterSpec> c = ClusterSpec.of(model.topology());
        if (c.isEmpty()) {
            d.error(pos, what + " needs a cluster: the lab has no 'cluster' section");
            return Optional.empty();
        }
        if (!c.get().backend().usesEtcd()) {
            d.error(pos, what + " needs leases in etcd, and the cluster's backend " + c.get().backend().word() + " keeps none");
            return Optional.empty();
        }
        return c;
    }

    /** Reports a name that is not a node of the cluster. */
    static boolean node(ClusterSpec c, String name, Pos pos, String what, Diagnostics d) {
        if (name.isEmpty()) return false; // missing: reported by the parser
        if (c.isNode(name)) return true;
        d.error(pos, "'" + name + "' (" + what + ") is not a node of the cluster" + Suggest.hint(name, c.nodes().keySet())
                + "; its nodes: " + String.join(", ", c.nodes().keySet()));
        return false;
    }
}
