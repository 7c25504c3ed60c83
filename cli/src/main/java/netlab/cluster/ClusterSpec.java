package netlab.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.net.Cidr;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.topology.Section;
import netlab.topology.Topology;

/**
 * A topology's {@code cluster:} section as read: a Kubernetes-style pod network over some of the lab's nodes. The
 * cluster network is cut into one pod subnet per node; the backend says how pods on different nodes reach each
 * other; etcd (a lab node running Debian's etcd) holds the subnet table in flannel's key layout; services are
 * kube-proxy style virtual addresses.
 *
 * @param subnetLen   the prefix length of each node's pod subnet
 * @param etcd        the node that runs etcd (needed by the vxlan and host-gw backends)
 * @param masquerade  pods' traffic leaving the cluster network goes out with the node's address (flannel's ip-masq)
 * @param serviceNetwork where ClusterIPs must come from, when given
 */
public record ClusterSpec(Cidr network, int subnetLen, Backend backend, Optional<Located> etcd, boolean masquerade,
                          Optional<Cidr> serviceNetwork, Map<String, ClusterNodeSpec> nodes, Map<String, ServiceSpec> services,
                          Pos pos, Pos backendPos) {
    /** A topology's {@code cluster:} section. */
    public static final Section<ClusterSpec> SECTION = new Section<>("cluster");

    /** The topology's cluster, if it has one. */
    public static Optional<ClusterSpec> of(Topology topology) {
        return topology.section(SECTION);
    }

    public ClusterSpec {
        nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
        services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    }

    /** Every pod of the cluster, node by node. */
    public List<PodAttachment> pods() {
        List<PodAttachment> out = new ArrayList<>();
        for (ClusterNodeSpec n : nodes.values()) out.addAll(n.pods().values());
        return out;
    }

    public Optional<PodAttachment> pod(String name) {
        return pods().stream().filter(p -> p.pod().equals(name)).findFirst();
    }

    public boolean isNode(String name) {
        return nodes.containsKey(name);
    }

    /** The node that holds a pod subnet, if one does. */
    public Optional<ClusterNodeSpec> ownerOf(Cidr subnet) {
        return nodes.values().stream().filter(n -> n.subnet().equals(subnet.network())).findFirst();
    }
}
