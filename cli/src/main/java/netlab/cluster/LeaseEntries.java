package netlab.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.net.MacAddress;
import netlab.plan.BridgeOp;
import netlab.plan.IpOp;

/**
 * The kernel entries one node needs for the other nodes' leases, as flanneld programs them, and the changes that take
 * the node from what it holds to that. vxlan, per remote lease 10.1.20.0/24 → 192.168.0.12 with VtepMAC M:
 * <pre>
 *   route 10.1.20.0/24 via 10.1.20.0 dev flannel.1 onlink       (the remote flannel.1's address as next hop)
 *   neigh 10.1.20.0 lladdr M dev flannel.1 nud permanent       (so the kernel never has to ask by ARP)
 *   fdb   M dev flannel.1 dst 192.168.0.12 self permanent      (frames for M go to that node in UDP 4789)
 * </pre>
 * host-gw, per remote lease: {@code route 10.1.20.0/24 via 192.168.0.12 dev eth0}. Entries on the node's devices that no
 * lease calls for any more are removed (flannel.1 is the cluster's own device; on the underlay only routes to
 * subnets of the cluster network with a gateway count as the cluster's).
 *
 * @param routes     subnet → the route it needs
 * @param neighbours remote flannel.1 address → its MAC (vxlan)
 * @param fdb        remote VtepMAC → the node's public IP (vxlan)
 * @param ignored    leases this node does not use, and why
 */
public record LeaseEntries(Map<Cidr, LivePodNetwork.Route> routes, Map<String, String> neighbours, Map<String, String> fdb, List<String> ignored) {

    /** What {@code self} needs for every lease in {@code leases} that is another node's. */
    public static LeaseEntries of(ClusterSpec c, ClusterNodeSpec self, String underlayDev, Optional<IpAddress> selfIp, List<Lease> leases) {
        Map<Cidr, LivePodNetwork.Route> routes = new LinkedHashMap<>();
        Map<String, String> neighbours = new LinkedHashMap<>();
        Map<String, String> fdb = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (Lease l : leases) {
            Cidr s = l.subnet();
            if (s.equals(self.subnet().network())) continue;
            if (!c.network().contains(s.address()) || s.prefix() != c.subnetLen()) {
                ignored.add(l.describe() + ": not a /" + c.subnetLen() + " of the cluster network " + c.network());
            } else if (selfIp.isPresent() && l.publicIp().equals(selfIp.get())) {
                ignored.add(l.describe() + ": this node's own address, but not its subnet " + self.subnet());
            } else if (!l.backendType().equals(c.backend().word())) {
                ignored.add(l.describe() + ": backend " + l.backendType() + ", not " + c.backend().word());
            } else if (c.backend() == Backend.VXLAN && l.vtepMac().isEmpty()) {
                ignored.add(l.describe() + ": no VtepMAC");
            } else if (c.backend() == Backend.VXLAN) {
                String vtep = s.network().address().toString();
                routes.put(s, new LivePodNetwork.Route(s, Optional.of(vtep), Flannel.DEVICE, true));
                neighbours.put(vtep, l.vtepMac().get().toString());
                fdb.put(l.vtepMac().get().toString(), l.publicIp().toString());
            } else if (c.backend() == Backend.HOST_GW) {
                routes.put(s, new LivePodNetwork.Route(s, Optional.of(l.publicIp().toString()), underlayDev, false));
            }
        }
        return new LeaseEntries(routes, neighbours, fdb, ignored);
    }

    /** What a change adds or removes, in the words {@code cluster sync} prints after it ("route", "neighbour", "fdb"). */
    public enum Kind {
        ROUTE("route"), NEIGHBOUR("neighbour"), FDB("fdb");

        private final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    /** One entry added or removed: its kind and the entry in words. */
    public record Change(Kind kind, String entry) {
        @Override
        public String toString() {
            return kind.word + " " + entry;
        }
    }

    /** The changes in words, one each: "route 10.1.20.0/24 via 10.1.20.0 dev flannel.1 onlink". */
    public static List<String> words(List<Change> changes) {
        return changes.stream().map(Change::toString).toList();
    }

