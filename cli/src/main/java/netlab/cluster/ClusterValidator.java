package netlab.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import netlab.interfaces.VxlanType;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.model.ModelSwitch;
import netlab.source.Diagnostics;
import netlab.source.Suggest;

/**
 * Checks a cluster against the resolved lab: every node's underlay interface exists and has an IPv4 address (its
 * public IP), etcd has an address to be reached at, host-gw nodes share one L2 segment (they route pod subnets via
 * each other's underlay addresses, which must be on-link), a load balancer's address is its node's own, and nothing
 * the topology writes takes the names and ports flannel.1 needs.
 */
public final class ClusterValidator {
    private ClusterValidator() {}

    public static void validate(LabModel model, Diagnostics d) {
        Optional<ClusterSpec> cluster = ClusterSpec.of(model.topology());
        if (cluster.isEmpty()) return;
        ClusterSpec c = cluster.get();
        boolean underlaysOk = true;
        for (ClusterNodeSpec n : c.nodes().values()) {
            Optional<ModelNode> node = model.node(n.name());
            if (node.isEmpty()) continue; // reported when the cluster was expanded
            underlaysOk &= underlay(n, node.get(), d);
            if (c.backend() == Backend.VXLAN) vxlanRoom(n, node.get(), d);
        }
        c.etcd().filter(e -> model.node(e.text()).isPresent() && ClusterAddresses.etcd(model, c).isEmpty())
                .ifPresent(e -> d.error(e.pos(), "etcd node '" + e.text() + "' has no IPv4 address for the cluster's nodes to reach etcd at;"
                        + " link it to them with an address"));
        if (c.backend() == Backend.HOST_GW && underlaysOk) sharedSegment(c, model, d);
        for (ServiceSpec s : c.services().values()) {
            s.loadBalancer().ifPresent(lb -> {
                Optional<ModelNode> node = model.node(lb.node().text());
                if (node.isEmpty()) return;
                Optional<ModelInterface> owner = model.ownerOf(lb.address());
                if (owner.isEmpty() || !owner.get().node().equals(node.get().name())) {
                    d.error(lb.pos(), "the load balancer of service '" + s.name() + "' answers on " + lb.address() + ", which is not an address of"
                            + " node '" + node.get().name() + "'" + owner.map(o -> " (it is " + o.ref() + "'s)").orElse(""));
                }
                if (c.backend() == Backend.NONE) {
                    for (ClusterNodeSpec n : c.nodes().values()) {
                        if (model.node(n.name()).isPresent() && ClusterAddresses.publicIp(model, n).isEmpty()) {
                            d.error(n.pos(), "cluster node '" + n.name() + "' has no IPv4 address for the load balancer of service '"
                                    + s.name() + "' to reach its NodePort at");
                        }
                    }
                }
            });
            model.ownerOf(s.clusterIp()).ifPresent(o -> d.error(s.pos(), "the ClusterIP " + s.clusterIp() + " of service '" + s.name()
                    + "' is an address of " + o.ref() + "; a ClusterIP is virtual, no interface has it"));
        }
    }

    private static boolean underlay(ClusterNodeSpec n, ModelNode node, Diagnostics d) {
        if (n.underlay().isEmpty()) return false;
        String name = n.underlay().get().text();
        ModelInterface i = node.interfaces().get(name);
        if (i == null) {
            d.error(n.underlay().get().pos(), "cluster node '" + n.name() + "' has no interface '" + name + "'"
                    + Suggest.hint(name, node.interfaces().keySet()) + "; its underlay is the interface towards the other nodes");
            return false;
        }
        if (i.firstAddress(false).isEmpty()) {
            d.error(n.underlay().get().pos(), "underlay " + i.ref() + " has no IPv4 address: its address is the node's public IP, which the"
                    + " other nodes send to (give the interface an address, or its switch a subnet)");
            return false;
        }
        return true;
    }

    /** flannel.1 is made on each node with VNI 1 on port 4789: the topology must leave that name and that VNI free. */
    private static void vxlanRoom(ClusterNodeSpec n, ModelNode node, Diagnostics d) {
        ModelInterface same = node.interfaces().get(Flannel.DEVICE);
        if (same != null) {
            d.error(same.spec().pos(), "interface " + same.ref() + " is the cluster's VXLAN device (backend vxlan makes it on every node);"
                    + " name this one otherwise");
        }
        for (ModelInterface i : node.interfaces().values()) {
            if (i.spec().typeSpec() instanceof VxlanType.Spec v && v.vni() == Flannel.VNI && v.port() == Flannel.PORT) {
                d.error(v.pos(), "vxlan " + i.ref() + " uses VNI " + Flannel.VNI + " on port " + Flannel.PORT + ", which flannel.1 of the cluster"
                        + " needs on node '" + n.name() + "' (a node has one VXLAN device per VNI and port)");
            }
        }
    }

    /** host-gw: every node's underlay on one L2 segment (switches joined by links count as one). */
    private static void sharedSegment(ClusterSpec c, LabModel model, Diagnostics d) {
        Map<String, String> domain = l2Domains(model);
        String first = null, firstWhere = null;
        for (ClusterNodeSpec n : c.nodes().values()) {
            Optional<ModelInterface> u = ClusterAddresses.underlay(model, n);
            if (u.isEmpty() || u.get().segment().isEmpty()) continue;
            String seg = u.get().segment().get();
            String dom = domain.getOrDefault(seg, seg);
            String where = u.get().ref() + " is on " + describe(model, seg);
            if (first == null) {
                first = dom;
                firstWhere = where;
            } else if (!first.equals(dom)) {
                d.error(c.backendPos(), "backend host-gw routes each node's pod subnet via that node's underlay address, so the nodes must"
                        + " share one L2 segment, but " + firstWhere + " and " + where + "; use backend vxlan across routers");
                return;
            }
        }
    }

    private static String describe(LabModel model, String segment) {
        return model.switches().containsKey(segment) ? "switch " + segment : "link " + segment;
    }

    /** Segment name → the name of the L2 domain it belongs to (switches linked to each other share one). */
    private static Map<String, String> l2Domains(LabModel model) {
        Map<String, String> parent = new HashMap<>();
        for (ModelSwitch s : model.switches().values()) parent.put(s.name(), s.name());
        for (ModelSwitch s : model.switches().values()) {
            for (ModelSwitch.Port p : s.ports()) {
                if (p.peer() instanceof ModelSwitch.SwitchPort other) union(parent, s.name(), other.sw());
            }
        }
        Map<String, String> out = new HashMap<>();
        for (String s : parent.keySet()) out.put(s, find(parent, s));
        return out;
    }

    private static String find(Map<String, String> parent, String s) {
        while (!parent.get(s).equals(s)) s = parent.get(s);
        return s;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a), rb = find(parent, b);
        if (!ra.equals(rb)) parent.put(ra, rb);
    }
}
