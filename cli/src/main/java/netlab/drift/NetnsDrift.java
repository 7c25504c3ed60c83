package netlab.drift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.net.Cidr;
import netlab.net.MacAddress;
import netlab.plan.BridgeOp;
import netlab.plan.IpOp;
import netlab.plan.IptablesOp;
import netlab.plan.Op;
import netlab.runtime.LiveRules;
import netlab.runtime.netlink.KernelState;
import netlab.topology.Impairment;
import netlab.traffic.QdiscSettings;

/**
 * Compares one namespace's kernel state with what the lab's plan makes of it, in both directions: what is missing,
 * changed, or extra, for every object the namespace holds. What the kernel makes by itself is not extra: IPv6
 * link-local addresses, routes of protocol {@code kernel} (connected subnets, the local table, multicast), routes a
 * routing daemon the plan starts there learned (protocol ospf, bgp...: {@link Expected#learnsRoutes()}), the three
 * policy rules every namespace starts with, the default qdiscs, learned FDB and neighbour entries, the bridge's own
 * local FDB entries, a device's multicast addresses, and the fallback tunnels the kernel puts in every namespace.
 *
 * <p>Each difference comes with what repairs it beyond re-running the plan (whose ops put back what is missing or
 * changed in place): deletions of what is extra or must be made again, and settings the plan only makes at creation.
 */
final class NetnsDrift {
    /** Devices the kernel makes in every new namespace once their module is loaded, by name and kind. */
    private static final Map<String, String> FALLBACK_DEVICES = Map.of("gre0", "gre", "gretap0", "gretap", "erspan0", "erspan", "tunl0", "ipip",
            "sit0", "sit", "ip6tnl0", "ip6tnl", "ip6gre0", "ip6gre", "ip_vti0", "vti", "ip6_vti0", "vti6", "ip6erspan0", "ip6erspan");

    private final Expected e;
    private final KernelState s;
    private final Map<String, KernelState> all;
    private final Map<Integer, String> names;
    private final boolean keepExtra;
    private final List<Drift> drift = new ArrayList<>();
    /** Repairs per namespace (a veth's peer may be deleted in another), in the order they must run. */
    private final Map<String, Repairs> repairs;
    private final Set<String> missingLinks = new HashSet<>();

    /** A namespace's repairs, by when they run: deletions, then settings and additions, then the firewall. */
    static final class Repairs {
        final List<Op> deletions = new ArrayList<>();
        final List<Op> settings = new ArrayList<>();
        final List<Op> additions = new ArrayList<>();
        final List<Op> firewall = new ArrayList<>();

        List<Op> inOrder() {
            List<Op> out = new ArrayList<>(deletions);
            out.addAll(settings);
            out.addAll(additions);
            out.addAll(firewall);
            return out;
        }
    }

    private NetnsDrift(Expected e, KernelState s, Map<String, KernelState> all, boolean keepExtra, Map<String, Repairs> repairs) {
        this.e = e;
        this.s = s;
        this.all = all;
        this.names = s.names();
        this.keepExtra = keepExtra;
        this.repairs = repairs;
    }

    /**
     * @param all       every namespace's state, by namespace (for a veth's peer)
     * @param v4, v6    the firewall tables as iptables-save and ip6tables-save print them (empty when the namespace has none)
     * @param keepExtra leave extra objects in place (up --keep-extra): still reported, never deleted
     */
    static List<Drift> compare(Expected e, KernelState s, Map<String, KernelState> all, LiveRules v4, LiveRules v6, boolean keepExtra,
                               Map<String, Repairs> repairs) {
        NetnsDrift d = new NetnsDrift(e, s, all, keepExtra || e.keepExtra(), repairs);
        d.links();
        d.addresses();
        d.routes();
        d.policyRules();
        d.neighbours();
        d.fdb();
        d.vlans();
        d.sysctls();
        d.qdiscs();
        d.servers();
        d.firewall(v4, v6);
        // a node that keeps what was added by hand: its extras are wanted, not drift
        return e.keepExtra() ? d.drift.stream().filter(x -> x.change() != Drift.Change.EXTRA).toList() : d.drift;
    }

    private Repairs repairs(String netns) {
        return repairs.computeIfAbsent(netns, k -> new Repairs());
    }

    private Repairs here() {
        return repairs(e.netns());
    }

