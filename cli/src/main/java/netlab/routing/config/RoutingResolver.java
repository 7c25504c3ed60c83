package netlab.routing.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.routing.RoutingLab;
import netlab.routing.spec.BgpFamily;
import netlab.routing.spec.BgpNeighbor;
import netlab.routing.spec.BgpPeer;
import netlab.routing.spec.BgpSpec;
import netlab.routing.spec.OspfInterface;
import netlab.routing.spec.OspfSpec;
import netlab.routing.spec.RemoteAs;
import netlab.routing.spec.RoutingSpec;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.source.Suggest;

/**
 * Checks every node's routing section against the rest of the lab and resolves it into what FRR is told: a
 * neighbour named by node becomes that node's address on a subnet the two share (or its loopback address), its AS
 * the one it runs; router IDs are decided (the protocol's own, else the section's, else the node's first IPv4
 * loopback address, else FRR's choice) and must differ between routers. Every problem is reported at the place in
 * the topology it comes from, all of them at once; the nodes are returned even then, for the caller to throw.
 */
public final class RoutingResolver {
    private final Map<String, RoutingSpec> specs;
    private final RoutingLab lab;
    private final Diagnostics d;

    private RoutingResolver(Map<String, RoutingSpec> specs, RoutingLab lab, Diagnostics d) {
        this.specs = specs;
        this.lab = lab;
        this.d = d;
    }

    /** @param specs every node's routing section, by node, in the topology's order */
    public static Map<String, FrrNode> resolve(Map<String, RoutingSpec> specs, RoutingLab lab, Diagnostics d) {
        return new RoutingResolver(specs, lab, d).all();
    }

    private record Id(IpAddress id, String node, Pos pos) {}

    private Map<String, FrrNode> all() {
        Map<String, FrrNode> out = new LinkedHashMap<>();
        List<Id> ospfIds = new ArrayList<>(), bgpIds = new ArrayList<>();
        specs.forEach((node, spec) -> {
            if (!lab.nodes().contains(node)) {
                d.error(spec.pos(), "routing of node '" + node + "': the lab has no such node");
                return;
            }
            Optional<IpAddress> sectionId = spec.routerId().or(() -> loopback(node, false).map(Cidr::address));
            Optional<OspfConfig> ospf = spec.ospf().map(o -> ospf(node, o, sectionId));
            Optional<BgpConfig> bgp = spec.bgp().map(b -> bgp(node, b, sectionId));
            ospf.flatMap(OspfConfig::routerId).ifPresent(id -> ospfIds.add(new Id(id, node, spec.ospf().get().pos())));
            bgp.flatMap(BgpConfig::routerId).ifPresent(id -> bgpIds.add(new Id(id, node, spec.bgp().get().pos())));
            out.put(node, new FrrNode(node, ospf, bgp, spec.frr()));
        });
        reportSharedIds(ospfIds, "OSPF");
        reportSharedIds(bgpIds, "BGP");
        return out;
    }

    private void reportSharedIds(List<Id> ids, String protocol) {
        Map<IpAddress, Id> first = new LinkedHashMap<>();
        for (Id id : ids) {
            Id other = first.putIfAbsent(id.id(), id);
            if (other != null) {
                d.error(id.pos(), protocol + " router ID " + id.id() + " of node '" + id.node() + "' is node '" + other.node() + "''s too; each router"
                        + " needs its own (set 'router_id', or give the node a loopback address of its own)");
            }
        }
    }

    // ---- OSPF

    private OspfConfig ospf(String node, OspfSpec o, Optional<IpAddress> sectionId) {
        for (OspfInterface i : o.interfaces()) {
            String what = "OSPF interface '" + i.name() + "' of node '" + node + "'";
            if (i.name().equals("lo")) {
                if (loopback(node, false).isEmpty()) {
                    d.error(i.pos(), what + ": lo has no IPv4 address but 127.0.0.1, so OSPF has nothing to advertise from it; give the node one"
                            + " (interfaces: {lo: [10.255.0.1/32]})");
                }
                continue;
            }
            Optional<RoutingLab.Interface> iface = interfaceOf(node, i.name(), i.pos(), "OSPF interface");
            if (iface.isPresent() && iface.get().addresses().stream().noneMatch(c -> !c.isV6())) {
                d.error(i.pos(), what + " has no IPv4 address; OSPFv2 runs over IPv4");
            }
        }
        return new OspfConfig(o.routerId().or(() -> sectionId), o.interfaces(), o.redistribute());
    }

    // ---- BGP

