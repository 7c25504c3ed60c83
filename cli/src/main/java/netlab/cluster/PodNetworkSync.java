package netlab.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netlab.errors.NetlabException;
import netlab.model.LabModel;
import netlab.plan.BatchOp;
import netlab.plan.Naming;
import netlab.process.Command;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;
import netlab.runtime.IpRunner;

/**
 * Does for one node what flanneld does when the subnet table changes: reads every lease from etcd (from inside the
 * node's namespace, over the lab's network), works out the routes, neighbour and FDB entries the other nodes' leases
 * call for, compares them with what the node's kernel holds, and applies the difference with one {@code bridge
 * -batch} and one {@code ip -batch}. Run by {@code up} (after every node leased its subnet), by {@code netlab cluster
 * sync} and by checks that take a lease away; running it again changes nothing.
 */
public final class PodNetworkSync {
    private final ProcessRunner processes;
    private final Naming naming;
    private final LabModel model;
    private final ClusterSpec cluster;

    public PodNetworkSync(ProcessRunner processes, Naming naming, LabModel model) {
        this.processes = processes;
        this.naming = naming;
        this.model = model;
        this.cluster = ClusterSpec.of(model.topology()).orElseThrow(() -> NetlabException.usage("lab '" + model.name() + "' has no cluster"));
    }

    /** What one node's sync did. */
    public record Result(String node, List<String> added, List<String> removed, List<String> ignored) {
        public String describe() {
            if (added.isEmpty() && removed.isEmpty()) return node + ": in step with etcd" + ignoredText();
            List<String> words = new ArrayList<>();
            added.forEach(a -> words.add("+ " + a));
            removed.forEach(r -> words.add("- " + r));
            return node + ": " + String.join("; ", words) + ignoredText();
        }

        private String ignoredText() {
            return ignored.isEmpty() ? "" : " (ignored: " + String.join("; ", ignored) + ")";
        }
    }

    /** Syncs every node of the cluster, one after the other, and says what changed. */
    public List<Result> syncAll() throws InterruptedException {
        List<Result> out = new ArrayList<>();
        for (ClusterNodeSpec n : cluster.nodes().values()) out.add(sync(n.name()));
        return out;
    }

    public Result sync(String node) throws InterruptedException {
        ClusterNodeSpec self = cluster.nodes().get(node);
        if (self == null) throw NetlabException.usage("'" + node + "' is not a node of the cluster of lab '" + model.name() + "'");
        if (!cluster.backend().usesEtcd()) return new Result(node, List.of(), List.of(), List.of());
        String netns = naming.nodeNetns(node);
        List<Lease> leases = leases(client(netns));
        LeaseEntries want = entries(self, leases);
        LivePodNetwork have = LivePodNetwork.read(processes, netns, routeDevice(self), cluster.backend() == Backend.VXLAN);
        LeaseEntries.Changes changes = want.changesFrom(have, cluster);
        apply(netns, "bridge", changes.bridge());
        apply(netns, "ip", changes.ip());
        return new Result(node, LeaseEntries.words(changes.added()), LeaseEntries.words(changes.removed()), want.ignored());
    }

    /** The entries {@code self} needs for these leases. */
    public LeaseEntries entries(ClusterNodeSpec self, List<Lease> leases) {
        return LeaseEntries.of(cluster, self, self.underlay().map(u -> u.text()).orElse(""), ClusterAddresses.publicIp(model, self), leases);
    }

    /** The device the node's pod routes go out of: flannel.1 (vxlan) or the underlay (host-gw). */
    public String routeDevice(ClusterNodeSpec self) {
        return cluster.backend() == Backend.VXLAN ? Flannel.DEVICE : self.underlay().map(u -> u.text()).orElse("");
    }

    /** An etcd client making its requests from {@code netns}. */
    public EtcdClient client(String netns) {
        String url = ClusterAddresses.etcdUrl(model, cluster)
                .orElseThrow(() -> NetlabException.usage("the cluster of lab '" + model.name() + "' has no etcd"));
        return new EtcdClient(processes, netns, url);
    }

    /** Every lease in etcd, in key order (entries that are no lease's JSON are skipped). */
    public static List<Lease> leases(EtcdClient etcd) throws InterruptedException {
        List<Lease> out = new ArrayList<>();
        for (Map.Entry<String, String> e : etcd.getPrefix(Flannel.SUBNETS).entrySet()) Lease.parse(e.getKey(), e.getValue()).ifPresent(out::add);
        return out;
    }

    /** One {@code ip} or {@code bridge -batch} in the node's namespace, of the ops' lines: what runs, and what the plan prints. */
    static Command batch(String netns, String program, List<? extends BatchOp> ops) {
        return IpRunner.command(program, netns, ops);
    }

    private void apply(String netns, String program, List<? extends BatchOp> ops) throws InterruptedException {
        if (ops.isEmpty()) return;
        ProcResult r = batch(netns, program, ops).run(processes, Duration.ofSeconds(30));
        if (!r.ok()) {
            throw NetlabException.failed("programming the pod network in " + netns + " failed: " + program + " -batch: " + r.errorText());
        }
    }
}
