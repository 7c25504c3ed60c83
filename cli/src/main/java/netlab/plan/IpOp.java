package netlab.plan;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.net.MacAddress;

/**
 * An operation of iproute2's {@code ip}, as a record of what it means: a namespace, an interface of some type with
 * its settings, one setting of an interface, an address, a route, a neighbour entry. The netlink runner sends the
 * ones it speaks as rtnetlink requests from the JVM; {@link IpLines} writes each as its {@code ip -batch} line, for the
 * dry run and for ops run by {@code ip} itself. Every reader of these ops is a {@link Visitor}, so a new record does
 * not compile until the renderer, the netlink runner and the drift comparison each say what it is to them.
 */
public sealed interface IpOp extends BatchOp {

    <R> R accept(Visitor<R> v);

    @Override
    default Tool tool() {
        return Tool.IP;
    }

    @Override
    default String batchLine() {
        return IpLines.line(this);
    }

    /** One method per record: what a reader of ip ops does with each. */
    interface Visitor<R> {
        R netnsAdd(NetnsAdd op);

        R addBridge(AddBridge op);

        R addVeth(AddVeth op);

        R addVlan(AddVlan op);

        R addVxlan(AddVxlan op);

        R addGre(AddGre op);

        R linkUp(LinkUp op);

        R linkMtu(LinkMtu op);

        R linkAddress(LinkAddress op);

        R linkMaster(LinkMaster op);

        R linkNoMaster(LinkNoMaster op);

        R linkAlias(LinkAlias op);

        R addrGenModeNone(AddrGenModeNone op);

        R bridgePortFlags(BridgePortFlags op);

        R bridgeSettings(BridgeSettings op);

        R addrReplace(AddrReplace op);

        R routeReplace(RouteReplace op);

        R connectedRouteReplace(ConnectedRouteReplace op);

        R routeDel(RouteDel op);

        R neighReplace(NeighReplace op);

        R neighDel(NeighDel op);
    }

    // ---- namespaces

    /** A named network namespace ({@code ip netns add}); runs in the host's namespace, the only op that does. */
    record NetnsAdd(String name) implements IpOp {
        public NetnsAdd {
            OpArgs.word(name, "namespace name");
        }

        @Override
        public Optional<ObjectRef> creates() {
            return Optional.of(new ObjectRef.Netns(name));
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.netnsAdd(this);
        }
    }

    // ---- interfaces made

    /**
     * What every new interface has: its name, and optionally its MAC, its MTU, and the namespace it is made in when that
     * is not the one the op runs in (a veth end made from the fabric straight into its node).
     */
    record NewLink(String name, Optional<MacAddress> mac, OptionalInt mtu, Optional<String> netns) {
        public NewLink {
            OpArgs.ifname(name);
            if (netns.isPresent()) OpArgs.word(netns.get(), "namespace name");
            if (mtu.isPresent() && mtu.getAsInt() <= 0) throw new IllegalArgumentException("MTU " + mtu.getAsInt() + " of " + name);
        }

        public static NewLink named(String name) {
            return new NewLink(name, Optional.empty(), OptionalInt.empty(), Optional.empty());
        }

        /** The interface as an object a converging up looks for, when the op runs in {@code unitNetns}. */
        public ObjectRef.Link madeIn(String unitNetns) {
            return new ObjectRef.Link(netns.orElse(unitNetns), name);
        }

        void check(ObjectRef.Link made) {
            if (!made.name().equals(name) || netns.isPresent() && !netns.get().equals(made.netns())) {
                throw new IllegalArgumentException("interface " + name + " is not made as " + made);
            }
        }
    }

    /**
     * A Linux bridge with spanning tree off. A {@code hub} forgets every MAC at once (ageing time 0), so it floods every
     * frame; a {@code vlanAware} one filters by 802.1Q VLAN and has no default VLAN (its ports get exactly theirs).
     */
    record AddBridge(NewLink link, boolean hub, boolean vlanAware, ObjectRef.Link made) implements IpOp {
        public AddBridge {
            link.check(made);
        }

        @Override
        public Optional<ObjectRef> creates() {
            return Optional.of(made);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.addBridge(this);
        }
    }

