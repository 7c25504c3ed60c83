package netlab.interfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import netlab.core.InterfaceType;
import netlab.doctor.Feature;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.net.MacAddress;
import netlab.plan.BridgeOp;
import netlab.plan.IpOp;
import netlab.plan.Naming;
import netlab.plan.Op;
import netlab.plan.PlanBuilder;
import netlab.plan.StageName;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.topology.InterfaceTypeSpec;
import netlab.yaml.Fields;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YSeq;

/**
 * {@code type: vxlan}: a VTEP. Ethernet frames sent into it leave the node inside UDP datagrams (port 4789) to a
 * remote VTEP, tagged with a 24-bit VNI that keeps tenants apart. Where a frame goes is the device's own forwarding
 * table: {@code remote} (one peer), {@code group} (multicast), or static {@code fdb} entries: a bare address floods
 * broadcasts and unknown frames to that VTEP (head-end replication), {@code {mac, dst}} sends one MAC to one VTEP.
 * With {@code learning} on (the default) it also learns which VTEP each remote MAC is behind. To join the overlay
 * to an L2 segment, list it in the {@code ports} of a {@code bridge} interface of the same node.
 */
public final class VxlanType implements InterfaceType {
    public static final String NAME = "vxlan";
    public static final int DEFAULT_PORT = 4789;
    public static final long MAX_VNI = (1L << 24) - 1;
    /** Stands for a VNI that was missing or wrong (already reported), so it is not compared with others. */
    static final long INVALID_VNI = 0;

    /** A static forwarding entry: frames for {@code mac} (all of them, when empty) go to the VTEP at {@code dst}. */
    public record FdbEntry(Optional<MacAddress> mac, AddressAt dst) {
        public boolean flood() {
            return mac.isEmpty();
        }

        /** The op that makes it on {@code dev}: flood entries are appended (one per remote VTEP), unicast ones replaced. */
        public BridgeOp op(String dev) {
            return mac.isPresent() ? new BridgeOp.FdbReplace(mac.get(), dev, dst.address(), false) : new BridgeOp.FdbFlood(dev, dst.address());
        }
    }