    private BgpConfig bgp(String node, BgpSpec b, Optional<IpAddress> sectionId) {
        List<BgpSession> sessions = new ArrayList<>();
        Map<String, Pos> peers = new LinkedHashMap<>();
        for (BgpNeighbor n : b.neighbors()) {
            Optional<BgpSession> s = session(node, b, n);
            if (s.isEmpty()) continue;
            Pos first = peers.putIfAbsent(s.get().peer(), n.pos());
            if (first != null) {
                d.error(n.pos(), "BGP neighbour " + n.peer().describe() + " of node '" + node + "' is " + s.get().peer() + ", which the neighbour at line "
                        + first.line() + " is too");
                continue;
            }
            sessions.add(s.get());
        }
        boolean vxlan = lab.interfaces(node).stream().anyMatch(i -> i.type().equals(RoutingLab.VXLAN));
        if (b.families().contains(BgpFamily.EVPN) && !vxlan) {
            boolean reflects = sessions.stream().anyMatch(s -> s.routeReflectorClient() && s.families().contains(BgpFamily.EVPN));
            if (!reflects) {
                d.error(b.pos(), "the bgp of node '" + node + "' carries evpn, but the node has no VXLAN device whose VNIs it could advertise (an"
                        + " interface with type: vxlan); only a route reflector of EVPN routes needs none");
            }
        }
        return new BgpConfig(b.as(), b.routerId().or(() -> sectionId), b.families(), b.networks(), b.redistribute(),
                List.copyOf(b.policies().values()), sessions, b.families().contains(BgpFamily.EVPN) && vxlan);
    }

    private Optional<BgpSession> session(String node, BgpSpec b, BgpNeighbor n) {
        String what = "BGP neighbour " + n.peer().describe() + " of node '" + node + "'";
        List<BgpFamily> families = n.families().orElse(b.families());
        if (families.isEmpty()) d.error(n.pos(), what + " takes part in no address family");
        Optional<RemoteAs> as = n.as();
        String peer;
        boolean unnumbered = false;
        Optional<String> updateSource = Optional.empty();
        if (n.peer() instanceof BgpPeer.Node p) {
            Optional<NodePeer> np = nodePeer(node, b, p, n.as(), what);
            if (np.isEmpty()) return Optional.empty();
            as = Optional.of(np.get().as());
            peer = np.get().address().toString();
            if (p.via() == BgpPeer.Via.LOOPBACK) updateSource = Optional.of("lo");
        } else if (n.peer() instanceof BgpPeer.Interface p) {
            if (interfaceOf(node, p.name(), p.pos(), "BGP neighbour interface").isEmpty()) return Optional.empty();
            peer = p.name();
            unnumbered = true;
        } else {
            IpAddress a = ((BgpPeer.Address) n.peer()).address();
            boolean own = lab.interfaces(node).stream().flatMap(i -> i.addresses().stream()).anyMatch(c -> c.address().equals(a));
            if (own) {
                d.error(n.peer().pos(), what + " is the node's own address");
                return Optional.empty();
            }
            peer = a.toString();
        }
        if (as.isEmpty()) return Optional.empty(); // reported by the parser
        if (n.routeReflectorClient() && !as.get().isInternalTo(b.as())) {
            d.error(n.pos(), what + " is a route-reflector client, but it is in " + (as.get().kind() == RemoteAs.Kind.EXTERNAL ? "another AS"
                    : "AS " + as.get()) + ", not the node's AS " + b.as() + "; routes are reflected to iBGP neighbours only");
        }
        return Optional.of(new BgpSession(peer, unnumbered, as.get(), updateSource, n.description(), families, n.routeReflectorClient(),
                n.importPolicy().map(Located::text), n.exportPolicy().map(Located::text)));
    }

    private record NodePeer(IpAddress address, RemoteAs as) {}