    /** Where an object of the namespace is, for messages: its node, or in the fabric the switch a bridge or port belongs to. */
    private String where(String dev) {
        if (!e.fabric()) return e.owner();
        Expected.Link x = e.links().get(dev);
        if (x != null && x.kind().equals("bridge")) return "switch " + dev;
        if (x != null && x.master().isPresent()) return "switch " + x.master().get();
        Optional<KernelState.Link> l = s.link(dev);
        if (l.isPresent() && l.get().master() > 0) return "switch " + names.getOrDefault(l.get().master(), "?");
        return "fabric";
    }

    private String where() {
        return e.owner();
    }

    private void extra(String where, Drift.Thing thing, String subject, Op delete) {
        drift.add(Drift.extra(where, thing, subject));
        if (!keepExtra && delete != null) here().deletions.add(delete);
    }

    // ---- interfaces

    private void links() {
        for (Expected.Link x : e.links().values()) {
            Optional<KernelState.Link> found = s.link(x.name());
            String w = where(x.name());
            if (found.isEmpty()) {
                missingLinks.add(x.name());
                drift.add(Drift.missing(w, Drift.Thing.INTERFACE, x.name() + " (" + x.kind() + ")"));
                // a veth end is made with its peer: if the peer is still there (this end was moved or renamed), the pair must
                // go so that up can make it again
                x.peer().ifPresent(p -> {
                    KernelState other = all.get(p.netns());
                    if (other != null) other.link(p.name()).ifPresent(l -> repairs(p.netns()).deletions.add(new RepairOp.DeleteLink(l.index(), l.name())));
                });
                continue;
            }
            compareLink(x, found.get(), w);
        }
        for (KernelState.Link l : s.links()) {
            if (e.links().containsKey(l.name())) continue;
            if (l.kind() != null && l.kind().equals(FALLBACK_DEVICES.get(l.name()))) continue;
            extra(where(l.name()), Drift.Thing.INTERFACE, l.name() + " (" + l.kindOrLoopback() + ")", new RepairOp.DeleteLink(l.index(), l.name()));
        }
    }

    private void compareLink(Expected.Link x, KernelState.Link f, String w) {
        String kind = f.kindOrLoopback();
        if (!kind.equals(x.kind())) {
            missingLinks.add(x.name());
            drift.add(Drift.changed(w, Drift.Thing.INTERFACE, x.name() + " kind", x.kind(), kind));
            if (!x.name().equals("lo")) here().deletions.add(new RepairOp.DeleteLink(f.index(), f.name()));
            return;
        }
        if (x.up() && !f.up()) drift.add(Drift.changed(w, Drift.Thing.INTERFACE, x.name() + " state", "up", "down"));
        if (x.mtu().isPresent() && x.mtu().getAsInt() != f.mtu()) {
            drift.add(Drift.changed(w, Drift.Thing.INTERFACE, x.name() + " mtu", Integer.toString(x.mtu().getAsInt()), Integer.toString(f.mtu())));
            here().settings.add(new IpOp.LinkMtu(x.name(), x.mtu().getAsInt()));
        }
        if (x.mac().isPresent() && !x.mac().get().equals(f.mac())) {
            drift.add(Drift.changed(w, Drift.Thing.INTERFACE, x.name() + " address", x.mac().get(), f.mac()));
            here().settings.add(new IpOp.LinkAddress(x.name(), MacAddress.parse(x.mac().get()).orElseThrow()));
        }
        String master = f.master() > 0 ? names.getOrDefault(f.master(), "if" + f.master()) : null;
        if (!x.master().equals(Optional.ofNullable(master))) {
            drift.add(Drift.changed(w, Drift.Thing.INTERFACE, x.name() + " master", x.master().orElse("none"), master == null ? "none" : master));
            // the plan puts it back on its bridge (also from another one); only "no bridge" needs saying
            if (x.master().isEmpty()) here().settings.add(new IpOp.LinkNoMaster(x.name()));
        }
        if (x.alias().isPresent() && !x.alias().get().equals(f.alias())) {
            drift.add(Drift.changed(w, Drift.Thing.INTERFACE, x.name() + " alias", x.alias().get(), f.alias() == null ? "none" : f.alias()));
        }
        Map<String, Long> bridgeSettings = new HashMap<>();
        boolean remake = false;
        for (Map.Entry<String, Long> i : new java.util.TreeMap<>(x.info()).entrySet()) {
            Long have = f.info().get(i.getKey());
            if (have == null || have.equals(i.getValue())) continue;
            drift.add(Drift.changed(w, Drift.Thing.INTERFACE, x.name() + " " + i.getKey(), i.getValue().toString(), have.toString()));
            if (x.kind().equals("bridge")) bridgeSettings.put(i.getKey(), i.getValue());
            else remake = true;
        }
        if (!bridgeSettings.isEmpty()) here().settings.add(bridgeSettings(x.name(), bridgeSettings));
        if (remake) here().deletions.add(new RepairOp.DeleteLink(f.index(), f.name())); // a VXLAN's identity: made again by the plan
        // a port's settings count on its own bridge; on another, up puts it back and the plan sets them there
        if (x.master().isPresent() && x.master().equals(Optional.ofNullable(master)) && !f.port().isEmpty()) {
            Map<String, Boolean> portSettings = new HashMap<>();
            for (Map.Entry<String, Long> p : new java.util.TreeMap<>(x.port()).entrySet()) {
                Long have = f.port().get(p.getKey());
                if (have == null || have.equals(p.getValue())) continue;
                drift.add(Drift.changed(w, Drift.Thing.INTERFACE, x.name() + " " + p.getKey(), onOff(p.getValue()), onOff(have)));
                portSettings.put(p.getKey(), p.getValue() != 0);
            }
            if (!portSettings.isEmpty()) {
                here().settings.add(new IpOp.BridgePortFlags(x.name(), Optional.ofNullable(portSettings.get("learning")),
                        Optional.ofNullable(portSettings.get("flood")), Optional.ofNullable(portSettings.get("hairpin"))));
            }
        }
    }

