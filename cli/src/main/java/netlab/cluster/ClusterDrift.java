package netlab.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.drift.Drift;
import netlab.errors.NetlabException;
import netlab.model.LabModel;
import netlab.plan.Naming;
import netlab.process.ProcessRunner;
import netlab.runtime.netlink.KernelState;

/**
 * Where a running cluster's pod network differs from the subnet table in etcd, for {@code status}: a node without its
 * lease, and each route, neighbour and FDB entry a node lacks for another's lease or holds though no lease calls for it
 * (what flanneld would add or delete). The subnet table is read once; the nodes' entries come from the namespaces'
 * netlink state already read. etcd not listening is the etcd node's missing server, reported with the other servers.
 */
public final class ClusterDrift {
    private ClusterDrift() {}

    /** @param states the namespaces' state as read for status (a node absent from it is reported missing elsewhere) */
    public static List<Drift> of(LabModel model, Naming naming, ProcessRunner processes, Map<String, KernelState> states) throws InterruptedException {
        Optional<ClusterSpec> cluster = ClusterSpec.of(model.topology());
        List<Drift> drift = new ArrayList<>();
        if (cluster.isEmpty() || !cluster.get().backend().usesEtcd()) return drift;
        ClusterSpec c = cluster.get();
        String etcdNode = c.etcd().orElseThrow().text();
        KernelState etcdState = states.get(naming.nodeNetns(etcdNode));
        if (etcdState == null || !etcdState.listening().contains(EtcdServer.CLIENT_PORT)) return drift;
        PodNetworkSync sync = new PodNetworkSync(processes, naming, model);
        List<Lease> leases;
        try {
            leases = PodNetworkSync.leases(sync.client(naming.nodeNetns(etcdNode)));
        } catch (NetlabException e) {
            drift.add(Drift.changed(etcdNode, Drift.Thing.LEASE, "table in etcd", "readable", "cannot be read: " + e.getMessage()));
            return drift;
        }
        for (ClusterNodeSpec n : c.nodes().values()) {
            if (leases.stream().noneMatch(l -> l.subnet().equals(n.subnet()))) {
                drift.add(Drift.missing(n.name(), Drift.Thing.LEASE, n.subnet() + " in etcd ('netlab up' or 'netlab cluster add-node' leases it)"));
            }
            KernelState st = states.get(naming.nodeNetns(n.name()));
            if (st == null) continue;
            LeaseEntries want = sync.entries(n, leases);
            LivePodNetwork have = LivePodNetwork.of(st, sync.routeDevice(n), c.backend() == Backend.VXLAN);
            LeaseEntries.Changes changes = want.changesFrom(have, c);
            for (LeaseEntries.Change a : changes.added()) drift.add(Drift.missing(n.name(), thing(a.kind()), a.entry() + " (a lease in etcd calls for it)"));
            for (LeaseEntries.Change r : changes.removed()) drift.add(Drift.extra(n.name(), thing(r.kind()), r.entry() + " (no lease in etcd calls for it)"));
        }
        return drift;
    }

    private static Drift.Thing thing(LeaseEntries.Kind kind) {
        return switch (kind) {
            case ROUTE -> Drift.Thing.ROUTE;
            case NEIGHBOUR -> Drift.Thing.NEIGHBOUR;
            case FDB -> Drift.Thing.FDB;
        };
    }
}