    /** A neighbour named by node: its address (on a shared subnet, or its loopback) and its AS, checked against its own BGP. */
    private Optional<NodePeer> nodePeer(String node, BgpSpec b, BgpPeer.Node p, Optional<RemoteAs> written, String what) {
        String peer = p.node();
        if (!lab.nodes().contains(peer)) {
            d.error(p.pos(), what + ": the lab has no node '" + peer + "'" + Suggest.hint(peer, lab.nodes()));
            return Optional.empty();
        }
        if (peer.equals(node)) {
            d.error(p.pos(), "node '" + node + "' cannot be its own BGP neighbour");
            return Optional.empty();
        }
        Optional<BgpSpec> theirs = Optional.ofNullable(specs.get(peer)).flatMap(RoutingSpec::bgp);
        RemoteAs as;
        if (written.isPresent()) {
            as = written.get();
            if (theirs.isPresent()) asMatches(node, b.as(), peer, theirs.get().as(), as, p.pos(), what);
        } else if (theirs.isPresent()) {
            as = RemoteAs.number(theirs.get().as());
        } else {
            d.error(p.pos(), what + ": node '" + peer + "' runs no BGP of its own (no routing bgp section); give the neighbour's 'as'");
            return Optional.empty();
        }
        Optional<IpAddress> address;
        if (p.via() == BgpPeer.Via.LINK) {
            address = sharedSubnetAddress(node, peer);
            if (address.isEmpty()) {
                d.error(p.pos(), what + ": nodes '" + node + "' and '" + peer + "' share no subnet; with via: loopback the session runs between"
                        + " their loopback addresses (over a route to them), or name the neighbour by 'address'");
            }
        } else {
            Optional<Cidr> theirLo = loopback(peer, false).or(() -> loopback(peer, true));
            address = theirLo.map(Cidr::address);
            if (theirLo.isEmpty()) {
                d.error(p.pos(), what + ": node '" + peer + "' has no loopback address for via: loopback (interfaces: {lo: [10.255.0.2/32]})");
            } else if (loopback(node, theirLo.get().isV6()).isEmpty()) {
                d.error(p.pos(), what + ": node '" + node + "' has no " + theirLo.get().address().family() + " loopback address to start the"
                        + " session from (via: loopback)");
                address = Optional.empty();
            }
        }
        return address.map(a -> new NodePeer(a, as));
    }

    private void asMatches(String node, long own, String peer, long theirs, RemoteAs as, Pos pos, String what) {
        switch (as.kind()) {
            case NUMBER -> {
                if (as.number() != theirs) d.error(pos, what + " is given AS " + as.number() + ", but node '" + peer + "' runs BGP in AS " + theirs);
            }
            case INTERNAL -> {
                if (theirs != own) d.error(pos, what + " is 'internal', but node '" + peer + "' is in AS " + theirs + ", not node '" + node
                        + "''s AS " + own);
            }
            case EXTERNAL -> {
                if (theirs == own) d.error(pos, what + " is 'external', but node '" + peer + "' is in node '" + node + "''s own AS " + own);
            }
        }
    }

    // ---- the lab

    private Optional<RoutingLab.Interface> interfaceOf(String node, String name, Pos pos, String what) {
        Optional<RoutingLab.Interface> i = lab.iface(node, name);
        if (i.isEmpty()) {
            List<String> names = lab.interfaces(node).stream().map(RoutingLab.Interface::name).filter(n -> !n.equals("lo")).toList();
            d.error(pos, what + " '" + name + "': node '" + node + "' has no such interface" + Suggest.hint(name, names)
                    + (names.isEmpty() ? "" : "; its interfaces: " + String.join(", ", names)));
        }
        return i;
    }

    /** The node's first loopback address of the family that is not the kernel's own (127/8, ::1). */
    private Optional<Cidr> loopback(String node, boolean v6) {
        return lab.iface(node, "lo").stream().flatMap(i -> i.addresses().stream())
                .filter(c -> c.isV6() == v6 && !isHostLoopback(c.address())).findFirst();
    }

    /**
     * The peer's address on the first subnet both nodes have an address in (in this node's interface order), IPv4
     * before IPv6; link-local and loopback addresses do not count.
     */
    private Optional<IpAddress> sharedSubnetAddress(String node, String peer) {
        for (boolean v6 : new boolean[] {false, true}) {
            for (RoutingLab.Interface mine : lab.interfaces(node)) {
                for (Cidr a : mine.addresses()) {
                    if (a.isV6() != v6 || isHostLoopback(a.address()) || isLinkLocal(a.address())) continue;
                    for (RoutingLab.Interface theirs : lab.interfaces(peer)) {
                        for (Cidr b : theirs.addresses()) {
                            if (b.isV6() == v6 && b.prefix() == a.prefix() && a.network().equals(b.network()) && !a.address().equals(b.address())) {
                                return Optional.of(b.address());
                            }
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isHostLoopback(IpAddress a) {
        return a.isV6() ? a.value().equals(java.math.BigInteger.ONE) : a.value().shiftRight(24).intValue() == 127;
    }

    private static boolean isLinkLocal(IpAddress a) {
        return a.isV6() && a.value().shiftRight(118).intValue() == 0x3FA;
    }
}
