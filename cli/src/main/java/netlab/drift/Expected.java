package netlab.drift;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.plan.RuleSet;
import netlab.runtime.netlink.KernelState;
import netlab.topology.Impairment;

/**
 * What one of a lab's namespaces must hold, as the lab's plan makes it (see {@link ExpectedState}): its interfaces with
 * their settings, addresses, routes, static FDB entries, bridge port VLANs, sysctls, impairments, firewall rules and
 * servers. Everything else a namespace holds is extra, apart from what the kernel makes by itself (see {@link DriftFinder}).
 *
 * @param owner      who the namespace belongs to, for messages: a node's name, or "fabric" (the switches)
 * @param rules      the node's rule set, when it has rules
 * @param listeners  TCP port → the server that listens there ("http :80")
 * @param podNetwork the routes, neighbour and FDB entries a cluster's etcd decides (compared with etcd, not here)
 * @param keepExtra  the node keeps what was added to it by hand ({@code keep_extra: true})
 * @param exec       the node runs {@code exec} commands, which may add things netlab cannot foresee
 * @param learnsRoutes a routing daemon runs there ({@link netlab.plan.Op#learnsRoutes()}): routes of routing protocols
 *                   are its, proved by the lab's routing checks, not compared with the plan
 * @param learnsVxlanFdb a daemon there writes its VXLAN devices' forwarding entries ({@link netlab.plan.Op#learnsVxlanFdb()},
 *                   EVPN): static entries of a VXLAN device the plan does not make are its, not drift
 */
public record Expected(String netns, String owner, boolean fabric, Map<String, Link> links, List<Address> addresses, List<Route> routes,
                       List<Fdb> fdb, Map<String, List<KernelState.Vlan>> vlans, Map<String, String> sysctls,
                       Map<String, Impairment> impairments, Optional<RuleSet> rules, Map<Integer, String> listeners, PodNetwork podNetwork,
                       boolean keepExtra, boolean exec, boolean learnsRoutes, boolean learnsVxlanFdb) {

    public Expected {
        links = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(links));
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        fdb = List.copyOf(fdb);
        vlans = Map.copyOf(vlans);
        sysctls = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sysctls));
        impairments = Map.copyOf(impairments);
        listeners = Map.copyOf(listeners);
    }

    /**
     * An interface.
     *
     * @param kind   "veth", "bridge", "vxlan", "vlan", "gre", "gretap", or "loopback" for lo
     * @param mtu    empty when netlab neither sets it nor knows the kernel's default for the kind
     * @param up     netlab sets it up (otherwise its state is not compared)
     * @param master the bridge it is a port of; empty: none
     * @param info   kind settings: bridge ageing_time, stp_state, vlan_filtering; vxlan id, dstport, learning
     * @param port   as a bridge port: learning, flood, hairpin (1 or 0)
     * @param peer   for a veth end, where its other end is (the end a converging up deletes to make the pair again)
     */
    public record Link(String name, String kind, Optional<String> mac, OptionalInt mtu, boolean up, Optional<String> master,
                       Optional<String> alias, Map<String, Long> info, Map<String, Long> port, Optional<Peer> peer) {
        public Link {
            info = Map.copyOf(info);
            port = Map.copyOf(port);
        }
    }

    public record Peer(String netns, String name) {}

    public record Address(String dev, Cidr cidr) {}

    /**
     * A route of the main table.
     *
     * @param dst    "10.9.0.0/16", "0.0.0.0/0", "::/0"
     * @param metric as the kernel stores it: 0 for IPv4 and 1024 for IPv6 unless written
     */
    public record Route(boolean v6, String dst, Optional<IpAddress> via, Optional<String> dev, long metric, boolean onlink) {
        public String describe() {
            String d = dst.endsWith("/0") ? (v6 ? "default (IPv6)" : "default") : dst;
            return d + via.map(v -> " via " + v).orElse("") + dev.map(x -> " dev " + x).orElse("") + (onlink ? " onlink" : "")
                    + (metric != (v6 ? 1024 : 0) ? " metric " + metric : "");
        }
    }

    /** A static forwarding entry of a VXLAN device: frames for {@code mac} go to the VTEP {@code dst}. */
    public record Fdb(String dev, String mac, IpAddress dst) {
        public String describe() {
            return mac + " dev " + dev + " dst " + dst;
        }
    }

    /**
     * What a cluster's pod network programs in a node from the leases in etcd: every entry on {@code device} (flannel.1),
     * and routes with a gateway to a {@code subnetLen} subnet of {@code network}. Compared by {@code ClusterDrift}.
     */
    public record PodNetwork(Optional<String> device, Optional<Cidr> network, int subnetLen) {
        public static final PodNetwork NONE = new PodNetwork(Optional.empty(), Optional.empty(), 0);

        public boolean ownsDevice(String dev) {
            return device.isPresent() && device.get().equals(dev);
        }

        public boolean ownsRoute(KernelState.Route r, String dev) {
            if (ownsDevice(dev)) return true;
            if (network.isEmpty() || r.gateway() == null) return false;
            Optional<Cidr> dst = Cidr.parse(r.dst());
            return dst.isPresent() && dst.get().prefix() == subnetLen && network.get().contains(dst.get().address());
        }
    }
}