    /** The op that puts a bridge's settings back: ageing_time, stp_state, vlan_filtering as {@link Expected.Link#info} names them. */
    private static IpOp.BridgeSettings bridgeSettings(String dev, Map<String, Long> s) {
        Long ageing = s.get("ageing_time"), stp = s.get("stp_state"), filtering = s.get("vlan_filtering");
        return new IpOp.BridgeSettings(dev, ageing == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(ageing),
                stp == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(stp.intValue()),
                filtering == null ? Optional.empty() : Optional.of(filtering != 0));
    }

    private static String onOff(long v) {
        return v != 0 ? "on" : "off";
    }

    // ---- addresses

    private void addresses() {
        Map<String, List<Cidr>> want = new LinkedHashMap<>();
        // the loopback's own addresses come with it being up; where netlab leaves it down (the fabric) they are neither
        // (::1 only where IPv6 is on: Docker turns it off in containers)
        List<Cidr> loopback = List.of(Cidr.of("127.0.0.1/8"), Cidr.of("::1/128"));
        boolean loUp = e.links().containsKey("lo") && e.links().get("lo").up();
        if (loUp) want.computeIfAbsent("lo", k -> new ArrayList<>()).add(loopback.get(0));
        for (Expected.Address a : e.addresses()) want.computeIfAbsent(a.dev(), k -> new ArrayList<>()).add(a.cidr());
        Set<String> matched = new HashSet<>();
        List<KernelState.Address> unmatched = new ArrayList<>();
        for (KernelState.Address a : s.addresses()) {
            if (a.v6() && a.scope() == 253) continue; // link-local: the kernel's own
            String dev = names.getOrDefault(a.index(), "if" + a.index());
            if (dev.equals("lo") && (!loUp || a.v6()) && loopback.stream().anyMatch(c -> c.toString().equals(a.cidr()))) continue;
            if (want.getOrDefault(dev, List.of()).stream().anyMatch(c -> c.toString().equals(a.cidr()))) matched.add(dev + " " + a.cidr());
            else unmatched.add(a);
        }
        for (Map.Entry<String, List<Cidr>> w : want.entrySet()) {
            String dev = w.getKey();
            if (missingLinks.contains(dev) || s.link(dev).isEmpty()) continue; // the interface's own drift says it
            for (Cidr c : w.getValue()) {
                if (matched.contains(dev + " " + c)) continue;
                Optional<KernelState.Address> other = unmatched.stream()
                        .filter(a -> a.address().equals(c.address()) && names.getOrDefault(a.index(), "").equals(dev)).findFirst();
                if (other.isPresent()) {
                    unmatched.remove(other.get());
                    drift.add(Drift.changed(where(dev), Drift.Thing.ADDRESS, c.address() + " on " + dev, c.toString(), other.get().cidr()));
                    here().deletions.add(new RepairOp.DeleteAddress(other.get(), dev));
                } else {
                    drift.add(Drift.missing(where(dev), Drift.Thing.ADDRESS, c + " on " + dev));
                }
            }
        }
        for (KernelState.Address a : unmatched) {
            String dev = names.getOrDefault(a.index(), "if" + a.index());
            extra(where(dev), Drift.Thing.ADDRESS, a.cidr() + " on " + dev,
                    new RepairOp.DeleteAddress(a, dev));
        }
    }

