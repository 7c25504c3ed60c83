package netlab.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.model.LabModel;
import netlab.plan.Naming;
import netlab.runtime.ProcessRunner;
import netlab.services.Listeners;

/**
 * Where a running cluster differs from what it should be, for {@code status}: etcd not listening, a node without its
 * lease, a node whose kernel is not in step with the leases in etcd (each named with what repairs it).
 */
public final class ClusterDrift {
    private ClusterDrift() {}

    public static List<String> of(LabModel model, Naming naming, ProcessRunner processes) throws InterruptedException {
        Optional<ClusterSpec> cluster = model.topology().cluster();
        List<String> drift = new ArrayList<>();
        if (cluster.isEmpty() || !cluster.get().backend().usesEtcd()) return drift;
        ClusterSpec c = cluster.get();
        String etcdNode = c.etcd().orElseThrow().text();
        if (!Listeners.inNetns(processes, naming.nodeNetns(etcdNode)).contains(EtcdServer.CLIENT_PORT)) {
            drift.add(etcdNode + ": etcd is not listening on port " + EtcdServer.CLIENT_PORT + " ('netlab up' starts it again)");
            return drift;
        }
        for (ClusterNodeSpec n : c.nodes().values()) {
            PodNetworkView v = PodNetworkView.read(processes, naming, model, n.name());
            if (!v.etcdAnswered()) {
                drift.add(n.name() + ": cannot read the subnet table: " + v.etcd());
                return drift;
            }
            if (v.leases().stream().noneMatch(r -> r.subnet().equals(n.subnet().toString()))) {
                drift.add(n.name() + ": holds no lease of " + n.subnet() + " in etcd ('netlab cluster add-node' or 'netlab up' leases it)");
            }
            if (!v.inStep()) drift.add(n.name() + ": not in step with the leases in etcd ('netlab cluster leases' shows how; 'netlab cluster sync' repairs it)");
        }
        return drift;
    }
}
