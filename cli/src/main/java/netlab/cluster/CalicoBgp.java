package netlab.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.routing.spec.BgpFamily;
import netlab.routing.spec.BgpNeighbor;
import netlab.routing.spec.BgpPeer;
import netlab.routing.spec.BgpSpec;
import netlab.routing.spec.RoutingSpec;

/**
 * Backend bgp, as Calico's BGP mode: no overlay and no subnet table in etcd; each cluster node runs BGP in AS
 * {@link Backend#BGP_AS} and announces its pod subnet to every other cluster node (Calico's node-to-node mesh: iBGP,
 * each node a neighbour of every other, over the addresses of the subnet their underlays share). The receiving
 * node's zebra installs the route via the announcing node's address ({@code proto bgp}), so the pods' packets cross
 * the underlay with their own addresses. The node gets this as its {@code routing:} section: the routing extension
 * validates it, writes FRR's configuration, starts and stops the daemons, and its drift rules hold (routes bgpd
 * learns are not drift), exactly as for a routing node written by hand.
 */
final class CalicoBgp {
    private CalicoBgp() {}

    static RoutingSpec routing(ClusterSpec c, ClusterNodeSpec node) {
        List<BgpNeighbor> mesh = new ArrayList<>();
        for (ClusterNodeSpec other : c.nodes().values()) {
            if (other.name().equals(node.name())) continue;
            mesh.add(new BgpNeighbor(new BgpPeer.Node(other.name(), BgpPeer.Via.LINK, node.pos()), Optional.empty(), Optional.empty(), false,
                    Optional.empty(), Optional.empty(), Optional.empty(), node.pos()));
        }
        BgpSpec bgp = new BgpSpec(Backend.BGP_AS, Optional.empty(), List.of(BgpFamily.IPV4), List.of(node.subnet()), List.of(), Map.of(), mesh,
                node.pos());
        return new RoutingSpec(Optional.empty(), Optional.empty(), Optional.of(bgp), Optional.empty(), node.pos());
    }
}
