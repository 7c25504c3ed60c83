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
        }
        if (onlyNode.isEmpty()) compareSwitches(model, naming, drift);
        return new Snapshot(model.name(), status, topologyPath, nodes, drift);
    }

    LiveNode observe(String node, String netns) throws InterruptedException {
        if (!Netns.exists(netns)) return new LiveNode(node, netns, false, List.of(), List.of());
        List<LiveInterface> ifaces = new ArrayList<>();
        for (Map<String, Object> row : rows("ip", netns, List.of("-d", "addr", "show"))) {
            List<String> addrs = new ArrayList<>();
            Object info = row.get("addr_info");
            if (info instanceof List<?> l) {
                for (Object o : l) {
                    // link-local addresses are the kernel's own, not the topology's
                    if (o instanceof Map<?, ?> a && !"link".equals(a.get("scope"))) addrs.add(a.get("local") + "/" + a.get("prefixlen"));
                }
            }
            Object flags = row.get("flags");
            boolean up = flags instanceof List<?> fl && fl.contains("UP");
            String kind = row.get("linkinfo") instanceof Map<?, ?> li ? String.valueOf(li.get("info_kind")) : (String.valueOf(row.get("link_type")));
            ifaces.add(new LiveInterface(String.valueOf(row.get("ifname")), String.valueOf(row.get("operstate")), up,
                    String.valueOf(row.get("address")), row.get("mtu") instanceof Number m ? m.intValue() : 0, addrs, kind));
        }
        List<String> routes = new ArrayList<>();
        for (String family : List.of("-4", "-6")) {
            for (Map<String, Object> row : rows("ip", netns, List.of(family, "route", "show"))) {
                String dst = String.valueOf(row.get("dst"));
                if (family.equals("-6") && (dst.startsWith("fe80") || dst.startsWith("ff00") || "multicast".equals(row.get("type")))) continue;
                StringBuilder sb = new StringBuilder(dst);
                if (row.get("gateway") != null) sb.append(" via ").append(row.get("gateway"));
                if (row.get("dev") != null) sb.append(" dev ").append(row.get("dev"));
                if (row.get("metric") != null && !family.equals("-6")) sb.append(" metric ").append(row.get("metric"));
                routes.add(sb.toString());
            }
        }
        return new LiveNode(node, netns, true, ifaces, routes);
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
        Map<String, Map<String, Object>> links = new LinkedHashMap<>();
        for (Map<String, Object> row : rows("ip", fabric, List.of("link", "show"))) links.put(String.valueOf(row.get("ifname")), row);
        for (ModelSwitch s : model.switches().values()) {
            if (!links.containsKey(s.name())) {
                drift.add("switch " + s.name() + " is missing");
                continue;
            }
            for (ModelSwitch.Port p : s.ports()) {
                Map<String, Object> row = links.get(p.portName());
                String to = p.nodeRef().orElse(p.peer().toString());
                if (row == null) drift.add("switch " + s.name() + ": port " + p.portName() + " (to " + to + ") is missing");
                else if (!s.name().equals(row.get("master"))) drift.add("switch " + s.name() + ": port " + p.portName() + " is not attached to it");
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