    /** A veth pair: end {@code a} (the one {@code made} names) and its peer {@code b}, each possibly in another namespace. */
    record AddVeth(NewLink a, NewLink b, ObjectRef.Link made) implements IpOp {
        public AddVeth {
            a.check(made);
        }

        @Override
        public Optional<ObjectRef> creates() {
            return Optional.of(made);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.addVeth(this);
        }
    }

    /** An 802.1Q sub-interface of {@code parent} for VLAN {@code id}. */
    record AddVlan(NewLink link, String parent, int id, ObjectRef.Link made) implements IpOp {
        public AddVlan {
            link.check(made);
            OpArgs.ifname(parent);
            if (id < 0 || id > 4095) throw new IllegalArgumentException("VLAN id " + id);
        }

        @Override
        public Optional<ObjectRef> creates() {
            return Optional.of(made);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.addVlan(this);
        }
    }

    /**
     * A VXLAN device: VNI {@code vni}, UDP port {@code port}, sending from {@code local} to one {@code remote} VTEP or a
     * multicast {@code group} (or, with neither, to its FDB entries) out of {@code underlay}; {@code learning} off: it
     * learns no remote MAC from what arrives.
     */
    record AddVxlan(NewLink link, long vni, Optional<IpAddress> local, Optional<IpAddress> remote, Optional<IpAddress> group,
                    Optional<String> underlay, int port, boolean learning, ObjectRef.Link made) implements IpOp {
        public AddVxlan {
            link.check(made);
            if (vni < 0 || vni > 0xFF_FFFF) throw new IllegalArgumentException("VNI " + vni);
            if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port);
            if (underlay.isPresent()) OpArgs.ifname(underlay.get());
        }

