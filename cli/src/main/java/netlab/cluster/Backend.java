package netlab.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a cluster carries pod traffic between its nodes, as flannel's backends do. {@code vxlan}: an overlay device
 * {@code flannel.1} on every node, programmed from the subnet leases in etcd (route, neighbour and FDB entry per
 * remote lease). {@code host-gw}: no encapsulation, a route per remote lease via that node's underlay address (the
 * nodes must share one L2 segment). {@code bgp}: as Calico's BGP mode, no etcd and no encapsulation: each node runs
 * FRR's bgpd (the routing extension's, given a generated {@code routing:} section) and announces its pod subnet to
 * every other node (a full iBGP mesh in AS {@link #BGP_AS}), which routes it via that node ({@code proto bgp}).
 * {@code none}: no routes between nodes (each node's pods reach only each other,
 * services, and the outside).
 */
public enum Backend {
    VXLAN("vxlan"),
    HOST_GW("host-gw"),
    BGP("bgp"),
    NONE("none");

    /** The AS of a bgp cluster's nodes: Calico's default. */
    public static final long BGP_AS = 64512;

    private final String word;

    Backend(String word) {
        this.word = word;
    }

    /** As written in a topology and as flannel writes it in etcd ({@code BackendType}). */
    public String word() {
        return word;
    }

    /** True when the backend keeps its subnet table in etcd. */
    public boolean usesEtcd() {
        return this == VXLAN || this == HOST_GW;
    }

    public static Optional<Backend> of(String word) {
        return Arrays.stream(values()).filter(b -> b.word.equals(word)).findFirst();
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(Backend::word).toList();
    }
}