    /**
     * @param local    source address of the encapsulated datagrams (an address of this node)
     * @param remote   the one remote VTEP (unicast), or
     * @param group    a multicast group all VTEPs of the VNI join
     * @param underlay the device the datagrams leave by
     */
    public record Spec(long vni, Optional<AddressAt> local, Optional<AddressAt> remote, Optional<AddressAt> group, int port,
                       Optional<Located> underlay, boolean learning, List<FdbEntry> fdb, Pos pos) implements InterfaceTypeSpec {
        public Spec {
            fdb = List.copyOf(fdb);
        }

        @Override
        public String type() {
            return NAME;
        }

        @Override
        public List<String> dependsOn() {
            return underlay.map(u -> List.of(u.text())).orElse(List.of());
        }

        /** The op that makes the device in namespace {@code netns}. */
        public IpOp.AddVxlan createOp(String ifname, Optional<MacAddress> mac, OptionalInt mtu, String netns) {
            IpOp.NewLink link = new IpOp.NewLink(ifname, mac, mtu, Optional.empty());
            return new IpOp.AddVxlan(link, vni, address(local), address(remote), address(group),
                    underlay.isPresent() ? Optional.of(underlay.get().text()) : Optional.empty(), port, learning, link.madeIn(netns));
        }

        private static Optional<IpAddress> address(Optional<AddressAt> a) {
            return a.isPresent() ? Optional.of(a.get().address()) : Optional.empty();
        }

        /** Its static forwarding entries, for {@code bridge -batch} once the device exists. */
        public List<BridgeOp> fdbOps(String ifname) {
            List<BridgeOp> out = new ArrayList<>();
            for (FdbEntry e : fdb) out.add(e.op(ifname));
            return out;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> fields() {
        return Set.of("vni", "local", "remote", "group", "port", "underlay", "learning", "fdb");
    }

    @Override
    public InterfaceTypeSpec parse(Fields f, String node, String iface) {
        String where = "vxlan " + node + ":" + iface;
        Diagnostics d = f.diags();
        long vni = INVALID_VNI;
        if (!f.has("vni")) d.error(f.pos(), where + " needs 'vni' (its 24-bit network identifier, 1 to " + MAX_VNI + ")");
        else vni = f.node("vni").flatMap(n -> Fields.readInteger(n, "'vni' of " + where, Long.MIN_VALUE, Long.MAX_VALUE, d))
                .filter(v -> {
                    if (v >= 1 && v <= MAX_VNI) return true;
                    d.error(f.posOf("vni"), "vni " + v + " of " + where + " does not fit in 24 bits: use 1 to " + MAX_VNI);
                    return false;
                }).orElse(INVALID_VNI);
        Optional<AddressAt> local = TypeFields.address(f, "local", where);
        Optional<AddressAt> remote = TypeFields.address(f, "remote", where);
        Optional<AddressAt> group = TypeFields.address(f, "group", where);
        if (remote.isPresent() && group.isPresent()) {
            d.error(f.posOf("group"), where + " has both 'remote' and 'group'; a VXLAN sends to one remote VTEP or to a multicast group");
        }
        group.ifPresent(g -> {
            if (!isMulticast(g.address())) d.error(g.pos(), "group " + g + " of " + where + " is not a multicast address (224.0.0.0/4 or ff00::/8)");
            if (!f.has("underlay")) d.error(g.pos(), where + " joins multicast group " + g + "; say which interface with 'underlay'");
        });
        remote.ifPresent(r -> {
            if (isMulticast(r.address())) d.error(r.pos(), "remote " + r + " of " + where + " is a multicast address; write it as 'group'");
        });
        int port = (int) f.integer("port", DEFAULT_PORT, 1, 65535);
        Optional<Located> underlay = TypeFields.ifname(f, "underlay", where);
        boolean learning = f.bool("learning", true);
        List<FdbEntry> fdb = f.node("fdb").map(n -> fdb(n, where, d)).orElse(List.of());
        return new Spec(vni, local, remote, group, port, underlay, learning, fdb, f.posOf("vni"));
    }

    private static List<FdbEntry> fdb(YNode n, String where, Diagnostics d) {
        if (!(n instanceof YSeq seq)) {
            d.error(n.pos(), "'fdb' of " + where + " must be a list of remote VTEP addresses or {mac, dst} entries");
            return List.of();
        }
        List<FdbEntry> out = new ArrayList<>();
        for (YNode item : seq.items()) {
            String what = "an 'fdb' entry of " + where;
            if (item instanceof YMap m) {
                Fields e = Fields.of(m, d, what, Set.of("mac", "dst"));
                Optional<MacAddress> mac = e.string("mac").flatMap(t -> TypeFields.unicastMac(new Located(t, e.posOf("mac")), "'mac' of " + what, d));
                Optional<AddressAt> dst = e.requiredString("dst").flatMap(t -> TypeFields.address(new Located(t, e.posOf("dst")), "'dst' of " + what, d));
                if (dst.isPresent() && (mac.isPresent() || !e.has("mac"))) out.add(new FdbEntry(mac, dst.get()));
            } else {
                Fields.asText(item, d, what).flatMap(t -> TypeFields.address(new Located(t, item.pos()), what, d))
                        .ifPresent(a -> out.add(new FdbEntry(Optional.empty(), a)));
            }
        }
        return out;
    }

    static boolean isMulticast(IpAddress a) {
        return a.isV6() ? Cidr.of("ff00::/8").contains(a) : Cidr.of("224.0.0.0/4").contains(a);
    }

    @Override
    public void validate(ModelNode node, ModelInterface iface, LabModel model, Diagnostics d) {
        Spec s = (Spec) iface.spec().typeSpec();
        String what = "vxlan " + iface.ref();
        s.local().ifPresent(l -> Endpoints.local(node, l, "local address of " + what, d));
        s.remote().ifPresent(r -> {
            if (Endpoints.remote(node, r, "remote of " + what, model, d)) s.local().ifPresent(l -> Endpoints.sameFamily(l, r, "local", "remote", d));
        });
        s.group().ifPresent(g -> s.local().ifPresent(l -> Endpoints.sameFamily(l, g, "local", "group", d)));
        for (FdbEntry e : s.fdb()) {
            if (Endpoints.remote(node, e.dst(), "fdb destination of " + what, model, d)) {
                s.local().ifPresent(l -> Endpoints.sameFamily(l, e.dst(), "local", "fdb destination", d));
            }
        }
        s.underlay().ifPresent(u -> Endpoints.sibling(node, iface, u, "underlay", d));
        Endpoints.noCycle(node, iface, d);
        // The kernel keeps one VXLAN device per VNI and UDP port in a namespace.
        for (ModelInterface other : node.interfaces().values()) {
            if (other == iface) break;
            if (other.spec().typeSpec() instanceof Spec o && s.vni() != INVALID_VNI && o.vni() == s.vni() && o.port() == s.port()) {
                d.error(s.pos(), what + ": vni " + s.vni() + " on port " + s.port() + " is already used by " + other.ref()
                        + " (a node has one VXLAN device per VNI and port)");
            }
        }
    }

    /**
     * The device goes with the node's other interfaces; its static FDB entries are forwarding rules and go to the rules
     * stage, so that a VTEP's entries are one {@code bridge -batch} instead of splitting the node's {@code ip -batch}.
     */
    @Override
    public void planCreate(ModelNode node, ModelInterface iface, Naming naming, PlanBuilder plan) {
        Spec s = (Spec) iface.spec().typeSpec();
        plan.addToNode(StageName.NODES, naming, node.name(), s.createOp(iface.name(), iface.spec().mac(), iface.spec().mtu(),
                naming.nodeNetns(node.name())));
        for (Op op : s.fdbOps(iface.name())) plan.addToNode(StageName.RULES, naming, node.name(), op);
    }

    @Override
    public Set<Feature> features() {
        return Set.of(Feature.VXLAN);
    }
}
