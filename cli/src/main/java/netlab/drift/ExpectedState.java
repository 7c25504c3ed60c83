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
import netlab.cluster.Backend;
import netlab.cluster.ClusterSpec;
import netlab.cluster.Flannel;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.net.MacAddress;
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
 * installs, so interpreting its ops (the {@code ip}, {@code bridge} and sysctl lines, the rule sets, the servers) gives
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

    public static Lab of(Plan plan, LabModel model, Naming naming) {
        ExpectedState s = new ExpectedState();
        s.owners.put(naming.fabricNetns(), "fabric");
        for (ModelNode n : model.nodes().values()) s.owners.put(naming.nodeNetns(n.name()), n.name());
        for (Stage stage : plan.stages()) {
            for (Unit u : stage.units()) {
                for (Op op : u.ops()) s.interpret(u, op);
            }
        }
        for (ImpairedEnd e : Impairments.of(model, naming)) s.builder(e.netns()).impairments.put(e.dev(), e.impairment());
        model.topology().cluster().ifPresent(c -> s.podNetwork(c, naming));
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
                List<String> w = words(ip.batchLine());
                if (w.size() == 3 && w.get(0).equals("netns") && w.get(1).equals("add")) namespaces.add(w.get(2));
                else unknown.add("host: " + ip.batchLine());
            } else if (!ipLine(netns, words(ip.batchLine()))) {
                unknown.add(netns + ": " + ip.batchLine());
            }
        } else if (op instanceof SysctlOp s) {
            builder(netns).sysctls.put(s.key(), s.value());
        } else if (op instanceof BridgeOp b) {
            if (!bridgeLine(netns, words(b.batchLine()))) unknown.add(netns + ": bridge " + b.batchLine());
        } else if (op instanceof IptablesOp r) {
            builder(netns).rules = Optional.of(r.text());
        } else if (op instanceof ServiceOp s) {
            s.creates().ifPresent(ref -> {
                if (ref instanceof ObjectRef.Listener l) builder(l.netns()).listeners.put(l.port(), s.service().describe());
            });
        } else if (op instanceof ShellOp) {
            builder(netns).exec = true;
        }
        // tc ops: the impairments, taken typed from the model; flannel ops: the pod network, compared with etcd;
        // docker runs: containers, which their node kind checks
    }

    private static List<String> words(String text) {
        return List.of(text.trim().split("\\s+"));
    }

    /** One line of an {@code ip -batch} run in {@code netns}; false when it is none of the forms netlab's plans use. */
    private boolean ipLine(String netns, List<String> w) {
        try {
            if (w.size() >= 4 && w.get(0).equals("link") && w.get(1).equals("set") && w.get(2).equals("dev")) return linkSet(netns, w);
            if (w.size() >= 4 && w.get(0).equals("link") && w.get(1).equals("add")) return linkAdd(netns, w);
            if (w.size() >= 4 && w.get(0).equals("addr") && w.get(1).equals("replace") && w.get(3).equals("dev")) {
                builder(netns).addresses.add(new Expected.Address(w.get(4), Cidr.parse(w.get(2)).orElseThrow()));
                return true;
            }
            if (w.size() >= 3 && w.get(0).equals("route") && w.get(1).equals("replace")) return route(netns, w);
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }

    private LinkB link(String netns, String name) {
        namespaces.add(netns);
        return builder(netns).links.computeIfAbsent(name, LinkB::new);
    }

    private boolean linkSet(String netns, List<String> w) {
        LinkB l = link(netns, w.get(3));
        boolean slave = false;
        for (int i = 4; i < w.size(); i++) {
            switch (w.get(i)) {
                case "up" -> l.up = true;
                case "down" -> l.up = false;
                case "mtu" -> l.mtu = OptionalInt.of(Integer.parseInt(w.get(++i)));
                case "address" -> l.mac = Optional.of(MacAddress.parse(w.get(++i)).orElseThrow().text());
                case "master" -> l.master = Optional.of(w.get(++i));
                case "nomaster" -> l.master = Optional.empty();
                case "alias" -> {
                    l.alias = Optional.of(String.join(" ", w.subList(i + 1, w.size())));
                    return true;
                }
                case "addrgenmode" -> i++;
                case "type" -> {
                    if (!w.get(++i).equals("bridge_slave")) return false;
                    slave = true;
                }
                case "learning", "flood", "hairpin" -> {
                    if (!slave) return false;
                    String v = w.get(++i);
                    if (!v.equals("on") && !v.equals("off")) return false;
                    l.port.put(w.get(i - 1), v.equals("on") ? 1L : 0L);
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code link add [link P] name N [address M] [mtu U] [netns NS] type KIND ...}. */
    private boolean linkAdd(String netns, List<String> w) {
        int i = 2;
        if (w.get(i).equals("link")) i += 2; // a VLAN's parent
        if (!w.get(i).equals("name")) return false;
        int type = w.indexOf("type");
        if (type < 0 || type + 1 >= w.size()) return false;
        End a = end(w.subList(i + 1, type), netns);
        String kind = w.get(type + 1);
        List<String> rest = w.subList(type + 2, w.size());
        switch (kind) {
            case "veth" -> {
                if (rest.size() < 3 || !rest.get(0).equals("peer") || !rest.get(1).equals("name")) return false;
                End b = end(rest.subList(2, rest.size()), netns);
                LinkB la = a.into(this, "veth"), lb = b.into(this, "veth");
                la.peer = Optional.of(new Expected.Peer(b.netns, b.name));
                lb.peer = Optional.of(new Expected.Peer(a.netns, a.name));
                return true;
            }
            case "bridge" -> {
                LinkB l = a.into(this, "bridge");
                l.info.put("stp_state", 0L);
                l.info.put("ageing_time", BRIDGE_AGEING);
                l.info.put("vlan_filtering", 0L);
                for (int k = 0; k < rest.size(); k++) {
                    switch (rest.get(k)) {
                        case "stp_state", "ageing_time", "vlan_filtering" -> l.info.put(rest.get(k), Long.parseLong(rest.get(++k)));
                        case "vlan_default_pvid" -> k++;
                        default -> {
                            return false;
                        }
                    }
                }
                return true;
            }
            case "vxlan" -> {
                LinkB l = a.into(this, "vxlan");
                l.info.put("learning", 1L);
                boolean v6 = false;
                for (int k = 0; k < rest.size(); k++) {
                    switch (rest.get(k)) {
                        case "id" -> l.info.put("id", Long.parseLong(rest.get(++k)));
                        case "dstport" -> l.info.put("dstport", Long.parseLong(rest.get(++k)));
                        case "nolearning" -> l.info.put("learning", 0L);
                        case "local" -> v6 = IpAddress.of(rest.get(++k)).isV6();
                        case "remote", "group" -> {
                            IpAddress dst = IpAddress.of(rest.get(++k));
                            v6 = dst.isV6();
                            // the kernel makes the all-zeros entry to the one remote (or group) itself
                            builder(a.netns).fdb.add(new Expected.Fdb(a.name, "00:00:00:00:00:00", dst));
                        }
                        case "dev" -> l.underlay = Optional.of(rest.get(++k));
                        default -> {
                            return false;
                        }
                    }
                }
                l.underlayV6 = v6;
                return true;
            }
            case "vlan", "gre", "gretap" -> {
                a.into(this, kind);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** One end of a {@code link add}: "NAME [address M] [mtu U] [netns NS]". */
    private record End(String name, Optional<String> mac, OptionalInt mtu, String netns) {
        LinkB into(ExpectedState s, String kind) {
            LinkB l = s.link(netns, name);
            l.kind = kind;
            mac.ifPresent(m -> l.mac = Optional.of(m));
            if (mtu.isPresent()) l.mtu = mtu;
            return l;
        }
    }

    private static End end(List<String> w, String netns) {
        Optional<String> mac = Optional.empty();
        OptionalInt mtu = OptionalInt.empty();
        String ns = netns;
        for (int i = 1; i < w.size(); i++) {
            switch (w.get(i)) {
                case "address" -> mac = Optional.of(MacAddress.parse(w.get(++i)).orElseThrow().text());
                case "mtu" -> mtu = OptionalInt.of(Integer.parseInt(w.get(++i)));
                case "netns" -> ns = w.get(++i);
                default -> throw new IllegalArgumentException(w.get(i));
            }
        }
        return new End(w.get(0), mac, mtu, ns);
    }

    /** {@code route replace DST [via GW] [dev D] [metric M] [onlink]}. */
    private boolean route(String netns, List<String> w) {
        String d = w.get(2);
        Optional<IpAddress> via = Optional.empty();
        Optional<String> dev = Optional.empty();
        Optional<Long> metric = Optional.empty();
        boolean onlink = false;
        for (int i = 3; i < w.size(); i++) {
            switch (w.get(i)) {
                case "via" -> via = Optional.of(IpAddress.of(w.get(++i)));
                case "dev" -> dev = Optional.of(w.get(++i));
                case "metric" -> metric = Optional.of(Long.parseLong(w.get(++i)));
                case "onlink" -> onlink = true;
                default -> {
                    return false;
                }
            }
        }
        boolean v6;
        String dst;
        if (d.equals("default")) {
            v6 = via.orElseThrow().isV6();
            dst = v6 ? "::/0" : "0.0.0.0/0";
        } else {
            Cidr c = d.contains("/") ? Cidr.of(d) : new Cidr(IpAddress.of(d), IpAddress.of(d).bits());
            v6 = c.isV6();
            dst = c.network().toString();
        }
        builder(netns).routes.add(new Expected.Route(v6, dst, via, dev, metric.orElse(v6 ? 1024L : 0L), onlink));
        return true;
    }

    /** {@code fdb append|replace MAC dev D dst IP [self] [permanent]}, {@code vlan add vid N dev P [pvid] [untagged]}. */
    private boolean bridgeLine(String netns, List<String> w) {
        try {
            if (w.size() >= 6 && w.get(0).equals("fdb") && (w.get(1).equals("append") || w.get(1).equals("replace")) && w.get(3).equals("dev")
                    && w.get(5).equals("dst")) {
                builder(netns).fdb.add(new Expected.Fdb(w.get(4), MacAddress.parse(w.get(2)).orElseThrow().text(), IpAddress.of(w.get(6))));
                return true;
            }
            if (w.size() >= 6 && w.get(0).equals("vlan") && w.get(1).equals("add") && w.get(2).equals("vid") && w.get(4).equals("dev")) {
                Set<String> flags = Set.copyOf(w.subList(6, w.size()));
                if (!Set.of("pvid", "untagged").containsAll(flags)) return false;
                builder(netns).vlans.computeIfAbsent(w.get(5), k -> new ArrayList<>())
                        .add(new KernelState.Vlan(Integer.parseInt(w.get(3)), flags.contains("pvid"), flags.contains("untagged")));
                return true;
            }
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }

    private void podNetwork(ClusterSpec c, Naming naming) {
        if (!c.backend().usesEtcd()) return;
        Expected.PodNetwork p = new Expected.PodNetwork(c.backend() == Backend.VXLAN ? Optional.of(Flannel.DEVICE) : Optional.empty(),
                Optional.of(c.network()), c.subnetLen());
        for (String node : c.nodes().keySet()) builder(naming.nodeNetns(node)).podNetwork = p;
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
        Optional<String> rules = Optional.empty();
        final Map<Integer, String> listeners = new java.util.TreeMap<>();
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
                    keepExtra, exec);
        }
    }
}
