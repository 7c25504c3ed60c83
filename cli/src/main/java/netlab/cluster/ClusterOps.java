package netlab.cluster;

import java.util.ArrayList;
import java.util.List;
import netlab.errors.NetlabException;
import netlab.model.LabModel;
import netlab.plan.Naming;
import netlab.process.ProcessRunner;

/**
 * Changing a running cluster's subnet table, then bringing every node in step with it, as flanneld on each node would
 * on seeing the change in etcd: {@code netlab cluster remove-node} (the node's lease is released: the others forget
 * its pods), {@code add-node} (it leases its subnet again: the others learn the way to its pods), {@code sync}.
 */
public final class ClusterOps {
    private final ProcessRunner processes;
    private final Naming naming;
    private final LabModel model;
    private final ClusterSpec cluster;

    public ClusterOps(ProcessRunner processes, Naming naming, LabModel model) {
        this.processes = processes;
        this.naming = naming;
        this.model = model;
        this.cluster = ClusterSpec.of(model.topology()).orElseThrow(() -> NetlabException.usage("lab '" + model.name() + "' has no cluster"));
        if (!cluster.backend().usesEtcd()) {
            throw NetlabException.usage("the cluster of lab '" + model.name() + "' has backend " + cluster.backend().word() + ": it keeps no subnet table to change");
        }
    }

    public List<PodNetworkSync.Result> sync() throws InterruptedException {
        return new PodNetworkSync(processes, naming, model).syncAll();
    }

    /** Releases the node's lease in etcd; false when it held none. */
    public boolean releaseLease(String node) throws InterruptedException {
        ClusterNodeSpec n = node(node);
        return etcd().delete(Flannel.leaseKey(n.subnet()));
    }

    /** The node leases its subnet again (as {@code up} does), from its own namespace. */
    public Lease acquireLease(String node) throws InterruptedException {
        ClusterNodeSpec n = node(node);
        PodNetworkSync sync = new PodNetworkSync(processes, naming, model);
        return SubnetLeasing.acquire(sync.client(naming.nodeNetns(node)), processes, cluster, n, ClusterPlan.plannedLease(model, cluster, n));
    }

    /** The node's lease as etcd holds it now, if any; read on the etcd node. */
    public java.util.Optional<Lease> lease(String node) throws InterruptedException {
        ClusterNodeSpec n = node(node);
        return PodNetworkSync.leases(etcd()).stream().filter(l -> l.subnet().equals(n.subnet())).findFirst();
    }

    /** Writes a lease back exactly as it was (after {@link #releaseLease}); false when the subnet was leased meanwhile. */
    public boolean restore(Lease lease) throws InterruptedException {
        return etcd().createIfAbsent(lease.key(), lease.value()).isEmpty();
    }

    /** Every node but {@code except} brought in step with etcd. */
    public List<PodNetworkSync.Result> syncOthers(String except) throws InterruptedException {
        PodNetworkSync sync = new PodNetworkSync(processes, naming, model);
        List<PodNetworkSync.Result> out = new ArrayList<>();
        for (String n : cluster.nodes().keySet()) if (!n.equals(except)) out.add(sync.sync(n));
        return out;
    }

    private EtcdClient etcd() {
        return new PodNetworkSync(processes, naming, model).client(naming.nodeNetns(cluster.etcd().orElseThrow().text()));
    }

    private ClusterNodeSpec node(String name) {
        ClusterNodeSpec n = cluster.nodes().get(name);
        if (n == null) {
            throw NetlabException.usage("'" + name + "' is not a node of the cluster of lab '" + model.name() + "'"
                    + netlab.source.Suggest.hint(name, cluster.nodes().keySet()) + "; its nodes: " + String.join(", ", cluster.nodes().keySet()));
        }
        return n;
    }
}