        @Override
        public Optional<ObjectRef> creates() {
            return Optional.of(made);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.addVxlan(this);
        }
    }

    /** A GRE tunnel from {@code local} to {@code remote}: routed ({@code gre}), or Ethernet over GRE with {@code tap}. */
    record AddGre(NewLink link, boolean tap, IpAddress local, IpAddress remote, OptionalLong key, OptionalInt ttl, Optional<String> underlay,
                  ObjectRef.Link made) implements IpOp {
        public AddGre {
            link.check(made);
            if (key.isPresent() && (key.getAsLong() < 0 || key.getAsLong() > 0xFFFF_FFFFL)) throw new IllegalArgumentException("GRE key " + key);
            if (ttl.isPresent() && (ttl.getAsInt() < 1 || ttl.getAsInt() > 255)) throw new IllegalArgumentException("TTL " + ttl);
            if (underlay.isPresent()) OpArgs.ifname(underlay.get());
        }

        public String kind() {
            return tap ? "gretap" : "gre";
        }

        @Override
        public Optional<ObjectRef> creates() {
            return Optional.of(made);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.addGre(this);
        }
    }

    // ---- settings of an interface that exists

    /** Sets the interface up. */
    record LinkUp(String dev) implements IpOp {
        public LinkUp {
            OpArgs.ifname(dev);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.linkUp(this);
        }
    }

    record LinkMtu(String dev, int mtu) implements IpOp {
        public LinkMtu {
            OpArgs.ifname(dev);
            if (mtu <= 0) throw new IllegalArgumentException("MTU " + mtu);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.linkMtu(this);
        }
    }

    /** Sets the interface's MAC. */
    record LinkAddress(String dev, MacAddress mac) implements IpOp {
        public LinkAddress {
            OpArgs.ifname(dev);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.linkAddress(this);
        }
    }

    /** Makes the interface a port of the bridge {@code master}. */
    record LinkMaster(String dev, String master) implements IpOp {
        public LinkMaster {
            OpArgs.ifname(dev);
            OpArgs.ifname(master);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.linkMaster(this);
        }
    }

    /** Takes the interface out of whatever bridge it is a port of. */
    record LinkNoMaster(String dev) implements IpOp {
        public LinkNoMaster {
            OpArgs.ifname(dev);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.linkNoMaster(this);
        }
    }

    /** The interface's alias: one word (netlab's mark on a namespace's loopback). */
    record LinkAlias(String dev, String alias) implements IpOp {
        public LinkAlias {
            OpArgs.ifname(dev);
            OpArgs.word(alias, "alias");
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.linkAlias(this);
        }
    }

    /** No IPv6 link-local address of its own (and no router solicitations from it): an interface with no IPv6 address. */
    record AddrGenModeNone(String dev) implements IpOp {
        public AddrGenModeNone {
            OpArgs.ifname(dev);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.addrGenModeNone(this);
        }
    }

    /**
     * Settings of a bridge port: {@code learning} (the bridge learns source MACs from it), {@code flood} (unknown unicast
     * leaves by it), {@code hairpin} (a frame may leave by the port it came in). Empty: left as it is.
     */
    record BridgePortFlags(String dev, Optional<Boolean> learning, Optional<Boolean> flood, Optional<Boolean> hairpin) implements IpOp {
        public BridgePortFlags {
            OpArgs.ifname(dev);
            if (learning.isEmpty() && flood.isEmpty() && hairpin.isEmpty()) throw new IllegalArgumentException("no port setting for " + dev);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.bridgePortFlags(this);
        }
    }

    /** Settings of a bridge that exists (a converging up puts back what was changed). Empty: left as it is. */
    record BridgeSettings(String dev, OptionalLong ageingTime, OptionalInt stpState, Optional<Boolean> vlanFiltering) implements IpOp {
        public BridgeSettings {
            OpArgs.ifname(dev);
            if (ageingTime.isEmpty() && stpState.isEmpty() && vlanFiltering.isEmpty()) throw new IllegalArgumentException("no bridge setting for " + dev);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.bridgeSettings(this);
        }
    }

    // ---- addresses, routes, neighbours

    /** Gives the interface {@code cidr} (idempotent). IPv6 addresses skip duplicate address detection: they are usable at once. */
    record AddrReplace(Cidr cidr, String dev) implements IpOp {
        public AddrReplace {
            OpArgs.ifname(dev);
        }

        public boolean nodad() {
            return cidr.isV6();
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.addrReplace(this);
        }
    }

    /**
     * A route of the main table (idempotent).
     *
     * @param dst    empty: the default route of the family {@code v6}
     * @param onlink the gateway is taken as reachable on {@code dev} whatever the device's addresses
     */
    record RouteReplace(Optional<Cidr> dst, boolean v6, Optional<IpAddress> via, Optional<String> dev, OptionalInt metric, boolean onlink)
            implements IpOp {
        public RouteReplace {
            if (dst.isPresent() && dst.get().isV6() != v6) throw new IllegalArgumentException("route to " + dst.get() + " is not " + (v6 ? "IPv6" : "IPv4"));
            if (via.isPresent() && via.get().isV6() != v6) throw new IllegalArgumentException("gateway " + via.get() + " is not " + (v6 ? "IPv6" : "IPv4"));
            if (via.isEmpty() && dev.isEmpty()) throw new IllegalArgumentException("a route needs a gateway or a device");
            if (dev.isPresent()) OpArgs.ifname(dev.get());
            if (metric.isPresent() && metric.getAsInt() < 0) throw new IllegalArgumentException("metric " + metric);
        }

        public static RouteReplace to(Optional<Cidr> dst, boolean v6, Optional<IpAddress> via, Optional<String> dev, OptionalInt metric) {
            return new RouteReplace(dst, v6, via, dev, metric, false);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.routeReplace(this);
        }
    }

    /**
     * The route the kernel makes to the subnet of {@code address} on {@code dev} when the address is added (protocol
     * kernel), put back by a converging up when it was deleted by hand.
     */
    record ConnectedRouteReplace(Cidr address, String dev) implements IpOp {
        public ConnectedRouteReplace {
            OpArgs.ifname(dev);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.connectedRouteReplace(this);
        }
    }

    /** Deletes the main table's route to {@code dst} out of {@code dev}. */
    record RouteDel(Cidr dst, String dev) implements IpOp {
        public RouteDel {
            OpArgs.ifname(dev);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.routeDel(this);
        }
    }

    /** A permanent neighbour entry: {@code address} is at {@code mac} on {@code dev}, never asked for. */
    record NeighReplace(IpAddress address, MacAddress mac, String dev) implements IpOp {
        public NeighReplace {
            OpArgs.ifname(dev);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.neighReplace(this);
        }
    }

    record NeighDel(IpAddress address, String dev) implements IpOp {
        public NeighDel {
            OpArgs.ifname(dev);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.neighDel(this);
        }
    }
}
