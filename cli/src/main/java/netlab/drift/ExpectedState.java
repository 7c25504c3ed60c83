package netlab.drift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.net.IpAddress;
import netlab.plan.BridgeOp;
import netlab.plan.DockerOp;
import netlab.plan.IpOp;
import netlab.plan.IptablesOp;
import netlab.plan.Naming;
import netlab.plan.ObjectRef;
import netlab.plan.Op;
import netlab.plan.Plan;
import netlab.plan.ServiceOp;
import netlab.plan.ShellOp;
import netlab.plan.Stage;
import netlab.plan.SysctlOp;
import netlab.plan.Unit;
import netlab.runtime.netlink.KernelState;
import netlab.topology.Impairment;
import netlab.traffic.ImpairedEnd;
import netlab.traffic.Impairments;

/**
 * What each of a lab's namespaces must hold, read off the plan that builds it: the plan is exactly what netlab
 * installs, so reading its op records (interfaces, addresses, routes, VLAN and FDB entries, sysctls, rule sets, servers) gives
 * the expected state without a second description of the lab that could disagree with it. Impairments come from the
 * model as typed values (their qdiscs are compared by their settings), a cluster's pod network from etcd (elsewhere).
 */
public final class ExpectedState {
    /** Kernel defaults for settings netlab does not write. */
    static final long BRIDGE_AGEING = 30000, VETH_MTU = 1500, LOOPBACK_MTU = 65536;
    static final int VXLAN_OVERHEAD = 50, VXLAN6_OVERHEAD = 70;

    private final Map<String, Builder> byNetns = new LinkedHashMap<>();
    private final Map<String, String> owners = new HashMap<>();
    private final Set<String> namespaces = new TreeSet<>();
    private final List<String> unknown = new ArrayList<>();

    private ExpectedState() {}

