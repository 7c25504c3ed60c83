package netlab.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.json.Json;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.model.ModelRoute;
import netlab.model.ModelSwitch;
import netlab.net.Cidr;
import netlab.plan.Naming;
import netlab.runtime.netlink.NetlinkReader;
import netlab.runtime.ProcResult;

/**
 * Reads what a running lab really looks like (interfaces, addresses, routes of every node; bridges and ports
 * of every switch) and lists where it differs from the topology: the drift.
 */
public final class LabStatus {
    private final LabEnv env;

    public LabStatus(LabEnv env) {
        this.env = env;
    }

    /** One interface as it is now. */
    public record LiveInterface(String name, String state, boolean up, String mac, int mtu, List<String> addresses, String kind) {}

    public record LiveNode(String name, String netns, boolean exists, List<LiveInterface> interfaces, List<String> routes) {}

    public record Snapshot(String lab, String status, String topology, List<LiveNode> nodes, List<String> drift) {}

    public Snapshot snapshot(LabModel model, String status, String topologyPath, Optional<String> onlyNode) throws InterruptedException {
        Naming naming = env.naming(model.name());
        List<LiveNode> nodes = new ArrayList<>();
        List<String> drift = new ArrayList<>();
        for (ModelNode n : model.nodes().values()) {
            if (onlyNode.isPresent() && !onlyNode.get().equals(n.name())) continue;
            LiveNode live = observe(n.name(), naming.nodeNetns(n.name()));
            nodes.add(live);
            compare(n, live, drift);
            drift.addAll(netlab.nodes.NodeKinds.get(n.kind()).drift(n, env.kindRuntime(model.name())));
            if (live.exists()) drift.addAll(RuleAndServiceDrift.of(n, model, live.netns(), env.processes()));
        }
        if (onlyNode.isEmpty()) compareSwitches(model, naming, drift);
        if (onlyNode.isEmpty()) drift.addAll(netlab.cluster.ClusterDrift.of(model, naming, env.processes()));
        return new Snapshot(model.name(), status, topologyPath, nodes, drift);
    }

    LiveNode observe(String node, String netns) throws InterruptedException {
        if (!Netns.exists(netns)) return new LiveNode(node, netns, false, List.of(), List.of());
        NetlinkReader.Snapshot snap = read(netns);
        if (snap == null) return new LiveNode(node, netns, false, List.of(), List.of());
        Map<Integer, String> names = snap.names();
        List<LiveInterface> ifaces = new ArrayList<>();
        for (NetlinkReader.Link l : snap.links()) {
            List<String> addrs = new ArrayList<>();
            for (NetlinkReader.Address a : snap.addresses()) {
                // link-local addresses are the kernel's own, not the topology's
                if (a.index() == l.index() && !a.scope().equals("link")) addrs.add(a.cidr());
            }
            ifaces.add(new LiveInterface(l.name(), l.operstate(), l.up(), l.mac(), l.mtu(), addrs,
                    l.kind() != null ? l.kind() : l.name().equals("lo") ? "loopback" : "ether"));
        }
        List<String> routes = new ArrayList<>();
        for (NetlinkReader.Route r : snap.routes()) {
            if (r.v6() && (r.dst().startsWith("fe80") || r.dst().startsWith("ff00") || r.type().equals("multicast"))) continue;
            StringBuilder sb = new StringBuilder(r.dst().endsWith("/32") && !r.v6() ? r.dst().substring(0, r.dst().length() - 3) : r.dst());
            if (r.gateway() != null) sb.append(" via ").append(r.gateway());
            if (r.oif() > 0) sb.append(" dev ").append(names.getOrDefault(r.oif(), "if" + r.oif()));
            if (r.metric() >= 0 && !r.v6()) sb.append(" metric ").append(r.metric());
            routes.add(sb.toString());
        }
        return new LiveNode(node, netns, true, ifaces, routes);
    }

    /** The namespace's links, addresses and routes, read over netlink (null if it vanished meanwhile). */
    private static NetlinkReader.Snapshot read(String netns) throws InterruptedException {
        try {
            return NetlinkReader.read(netns);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return null;
        }
    }

