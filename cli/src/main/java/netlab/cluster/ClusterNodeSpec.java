package netlab.cluster;

import java.util.Map;
import netlab.net.Cidr;
import netlab.source.Located;
import netlab.source.Pos;

/**
 * A node of the cluster: a lab node with its own bridge cni0 (the pods' gateway), a pod subnet leased out of the
 * cluster network, and an underlay interface whose address is its public IP (what other nodes send to).
 *
 * @param underlay the interface towards the other nodes; empty only with backend none
 * @param subnet   the node's pod subnet (a network address with the cluster's subnet length)
 * @param pods     its pods, in the order written
 */
public record ClusterNodeSpec(String name, java.util.Optional<Located> underlay, Cidr subnet, Map<String, PodAttachment> pods, Pos pos) {
    public ClusterNodeSpec {
        pods = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pods));
    }

    /** cni0's address: the subnet's first host, the pods' default gateway (10.1.15.1/24). */
    public Cidr bridgeAddress() {
        return subnet.host(1).orElseThrow();
    }

    /** flannel.1's address: the subnet's network address as a /32 (10.1.15.0/32), as flannel gives it. */
    public Cidr vtepAddress() {
        return new Cidr(subnet.network().address(), 32);
    }
}