    /** The expected state of every namespace of the lab, keyed by namespace. */
    public record Lab(Map<String, Expected> namespaces, List<String> notUnderstood) {
        public Lab {
            namespaces = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(namespaces));
            notUnderstood = List.copyOf(notUnderstood);
        }
    }

    /**
     * @param dynamic per namespace, the kernel entries an extension programs at run time rather than through the plan
     *                (a cluster's pod network, programmed from etcd): not expected here, and not taken for drift
     */
    public static Lab of(Plan plan, LabModel model, Naming naming, Map<String, Expected.PodNetwork> dynamic) {
        ExpectedState s = new ExpectedState();
        s.owners.put(naming.fabricNetns(), "fabric");
        for (ModelNode n : model.nodes().values()) s.owners.put(naming.nodeNetns(n.name()), n.name());
        for (Stage stage : plan.stages()) {
            for (Unit u : stage.units()) {
                for (Op op : u.ops()) s.interpret(u, op);
            }
        }
        for (ImpairedEnd e : Impairments.of(model, naming)) s.builder(e.netns()).impairments.put(e.dev(), e.impairment());
        for (Map.Entry<String, Expected.PodNetwork> e : dynamic.entrySet()) s.builder(e.getKey()).podNetwork = e.getValue();
        for (ModelNode n : model.nodes().values()) {
            Builder b = s.byNetns.get(naming.nodeNetns(n.name()));
            if (b != null) b.keepExtra = n.spec().keepExtra();
        }
        Map<String, Expected> out = new LinkedHashMap<>();
        for (String ns : s.namespaces) {
            if (s.owners.containsKey(ns)) out.put(ns, s.builder(ns).build(ns, s.owners.get(ns), ns.equals(naming.fabricNetns())));
        }
        return new Lab(out, s.unknown);
    }

    private Builder builder(String netns) {
        return byNetns.computeIfAbsent(netns, k -> new Builder());
    }

    private void interpret(Unit u, Op op) {
        String netns = u.netns();
        if (op instanceof DockerOp.AttachNetns a) {
            namespaces.add(a.netns());
        } else if (op instanceof IpOp ip) {
            if (netns == null) {
                if (ip instanceof IpOp.NetnsAdd add) namespaces.add(add.name());
                else unknown.add("host: " + ip.describe());
            } else if (!ip.accept(new IpReading(netns))) {
                unknown.add(netns + ": " + ip.describe());
            }
        } else if (op instanceof SysctlOp s) {
            builder(netns).sysctls.put(s.key(), s.value());
        } else if (op instanceof BridgeOp b) {
            if (!b.accept(new BridgeReading(netns))) unknown.add(netns + ": bridge " + b.describe());
        } else if (op instanceof IptablesOp r) {
            builder(netns).rules = Optional.of(r.rules());
        } else if (op instanceof ServiceOp s) {
            s.creates().ifPresent(ref -> {
                if (ref instanceof ObjectRef.Listener l) builder(l.netns()).listeners.put(l.port(), s.service().describe());
            });
        } else if (op instanceof ShellOp) {
            builder(netns).exec = true;
        }
        if (op.learnsRoutes() && netns != null) builder(netns).learnsRoutes = true;
        if (op.learnsVxlanFdb() && netns != null) builder(netns).learnsVxlanFdb = true;
        // tc ops: the impairments, taken typed from the model; flannel ops: the pod network, compared with etcd;
        // docker runs: containers, which their node kind checks
    }

    private LinkB link(String netns, String name) {
        namespaces.add(netns);
        return builder(netns).links.computeIfAbsent(name, LinkB::new);
    }

    /** A new interface as an op makes it: in {@code netns}, or in the namespace the op names for it. */
    private LinkB made(String netns, IpOp.NewLink n, String kind) {
        LinkB l = link(n.netns().orElse(netns), n.name());
        l.kind = kind;
        if (n.mac().isPresent()) l.mac = Optional.of(n.mac().get().text());
        if (n.mtu().isPresent()) l.mtu = n.mtu();
        return l;
    }

    /**
     * What one {@code ip} op of a namespace's unit implies for that namespace: true when it is an op netlab's plans make
     * there. The ops only a converging up's repairs or the pod network's sync make are not understood in a plan.
     */
    private final class IpReading implements IpOp.Visitor<Boolean> {
        private final String netns;

        IpReading(String netns) {
            this.netns = netns;
        }

        @Override
        public Boolean netnsAdd(IpOp.NetnsAdd op) {
            return false; // only in the host's unit
        }

        @Override
        public Boolean addBridge(IpOp.AddBridge op) {
            LinkB l = made(netns, op.link(), "bridge");
            l.info.put("stp_state", 0L);
            l.info.put("ageing_time", op.hub() ? 0L : BRIDGE_AGEING);
            l.info.put("vlan_filtering", op.vlanAware() ? 1L : 0L);
            return true;
        }

        @Override
        public Boolean addVeth(IpOp.AddVeth op) {
            LinkB a = made(netns, op.a(), "veth"), b = made(netns, op.b(), "veth");
            a.peer = Optional.of(new Expected.Peer(op.b().netns().orElse(netns), op.b().name()));
            b.peer = Optional.of(new Expected.Peer(op.a().netns().orElse(netns), op.a().name()));
            return true;
        }

        @Override
        public Boolean addVlan(IpOp.AddVlan op) {
            made(netns, op.link(), "vlan");
            return true;
        }

        @Override
        public Boolean addVxlan(IpOp.AddVxlan op) {
            LinkB l = made(netns, op.link(), "vxlan");
            l.info.put("id", op.vni());
            l.info.put("dstport", (long) op.port());
            l.info.put("learning", op.learning() ? 1L : 0L);
            boolean v6 = op.local().isPresent() && op.local().get().isV6();
            // the kernel makes the all-zeros entry to the one remote (or group) itself
            for (Optional<IpAddress> dst : List.of(op.remote(), op.group())) {
                if (dst.isEmpty()) continue;
                v6 = dst.get().isV6();
                builder(op.link().netns().orElse(netns)).fdb.add(new Expected.Fdb(op.link().name(), "00:00:00:00:00:00", dst.get()));
            }
            if (op.underlay().isPresent()) l.underlay = op.underlay();
            l.underlayV6 = v6;
            return true;
        }

        @Override
        public Boolean addGre(IpOp.AddGre op) {
            made(netns, op.link(), op.kind());
            return true;
        }

        @Override
        public Boolean linkUp(IpOp.LinkUp op) {
            link(netns, op.dev()).up = true;
            return true;
        }

        @Override
        public Boolean linkMtu(IpOp.LinkMtu op) {
            link(netns, op.dev()).mtu = OptionalInt.of(op.mtu());
            return true;
        }

        @Override
        public Boolean linkAddress(IpOp.LinkAddress op) {
            link(netns, op.dev()).mac = Optional.of(op.mac().text());
            return true;
        }

        @Override
        public Boolean linkMaster(IpOp.LinkMaster op) {
            link(netns, op.dev()).master = Optional.of(op.master());
            return true;
        }

        @Override
        public Boolean linkNoMaster(IpOp.LinkNoMaster op) {
            link(netns, op.dev()).master = Optional.empty();
            return true;
        }

        @Override
        public Boolean linkAlias(IpOp.LinkAlias op) {
            link(netns, op.dev()).alias = Optional.of(op.alias());
            return true;
        }

        @Override
        public Boolean addrGenModeNone(IpOp.AddrGenModeNone op) {
            link(netns, op.dev()); // not compared: the kernel lists no addrgenmode in a link dump
            return true;
        }

        @Override
        public Boolean bridgePortFlags(IpOp.BridgePortFlags op) {
            LinkB l = link(netns, op.dev());
            if (op.learning().isPresent()) l.port.put("learning", op.learning().get() ? 1L : 0L);
            if (op.flood().isPresent()) l.port.put("flood", op.flood().get() ? 1L : 0L);
            if (op.hairpin().isPresent()) l.port.put("hairpin", op.hairpin().get() ? 1L : 0L);
            return true;
        }

        @Override
        public Boolean bridgeSettings(IpOp.BridgeSettings op) {
            return false; // a repair's: the plan makes a bridge with its settings
        }

        @Override
        public Boolean addrReplace(IpOp.AddrReplace op) {
            builder(netns).addresses.add(new Expected.Address(op.dev(), op.cidr()));
            return true;
        }

        @Override
        public Boolean routeReplace(IpOp.RouteReplace op) {
            String dst = op.dst().isPresent() ? op.dst().get().network().toString() : op.v6() ? "::/0" : "0.0.0.0/0";
            long metric = op.metric().isPresent() ? op.metric().getAsInt() : op.v6() ? 1024L : 0L;
            builder(netns).routes.add(new Expected.Route(op.v6(), dst, op.via(), op.dev(), metric, op.onlink()));
            return true;
        }

        @Override
        public Boolean connectedRouteReplace(IpOp.ConnectedRouteReplace op) {
            return false; // a repair's: the kernel makes it with the address
        }

        @Override
        public Boolean routeDel(IpOp.RouteDel op) {
            return false; // the pod network's, compared with etcd
        }

        @Override
        public Boolean neighReplace(IpOp.NeighReplace op) {
            return false;
        }

        @Override
        public Boolean neighDel(IpOp.NeighDel op) {
            return false;
        }
    }

    /** What one {@code bridge} op implies for its namespace: VLANs of bridge ports, static FDB entries of VXLAN devices. */
    private final class BridgeReading implements BridgeOp.Visitor<Boolean> {
        private final String netns;

        BridgeReading(String netns) {
            this.netns = netns;
        }

        @Override
        public Boolean vlanAdd(BridgeOp.VlanAdd op) {
            builder(netns).vlans.computeIfAbsent(op.dev(), k -> new ArrayList<>()).add(new KernelState.Vlan(op.vid(), op.pvidUntagged(), op.pvidUntagged()));
            return true;
        }

        @Override
        public Boolean vlanDel(BridgeOp.VlanDel op) {
            return false; // a repair's
        }

        @Override
        public Boolean fdbFlood(BridgeOp.FdbFlood op) {
            builder(netns).fdb.add(new Expected.Fdb(op.dev(), "00:00:00:00:00:00", op.dst()));
            return true;
        }

        @Override
        public Boolean fdbReplace(BridgeOp.FdbReplace op) {
            builder(netns).fdb.add(new Expected.Fdb(op.dev(), op.mac().text(), op.dst()));
            return true;
        }

        @Override
        public Boolean fdbDel(BridgeOp.FdbDel op) {
            return false; // the pod network's
        }
    }

    private static final class LinkB {
        final String name;
        String kind;
        Optional<String> mac = Optional.empty();
        OptionalInt mtu = OptionalInt.empty();
        boolean up;
        Optional<String> master = Optional.empty();
        Optional<String> alias = Optional.empty();
        final Map<String, Long> info = new HashMap<>();
        final Map<String, Long> port = new HashMap<>();
        Optional<Expected.Peer> peer = Optional.empty();
        Optional<String> underlay = Optional.empty();
        boolean underlayV6;

        LinkB(String name) {
            this.name = name;
        }
    }

    private static final class Builder {
        final Map<String, LinkB> links = new LinkedHashMap<>();
        final List<Expected.Address> addresses = new ArrayList<>();
        final List<Expected.Route> routes = new ArrayList<>();
        final List<Expected.Fdb> fdb = new ArrayList<>();
        final Map<String, List<KernelState.Vlan>> vlans = new HashMap<>();
        final Map<String, String> sysctls = new LinkedHashMap<>();
        final Map<String, Impairment> impairments = new HashMap<>();
        Optional<netlab.plan.RuleSet> rules = Optional.empty();
        final Map<Integer, String> listeners = new java.util.TreeMap<>();
        boolean learnsRoutes;
        boolean learnsVxlanFdb;
        Expected.PodNetwork podNetwork = Expected.PodNetwork.NONE;
        boolean keepExtra;
        boolean exec;

        Expected build(String netns, String owner, boolean fabric) {
            LinkB lo = links.computeIfAbsent("lo", LinkB::new);
            lo.kind = "loopback";
            if (lo.mtu.isEmpty()) lo.mtu = OptionalInt.of((int) LOOPBACK_MTU);
            for (LinkB l : links.values()) {
                if (l.kind == null) l.kind = "veth"; // set up, never added here: the end of a link made from elsewhere
                if (l.mtu.isEmpty() && l.kind.equals("veth")) l.mtu = OptionalInt.of((int) VETH_MTU);
            }
            for (LinkB l : links.values()) {
                if (l.kind.equals("vxlan") && l.mtu.isEmpty() && l.underlay.isPresent()) {
                    LinkB u = links.get(l.underlay.get());
                    if (u != null && u.mtu.isPresent()) l.mtu = OptionalInt.of(u.mtu.getAsInt() - (l.underlayV6 ? VXLAN6_OVERHEAD : VXLAN_OVERHEAD));
                }
            }
            for (LinkB l : links.values()) {
                if (!l.kind.equals("bridge") || l.mtu.isPresent()) continue;
                // a bridge whose MTU nobody set follows its smallest port; without ports it has Ethernet's
                List<LinkB> ports = links.values().stream().filter(p -> p.master.equals(Optional.of(l.name))).toList();
                if (ports.stream().allMatch(p -> p.mtu.isPresent())) {
                    l.mtu = OptionalInt.of(ports.stream().mapToInt(p -> p.mtu.getAsInt()).min().orElse((int) VETH_MTU));
                }
            }
            for (LinkB l : links.values()) {
                if (l.master.isEmpty()) continue;
                // a bridge port's defaults, unless the plan sets them
                l.port.putIfAbsent("learning", 1L);
                l.port.putIfAbsent("flood", 1L);
                l.port.putIfAbsent("hairpin", 0L);
            }
            Map<String, Expected.Link> out = new LinkedHashMap<>();
            for (LinkB l : links.values()) {
                out.put(l.name, new Expected.Link(l.name, l.kind, l.mac, l.mtu, l.up, l.master, l.alias, l.info, l.port, l.peer));
            }
            return new Expected(netns, owner, fabric, out, addresses, routes, fdb, vlans, sysctls, impairments, rules, listeners, podNetwork,
                    keepExtra, exec, learnsRoutes, learnsVxlanFdb);
        }
    }
}