    // ---- routes

    private void routes() {
        List<KernelState.Route> found = new ArrayList<>();
        for (KernelState.Route r : s.routes()) {
            if (r.protocol() == KernelState.Route.PROTO_KERNEL) continue;
            if (r.byRoutingDaemon() && e.learnsRoutes()) continue; // learned by the node's routing (OSPF, BGP): its checks prove it, not the plan
            if (e.podNetwork().ownsRoute(r, names.getOrDefault(r.oif(), ""))) continue; // compared with etcd
            found.add(r);
        }
        List<Expected.Route> missing = new ArrayList<>();
        for (Expected.Route x : e.routes()) {
            Optional<KernelState.Route> m = found.stream().filter(r -> same(x, r)).findFirst();
            if (m.isPresent()) found.remove(m.get());
            else missing.add(x);
        }
        for (Expected.Route x : missing) {
            Optional<KernelState.Route> other = found.stream().filter(r -> r.v6() == x.v6() && r.dst().equals(x.dst())).findFirst();
            if (other.isPresent()) {
                found.remove(other.get());
                drift.add(Drift.changed(where(), Drift.Thing.ROUTE, destination(x), x.describe(), other.get().describe(names)));
                here().deletions.add(deleteRoute(other.get()));
            } else {
                drift.add(Drift.missing(where(), Drift.Thing.ROUTE, x.describe()));
            }
        }
        for (KernelState.Route r : found) extra(where(), Drift.Thing.ROUTE, r.describe(names), deleteRoute(r));
        connectedRoutes();
    }

    private static String destination(Expected.Route x) {
        return x.dst().endsWith("/0") ? (x.v6() ? "default (IPv6)" : "default") : x.dst();
    }

    private RepairOp.DeleteRoute deleteRoute(KernelState.Route r) {
        return new RepairOp.DeleteRoute(r, r.oif() > 0 ? Optional.of(names.getOrDefault(r.oif(), "if" + r.oif())) : Optional.empty());
    }

    private boolean same(Expected.Route x, KernelState.Route r) {
        if (r.v6() != x.v6() || r.table() != KernelState.Route.TABLE_MAIN || r.type() != 1 || !r.dst().equals(x.dst())) return false;
        if (!java.util.Objects.equals(x.via().orElse(null), r.gateway())) return false;
        if (x.dev().isPresent() && !x.dev().get().equals(names.get(r.oif()))) return false;
        if (Math.max(0, r.metric()) != x.metric()) return false;
        return x.onlink() == r.onlink() || !x.onlink();
    }

    /**
     * The kernel's own route to each address's subnet: made with the address, gone when it is deleted by hand (the
     * address stays, the subnet is no longer reachable). Not expected on an interface that is down (the kernel drops
     * them then, and puts them back when it comes up).
     */
    private void connectedRoutes() {
        for (Expected.Address a : e.addresses()) {
            Cidr c = a.cidr();
            if (c.prefix() == c.address().bits()) continue;
            Optional<KernelState.Link> l = s.link(a.dev());
            if (l.isEmpty() || !l.get().up() || missingLinks.contains(a.dev())) continue;
            if (s.addresses().stream().noneMatch(x -> x.index() == l.get().index() && x.cidr().equals(c.toString()))) continue;
            String net = c.network().toString();
            boolean there = s.routes().stream().anyMatch(r -> r.protocol() == KernelState.Route.PROTO_KERNEL && r.table() == KernelState.Route.TABLE_MAIN
                    && r.dst().equals(net) && r.oif() == l.get().index());
            if (there) continue;
            drift.add(Drift.missing(where(a.dev()), Drift.Thing.ROUTE, net + " dev " + a.dev() + " (the subnet of " + c + ")"));
            here().additions.add(new IpOp.ConnectedRouteReplace(c, a.dev()));
        }
    }

    // ---- policy rules

