package netlab.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.errors.NetlabException;
import netlab.model.LabModel;
import netlab.plan.Naming;
import netlab.process.ProcessRunner;

/**
 * The subnet table in etcd next to what one node's kernel holds for it: per lease, the route, neighbour and FDB entry
 * it calls for on this node, as the kernel has it or "missing"; and entries the node holds that no lease calls for.
 * What {@code netlab inspect NODE} shows for a cluster node.
 *
 * @param etcd    where the table was read ({@code http://192.168.0.1:2379}), or why it could not be
 * @param leases  one row per lease in etcd
 * @param stale   entries on the node no lease calls for
 * @param ignored leases the node does not use, and why
 */
public record PodNetworkView(String node, String backend, String subnet, String etcd, boolean etcdAnswered, List<Row> leases,
                             List<String> stale, List<String> ignored) {

    /** One lease; route, neighbour and fdb: the node's entry, "missing", or "" when the lease needs none on this node. */
    public record Row(String subnet, String publicIp, String backend, String vtepMac, String holder, String route, String neighbour, String fdb) {}

    public static PodNetworkView read(ProcessRunner processes, Naming naming, LabModel model, String node) throws InterruptedException {
        ClusterSpec c = ClusterSpec.of(model.topology()).orElseThrow(() -> NetlabException.usage("lab '" + model.name() + "' has no cluster"));
        ClusterNodeSpec self = c.nodes().get(node);
        if (self == null) throw NetlabException.usage("'" + node + "' is not a node of the cluster of lab '" + model.name() + "'");
        if (!c.backend().usesEtcd()) {
            return new PodNetworkView(node, c.backend().word(), self.subnet().toString(), "(backend " + c.backend().word() + " keeps no table)", true, List.of(), List.of(), List.of());
        }
        PodNetworkSync sync = new PodNetworkSync(processes, naming, model);
        EtcdClient etcd = sync.client(naming.nodeNetns(c.etcd().orElseThrow().text()));
        List<Lease> leases;
        try {
            leases = PodNetworkSync.leases(etcd);
        } catch (NetlabException e) {
            return new PodNetworkView(node, c.backend().word(), self.subnet().toString(), etcd.endpoint() + ": " + e.getMessage(), false,
                    List.of(), List.of(), List.of());
        }
        LeaseEntries want = sync.entries(self, leases);
        LivePodNetwork have = LivePodNetwork.read(processes, naming.nodeNetns(node), sync.routeDevice(self), c.backend() == Backend.VXLAN);
        List<Row> rows = new ArrayList<>();
        for (Lease l : leases) {
            String holder = c.ownerOf(l.subnet()).map(ClusterNodeSpec::name).orElse("?");
            String route = "", neighbour = "", fdb = "";
            if (l.subnet().equals(self.subnet())) {
                route = "(this node: cni0 " + self.bridgeAddress() + ")";
            } else if (want.routes().containsKey(l.subnet())) {
                LivePodNetwork.Route r = want.routes().get(l.subnet());
                route = have.routes().contains(r) ? r.describe() : "missing: " + r.describe();
                String vtep = l.subnet().network().address().toString();
                if (want.neighbours().containsKey(vtep)) {
                    String mac = want.neighbours().get(vtep);
                    Optional<LivePodNetwork.Neighbour> n = have.neighbours().stream().filter(x -> x.address().equals(vtep)).findFirst();
                    neighbour = n.filter(x -> x.mac().equals(Optional.of(mac)) && x.state().equals("PERMANENT")).map(LivePodNetwork.Neighbour::describe)
                            .orElse("missing: " + vtep + " lladdr " + mac + n.map(x -> " (has " + x.describe() + ")").orElse(""));
                    String dst = want.fdb().get(mac);
                    fdb = have.fdb().stream().filter(x -> x.mac().equals(mac) && x.dst().equals(Optional.of(dst))).findFirst()
                            .map(LivePodNetwork.Fdb::describe).orElse("missing: " + mac + " dst " + dst);
                }
            }
            rows.add(new Row(l.subnet().toString(), l.publicIp().toString(), netlab.text.Quoted.word(l.backendType()), l.vtepMac().map(Object::toString).orElse(""), holder,
                    route, neighbour, fdb));
        }
        return new PodNetworkView(node, c.backend().word(), self.subnet().toString(), etcd.endpoint(), true, rows,
                LeaseEntries.words(want.changesFrom(have, c).removed()), want.ignored());
    }

    /** True when the node holds every entry the leases call for and nothing else. */
    public boolean inStep() {
        return etcdAnswered && stale.isEmpty() && leases.stream().noneMatch(r -> r.route().startsWith("missing") || r.neighbour().startsWith("missing")
                || r.fdb().startsWith("missing"));
    }
}