    /**
     * The changes: the ops of {@code bridge} (FDB) and of {@code ip} (neighbours, routes) that make them, and what they
     * add and remove. Additions go FDB, neighbour, route (so the route's first packet finds the rest), removals the other
     * way round.
     */
    public record Changes(List<BridgeOp> bridge, List<IpOp> ip, List<Change> added, List<Change> removed) {
        public boolean none() {
            return bridge.isEmpty() && ip.isEmpty();
        }
    }

    public Changes changesFrom(LivePodNetwork have, ClusterSpec c) {
        List<BridgeOp> bridge = new ArrayList<>();
        List<IpOp> ip = new ArrayList<>();
        List<Change> added = new ArrayList<>(), removed = new ArrayList<>();
        List<IpOp> routeDels = new ArrayList<>(), neighDels = new ArrayList<>();
        for (LivePodNetwork.Route r : have.routes()) {
            if (!ours(r, c) || r.equals(routes.get(r.dst()))) continue;
            if (routes.containsKey(r.dst())) continue; // replaced below
            routeDels.add(new IpOp.RouteDel(r.dst(), r.dev()));
            removed.add(new Change(Kind.ROUTE, r.describe()));
        }
        for (LivePodNetwork.Neighbour n : have.neighbours()) {
            if (n.mac().isPresent() && n.mac().get().equals(neighbours.get(n.address())) && n.state().equals("PERMANENT")) continue;
            if (neighbours.containsKey(n.address())) continue; // replaced below
            neighDels.add(new IpOp.NeighDel(IpAddress.of(n.address()), n.dev()));
            removed.add(new Change(Kind.NEIGHBOUR, n.describe()));
        }
        for (LivePodNetwork.Fdb f : have.fdb()) {
            if (f.dst().isPresent() && f.dst().get().equals(fdb.get(f.mac()))) continue;
            if (fdb.containsKey(f.mac()) && f.dst().isEmpty()) continue; // the device's own entry: leave it
            if (fdb.containsKey(f.mac())) continue; // replaced below
            bridge.add(new BridgeOp.FdbDel(mac(f.mac()), f.dev(), f.dst().map(IpAddress::of)));
            removed.add(new Change(Kind.FDB, f.describe()));
        }
        ip.addAll(routeDels);
        ip.addAll(neighDels);
        fdb.forEach((mac, dst) -> {
            if (have.fdb().stream().anyMatch(f -> f.mac().equals(mac) && f.dst().equals(Optional.of(dst)))) return;
            bridge.add(new BridgeOp.FdbReplace(mac(mac), Flannel.DEVICE, IpAddress.of(dst), true));
            added.add(new Change(Kind.FDB, mac + " dst " + dst + " dev " + Flannel.DEVICE));
        });
        neighbours.forEach((addr, mac) -> {
            if (have.neighbours().stream().anyMatch(n -> n.address().equals(addr) && n.mac().equals(Optional.of(mac)) && n.state().equals("PERMANENT"))) return;
            ip.add(new IpOp.NeighReplace(IpAddress.of(addr), mac(mac), Flannel.DEVICE));
            added.add(new Change(Kind.NEIGHBOUR, addr + " lladdr " + mac + " PERMANENT dev " + Flannel.DEVICE));
        });
        routes.forEach((dst, r) -> {
            if (have.routes().contains(r)) return;
            ip.add(routeOp(r));
            added.add(new Change(Kind.ROUTE, r.describe()));
        });
        return new Changes(bridge, ip, added, removed);
    }

    /** The op that makes a route of the pod network. */
    public static IpOp.RouteReplace routeOp(LivePodNetwork.Route r) {
        return new IpOp.RouteReplace(Optional.of(r.dst()), r.dst().isV6(), r.gateway().map(IpAddress::of), Optional.of(r.dev()), OptionalInt.empty(),
                r.onlink());
    }

    /** A MAC as the kernel or a lease gives it (always one). */
    private static MacAddress mac(String text) {
        return MacAddress.parse(text).orElseThrow(() -> new IllegalArgumentException("not a MAC address: " + text));
    }

    /** Routes the cluster answers for: every route on flannel.1; on the underlay, routes with a gateway to a pod subnet. */
    private static boolean ours(LivePodNetwork.Route r, ClusterSpec c) {
        if (r.dev().equals(Flannel.DEVICE)) return true;
        return r.gateway().isPresent() && c.network().contains(r.dst().address()) && r.dst().prefix() == c.subnetLen();
    }
}