    private void policyRules() {
        record Default(boolean v6, int priority, int table) {}
        List<Default> defaults = new ArrayList<>(List.of(new Default(false, 0, 255), new Default(false, 32766, 254), new Default(false, 32767, 253),
                new Default(true, 0, 255), new Default(true, 32766, 254)));
        for (KernelState.PolicyRule r : s.policyRules()) {
            if (r.isKernelDefault() && defaults.remove(new Default(r.v6(), r.priority(), (int) r.table()))) continue;
            extra(where(), Drift.Thing.POLICY_RULE, (r.v6() ? "IPv6 " : "") + r.describe(),
                    new RepairOp.DeletePolicyRule(r));
        }
        for (Default d : defaults) {
            drift.add(Drift.missing(where(), Drift.Thing.POLICY_RULE, (d.v6() ? "IPv6 " : "") + "priority " + d.priority() + " lookup "
                    + KernelState.Route.tableName(d.table())));
            here().additions.add(new RepairOp.AddDefaultRule(d.v6(), d.priority(), d.table()));
        }
    }

    // ---- neighbours and forwarding entries

    private void neighbours() {
        for (KernelState.Neighbour n : s.neighbours()) {
            if (!n.permanent()) continue; // learned: the kernel's
            String dev = names.getOrDefault(n.index(), "if" + n.index());
            if (e.podNetwork().ownsDevice(dev)) continue;
            extra(where(dev), Drift.Thing.NEIGHBOUR, n.dst() + (n.lladdr() != null ? " lladdr " + n.lladdr() : "") + " dev " + dev + " permanent",
                    new RepairOp.DeleteNeighbour(n, dev));
        }
    }

    private void fdb() {
        List<Expected.Fdb> want = new ArrayList<>(e.fdb());
        for (KernelState.Fdb f : s.fdb()) {
            String dev = names.getOrDefault(f.index(), "if" + f.index());
            if (e.podNetwork().ownsDevice(dev) || !f.isStatic()) continue; // compared with etcd; learned
            Optional<KernelState.Link> link = s.link(f.index());
            String kind = link.map(KernelState.Link::kind).orElse(null);
            if (f.self() && "vxlan".equals(kind)) {
                Optional<Expected.Fdb> m = want.stream().filter(x -> x.dev().equals(dev) && x.mac().equals(f.mac()) && x.dst().equals(f.dst())).findFirst();
                if (m.isPresent()) {
                    want.remove(m.get());
                    continue;
                }
                if (e.learnsVxlanFdb()) continue; // written by the node's EVPN (zebra): its evpn checks prove it, not the plan
            } else if (f.master()) {
                if ((f.state() & KernelState.Neighbour.NUD_PERMANENT) != 0 && localMac(link, f.mac())) continue; // the bridge's own
            } else if (f.multicast()) {
                continue; // a device's multicast address list
            }
            RepairOp.DeleteFdb delete = new RepairOp.DeleteFdb(f, dev);
            extra(where(dev), Drift.Thing.FDB, delete.entryText(), delete);
        }
        for (Expected.Fdb x : want) {
            if (missingLinks.contains(x.dev())) continue;
            drift.add(Drift.missing(where(x.dev()), Drift.Thing.FDB, x.describe()));
        }
    }

    /** A MAC of the bridge {@code port} belongs to, or of one of its ports: the kernel's local entries. */
    private boolean localMac(Optional<KernelState.Link> port, String mac) {
        if (port.isEmpty()) return false;
        int bridge = port.get().kind() != null && port.get().kind().equals("bridge") ? port.get().index() : port.get().master();
        return s.links().stream().anyMatch(l -> (l.index() == bridge || l.master() == bridge) && l.mac().equalsIgnoreCase(mac));
    }

    private void vlans() {
        if (e.vlans().isEmpty()) return;
        for (Expected.Link x : e.links().values()) {
            boolean aware = x.kind().equals("bridge") && x.info().getOrDefault("vlan_filtering", 0L) == 1;
            if (!aware) continue;
            for (Expected.Link port : e.links().values()) {
                if (!port.master().equals(Optional.of(x.name())) && port != x) continue;
                Optional<KernelState.Link> f = s.link(port.name());
                if (f.isEmpty() || missingLinks.contains(port.name())) continue;
                List<KernelState.Vlan> want = e.vlans().getOrDefault(port.name(), List.of());
                List<KernelState.Vlan> have = s.vlans().getOrDefault(f.get().index(), List.of());
                String w = where(port.name());
                for (KernelState.Vlan v : want) {
                    Optional<KernelState.Vlan> h = have.stream().filter(y -> y.vid() == v.vid()).findFirst();
                    if (h.isEmpty()) drift.add(Drift.missing(w, Drift.Thing.VLAN, v.vid() + " on " + port.name()));
                    else if (!h.get().equals(v)) drift.add(Drift.changed(w, Drift.Thing.VLAN, v.vid() + " on " + port.name(), vlanFlags(v), vlanFlags(h.get())));
                }
                for (KernelState.Vlan h : have) {
                    if (want.stream().anyMatch(v -> v.vid() == h.vid())) continue;
                    drift.add(Drift.extra(w, Drift.Thing.VLAN, h.vid() + " on " + port.name()));
                    if (!keepExtra) here().deletions.add(new BridgeOp.VlanDel(h.vid(), port.name(), port == x));
                }
            }
        }
    }