    private void compare(ModelNode n, LiveNode live, List<String> drift) {
        if (!live.exists()) {
            drift.add(n.name() + ": namespace " + live.netns() + " is missing");
            return;
        }
        Map<String, LiveInterface> byName = new LinkedHashMap<>();
        live.interfaces().forEach(i -> byName.put(i.name(), i));
        LiveInterface lo = byName.get("lo");
        if (lo != null && !n.interfaces().containsKey("lo")) {
            for (String have : lo.addresses()) {
                if (!isLoopbackDefault("lo", have)) drift.add(n.name() + ": lo has an address the topology does not: " + have);
            }
        }
        for (ModelInterface mi : n.interfaces().values()) {
            LiveInterface li = byName.get(mi.name());
            if (li == null) {
                drift.add(n.name() + ": interface " + mi.name() + " is missing");
                continue;
            }
            if (!li.up()) drift.add(n.name() + ": interface " + mi.name() + " is down");
            Set<String> want = new HashSet<>();
            for (Cidr c : mi.addresses()) want.add(c.toString());
            for (String w : want) if (!li.addresses().contains(w)) drift.add(n.name() + ": " + mi.name() + " lacks address " + w);
            for (String have : li.addresses()) {
                if (!want.contains(have) && !isLoopbackDefault(mi.name(), have)) drift.add(n.name() + ": " + mi.name() + " has an address the topology does not: " + have);
            }
        }
        for (ModelRoute r : n.routes()) {
            boolean found = live.routes().stream().anyMatch(lr -> matches(lr, r));
            if (!found) drift.add(n.name() + ": route " + r.destination() + r.via().map(v -> " via " + v).orElse("") + " is missing");
        }
    }

    private static boolean isLoopbackDefault(String iface, String addr) {
        return iface.equals("lo") && (addr.equals("127.0.0.1/8") || addr.equals("::1/128"));
    }

    private static boolean matches(String live, ModelRoute r) {
        String dst = r.destination();
        if (!live.startsWith(dst + " ") && !live.equals(dst)) return false;
        return r.via().map(v -> live.contains(" via " + v)).orElse(true) && r.dev().map(d -> live.contains(" dev " + d)).orElse(true);
    }

    private void compareSwitches(LabModel model, Naming naming, List<String> drift) throws InterruptedException {
        if (model.switches().isEmpty()) return;
        String fabric = naming.fabricNetns();
        if (!Netns.exists(fabric)) {
            drift.add("fabric namespace " + fabric + " (the switches) is missing");
            return;
        }
        NetlinkReader.Snapshot snap = read(fabric);
        if (snap == null) {
            drift.add("fabric namespace " + fabric + " (the switches) is missing");
            return;
        }
        Map<String, NetlinkReader.Link> links = new LinkedHashMap<>();
        for (NetlinkReader.Link l : snap.links()) links.put(l.name(), l);
        Map<Integer, String> names = snap.names();
        for (ModelSwitch s : model.switches().values()) {
            if (!links.containsKey(s.name())) {
                drift.add("switch " + s.name() + " is missing");
                continue;
            }
            for (ModelSwitch.Port p : s.ports()) {
                NetlinkReader.Link port = links.get(p.portName());
                String to = p.nodeRef().orElse(p.peer().toString());
                if (port == null) drift.add("switch " + s.name() + ": port " + p.portName() + " (to " + to + ") is missing");
                else if (!s.name().equals(names.get(port.master()))) drift.add("switch " + s.name() + ": port " + p.portName() + " is not attached to it");
            }
        }
    }

    private List<Map<String, Object>> rows(String program, String netns, List<String> args) throws InterruptedException {
        List<String> argv = new ArrayList<>(List.of(program, "-n", netns, "-j"));
        argv.addAll(args);
        ProcResult r = env.processes().run(argv, null, Duration.ofSeconds(10));
        return r.ok() ? Json.rows(r.stdout()) : List.of();
    }

    /** The neighbour table of one node, as "address lladdr dev state" lines. */
    public List<String> neighbours(String netns) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : rows("ip", netns, List.of("neigh", "show"))) {
            Object st = row.get("state");
            String state = st instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : String.valueOf(st);
            out.add(row.get("dst") + (row.get("lladdr") != null ? " lladdr " + row.get("lladdr") : "") + " dev " + row.get("dev") + " " + state);
        }
        return out;
    }

}
