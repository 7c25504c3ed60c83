package netlab.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.core.Extension;
import netlab.drift.Drift;
import netlab.drift.Expected;
import netlab.drift.ExpectedState;
import netlab.drift.KernelDrift;
import netlab.json.Json;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.plan.Naming;
import netlab.plan.build.Planner;
import netlab.process.ProcResult;
import netlab.runtime.netlink.KernelState;
import netlab.state.LabName;

/**
 * Reads what a running lab really looks like and lists where it differs from its topology: the drift. The kernel of
 * every namespace is compared with what the lab's plan makes, object by object and both ways (missing, changed, extra:
 * see {@link KernelDrift}); containers are asked of Docker (their node kind), an extension's own state by the
 * extension (a cluster's pod network, against etcd; a routing node's FRR daemons).
 */
public final class LabStatus {
    private final LabEnv env;

    public LabStatus(LabEnv env) {
        this.env = env;
    }

    /** One interface as it is now. */
    public record LiveInterface(String name, String state, boolean up, String mac, int mtu, List<String> addresses, String kind) {}

    public record LiveNode(String name, String netns, boolean exists, List<LiveInterface> interfaces, List<String> routes) {}

    public record Snapshot(String lab, String status, String topology, List<LiveNode> nodes, List<Drift> drift) {}

    /** What status shows and what up converges: the drift, with the repairs of what the kernel holds. */
    public record Found(List<Drift> drift, KernelDrift.Result kernel) {}

    public Snapshot snapshot(LabModel model, String status, String topologyPath, Optional<String> onlyNode) throws InterruptedException {
        Naming naming = env.naming(model.name());
        Found found = find(model, onlyNode, false);
        Map<String, KernelState> states = found.kernel().reading().states();
        List<LiveNode> nodes = new ArrayList<>();
        for (ModelNode n : model.nodes().values()) {
            if (onlyNode.isPresent() && !onlyNode.get().equals(n.name())) continue;
            String netns = naming.nodeNetns(n.name());
            nodes.add(live(n.name(), netns, states.get(netns)));
        }
        return new Snapshot(model.name(), status, topologyPath, nodes, found.drift());
    }

    /**
     * The lab's drift: its namespaces' kernels against its plan, its nodes as their kinds see them, its extensions'
     * own state (a cluster's pod network).
     *
     * @param keepExtra extra objects are reported but get no repair (up --keep-extra)
     */
    public Found find(LabModel model, Optional<String> onlyNode, boolean keepExtra) throws InterruptedException {
        Naming naming = env.naming(model.name());
        Map<String, Expected.PodNetwork> dynamic = new LinkedHashMap<>();
        for (Extension e : env.catalog().extensions()) dynamic.putAll(e.dynamicEntries(model, naming));
        ExpectedState.Lab expected = ExpectedState.of(Planner.plan(model, env.kindRuntime(model.name()), env.catalog()), model, naming, dynamic);
        Set<String> only = onlyNode.map(n -> Set.of(naming.nodeNetns(n))).orElse(Set.of());
        KernelDrift.Reading reading = KernelDrift.read(expected, only, env.processes());
        KernelDrift.Result kernel = KernelDrift.compare(expected, reading, only, keepExtra);
        List<Drift> drift = new ArrayList<>(kernel.drift());
        for (ModelNode n : model.nodes().values()) {
            if (onlyNode.isPresent() && !onlyNode.get().equals(n.name())) continue;
            drift.addAll(env.catalog().nodeKinds().get(n.kind()).drift(n, env.kindRuntime(model.name())));
        }
        if (onlyNode.isEmpty()) {
            Path workDir = env.store().workDir(LabName.of(model.name()));
            for (Extension e : env.catalog().extensions()) drift.addAll(e.drift(model, naming, env.processes(), reading.states(), workDir));
        }
        return new Found(drift, kernel);
    }

    private static LiveNode live(String node, String netns, KernelState s) {
        if (s == null) return new LiveNode(node, netns, false, List.of(), List.of());
        Map<Integer, String> names = s.names();
        List<LiveInterface> ifaces = new ArrayList<>();
        for (KernelState.Link l : s.links()) {
            List<String> addrs = new ArrayList<>();
            for (KernelState.Address a : s.addresses()) {
                // link-local addresses are the kernel's own, not the topology's
                if (a.index() == l.index() && a.scope() != 253) addrs.add(a.cidr());
            }
            ifaces.add(new LiveInterface(l.name(), l.operstate(), l.up(), l.mac(), l.mtu(), addrs, l.kind() != null ? l.kind() : l.name().equals("lo") ? "loopback" : "ether"));
        }
        List<String> routes = new ArrayList<>();
        for (KernelState.Route r : s.routes()) {
            if (r.table() != KernelState.Route.TABLE_MAIN) continue;
            if (r.v6() && (r.dst().startsWith("fe80") || r.dst().startsWith("ff00") || r.type() == 5)) continue;
            String dst = r.isDefault() ? "default" : r.dst().endsWith("/32") && !r.v6() ? r.dst().substring(0, r.dst().length() - 3) : r.dst();
            StringBuilder sb = new StringBuilder(r.type() != 1 ? r.typeName() + " " + dst : dst);
            if (r.gateway() != null) sb.append(" via ").append(r.gateway());
            if (r.oif() > 0) sb.append(" dev ").append(names.getOrDefault(r.oif(), "if" + r.oif()));
            if (r.metric() >= 0 && !r.v6()) sb.append(" metric ").append(r.metric());
            routes.add(sb.toString());
        }
        return new LiveNode(node, netns, true, ifaces, routes);
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