    private static String vlanFlags(KernelState.Vlan v) {
        return (v.pvid() ? "pvid " : "") + (v.untagged() ? "untagged" : "tagged");
    }

    // ---- settings, traffic control, servers, firewall

    private void sysctls() {
        e.sysctls().forEach((key, value) -> {
            String have = s.sysctls().get(key);
            String want = value.strip().replaceAll("\\s+", " ");
            if (!want.equals(have)) drift.add(Drift.changed(where(), Drift.Thing.SYSCTL, key, want, have == null ? "(none)" : have));
        });
    }

    private void qdiscs() {
        Map<String, KernelState.Qdisc> roots = new HashMap<>();
        for (KernelState.Qdisc q : s.qdiscs()) {
            String dev = names.getOrDefault(q.index(), "if" + q.index());
            if (q.parent() == KernelState.Qdisc.INGRESS) {
                extra(where(dev), Drift.Thing.QDISC, q.kind() + " on " + dev, new RepairOp.DeleteQdisc(q, dev));
            } else if (q.root()) {
                roots.put(dev, q);
            }
        }
        for (Map.Entry<String, KernelState.Qdisc> r : roots.entrySet()) {
            String dev = r.getKey();
            KernelState.Qdisc q = r.getValue();
            Impairment imp = e.impairments().get(dev);
            if (imp != null) {
                QdiscSettings want = QdiscSettings.expected(imp);
                if (q.kernelDefault()) {
                    drift.add(Drift.missing(where(dev), Drift.Thing.QDISC, want.describe() + " on " + dev));
                    continue;
                }
                Optional<QdiscSettings> have = QdiscSettings.decode(q.kind(), q.options());
                if (have.isEmpty() || !want.matches(have.get())) {
                    drift.add(Drift.changed(where(dev), Drift.Thing.QDISC, "on " + dev, want.describe(), have.map(QdiscSettings::describe).orElse(q.kind())));
                }
            } else if (!q.kernelDefault()) {
                extra(where(dev), Drift.Thing.QDISC, q.kind() + " on " + dev, new RepairOp.DeleteQdisc(q, dev));
            }
        }
        for (Map.Entry<String, Impairment> i : e.impairments().entrySet()) {
            if (!roots.containsKey(i.getKey()) && !missingLinks.contains(i.getKey()) && s.link(i.getKey()).isPresent()) {
                drift.add(Drift.missing(where(i.getKey()), Drift.Thing.QDISC, QdiscSettings.expected(i.getValue()).describe() + " on " + i.getKey()));
            }
        }
    }

    private void servers() {
        e.listeners().forEach((port, what) -> {
            if (!s.listening().contains(port)) drift.add(Drift.missing(where(), Drift.Thing.SERVER, what + " (nothing listens on TCP port " + port + ")"));
        });
    }

    private void firewall(LiveRules v4, LiveRules v6) {
        if (e.rules().isPresent() || s.firewall().ipv4()) {
            FirewallDrift.Result r = FirewallDrift.compare(where(), e.rules(), v4, false, keepExtra, s.firewall().nftTables());
            drift.addAll(r.drift());
            if (r.restore().isPresent()) here().firewall.add(new IptablesOp(r.restore().get(), Optional.empty()));
            r.deleteTables().forEach(t -> here().firewall.add(new RepairOp.DeleteNftTable(false, t)));
        }
        if (s.firewall().ipv6()) {
            FirewallDrift.Result r = FirewallDrift.compare(where(), Optional.empty(), v6, true, keepExtra, s.firewall().nftTables());
            drift.addAll(r.drift());
            if (r.restore().isPresent()) here().firewall.add(new RepairOp.Ip6tablesRestore(r.restore().get()));
            r.deleteTables().forEach(t -> here().firewall.add(new RepairOp.DeleteNftTable(true, t)));
        }
    }
}
