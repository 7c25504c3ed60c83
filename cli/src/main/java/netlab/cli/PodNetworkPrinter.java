package netlab.cli;

import java.io.PrintStream;
import netlab.cluster.PodNetworkView;
import netlab.console.Table;

/** Prints the subnet table in etcd, next to one node's entries for it (inspect, cluster leases). */
final class PodNetworkPrinter {
    private PodNetworkPrinter() {}

    /** The etcd table with the node's entries per lease. */
    static void table(PodNetworkView v, PrintStream out) {
        if (v.backend().equals("none")) {
            out.println("pod network of " + v.node() + ": subnet " + v.subnet() + ", backend none (no routes between nodes, no subnet table)");
            return;
        }
        out.println("subnet table in etcd (" + v.etcd() + "), backend " + v.backend() + (v.leases().isEmpty() || !v.etcdAnswered() ? "" : ", with the entries of " + v.node()) + ":");
        if (!v.etcdAnswered()) return;
        if (v.leases().isEmpty()) {
            out.println("  (no leases)");
            return;
        }
        Table t = new Table("  SUBNET", "PUBLIC IP", "BACKEND", "VTEP MAC", "NODE", "ROUTE ON " + v.node(), "NEIGHBOUR", "FDB");
        for (PodNetworkView.Row r : v.leases()) {
            t.row("  " + r.subnet(), r.publicIp(), r.backend(), r.vtepMac(), r.holder(), r.route(), r.neighbour(), r.fdb());
        }
        t.print(out);
    }

    /** Entries the node holds that no lease calls for, and leases it does not use. */
    static void problems(PodNetworkView v, PrintStream out) {
        v.stale().forEach(s -> out.println("  not called for by any lease: " + s));
        v.ignored().forEach(s -> out.println("  lease not used: " + s));
    }
}
