package netlab.lab;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import netlab.check.CheckBody;
import netlab.check.kinds.ReachabilityCheck;
import netlab.cluster.ClusterSpec;
import netlab.cluster.ServiceSpec;
import netlab.source.Budget;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.topology.CheckSpec;
import netlab.topology.LinkSpec;
import netlab.topology.NodeSpec;
import netlab.topology.Topology;

/**
 * How much a lab may make and run on the host unless {@value Budget#FLAG} is given: what multiplies the work of
 * {@code up} and {@code check} (namespaces, devices, processes, packets, rules). Counted on the parsed topology,
 * before the model is built, so a file of sixty thousand nodes costs a count, not a model and a plan (loops, not
 * lambdas: this runs on every up, where each lambda is a class spun at start). Each limit
 * is far above the example labs and the benchmarks (up to 1000 nodes) and allows the 2000-node labs a generator
 * makes; an all-pairs reachability check over 2000 nodes (four million pairs) needs the flag.
 */
public final class LabLimits {
    /** Each a network namespace, or a container or pod with its own. */
    public static final long NODES = 5000;
    /** Each a bridge in the lab's fabric namespace. */
    public static final long SWITCHES = 5000;
    /** Every interface the nodes declare or links name: each a device in the kernel. */
    public static final long INTERFACES = 20_000;
    /** Each a veth pair (or two switch ports). */
    public static final long LINKS = 20_000;
    /** Each runs at least one program, with its timeout and retries. */
    public static final long CHECKS = 5000;
    /** All reachability checks together: one echo request a pair ('all' to 'all' over 1000 nodes counts 1000 x 1000). */
    public static final long REACHABILITY_PAIRS = 1_000_000;
    /** Each cluster node holds a route, a neighbour and an FDB entry for every other one. */
    public static final long CLUSTER_NODES = 1000;
    /** kube-proxy rules: every cluster node holds a chain for every service and a rule for every endpoint. */
    public static final long SERVICE_RULES = 1_000_000;

    private LabLimits() {}

    /** Reports each limit the topology passes, where it passes it; whether it passed any (never when the budget lifts them). */
    public static boolean passed(Topology t, Budget budget, Diagnostics d) {
        if (!budget.limitsLab()) return false;
        int before = d.count();
        Tally nodes = new Tally(NODES), interfaces = new Tally(INTERFACES);
        Map<String, Set<String>> linked = interfacesNamedByLinks(t);
        for (NodeSpec n : t.nodes().values()) {
            nodes.add(1, n.pos());
            Set<String> names = new HashSet<>(n.interfaces().keySet());
            names.addAll(linked.getOrDefault(n.name(), Set.of()));
            interfaces.add(names.size(), n.pos());
        }
        nodes.report(d, "the topology has %d nodes");
        interfaces.report(d, "the nodes have %d interfaces (declared or named by links)");

        Tally switches = new Tally(SWITCHES);
        for (var s : t.switches().values()) switches.add(1, s.pos());
        switches.report(d, "the topology has %d switches");

        Tally links = new Tally(LINKS);
        for (LinkSpec l : t.links()) links.add(1, l.pos());
        links.report(d, "the topology has %d links");

        Tally checks = new Tally(CHECKS), pairs = new Tally(REACHABILITY_PAIRS);
        for (CheckSpec c : t.checks()) {
            checks.add(1, c.pos());
            pairs.add(reachabilityPairs(c.body(), t.nodes().size()), c.pos());
        }
        checks.report(d, "the topology has %d checks");
        pairs.report(d, "its reachability checks ping %d pairs of nodes");

        if (t.cluster().isPresent()) cluster(t.cluster().get(), d);
        return d.count() > before;
    }

    private static void cluster(ClusterSpec c, Diagnostics d) {
        Tally nodes = new Tally(CLUSTER_NODES);
        for (var n : c.nodes().values()) nodes.add(1, n.pos());
        nodes.report(d, "the cluster has %d nodes (each holds an entry for every other)");

        Tally rules = new Tally(SERVICE_RULES);
        long clusterNodes = c.nodes().size();
        for (ServiceSpec s : c.services().values()) rules.add(clusterNodes * (1 + s.endpoints().size()), s.pos());
        rules.report(d, "the services make %d kube-proxy rules (a chain for each service and a rule for each endpoint, on every cluster node)");
    }

    /** Node interfaces links name, by node: links create the interfaces nodes do not declare. */
    private static Map<String, Set<String>> interfacesNamedByLinks(Topology t) {
        Map<String, Set<String>> out = new HashMap<>();
        for (LinkSpec l : t.links()) {
            for (var e : new netlab.topology.Endpoint[] {l.a(), l.b()}) {
                if (e.iface().isEmpty()) continue;
                Set<String> names = out.get(e.name());
                if (names == null) out.put(e.name(), names = new HashSet<>());
                names.add(e.iface().get());
            }
        }
        return out;
    }

    /** The pairs the reachability probes of one check (and the probes inside it) ping, "all" being every node. */
    static long reachabilityPairs(CheckBody body, long nodeCount) {
        long pairs = 0;
        Deque<CheckBody> todo = new ArrayDeque<>(java.util.List.of(body));
        while (!todo.isEmpty()) {
            CheckBody b = todo.pop();
            if (b instanceof ReachabilityCheck r) pairs += side(r.from(), nodeCount) * side(r.to(), nodeCount);
            todo.addAll(b.nested());
        }
        return pairs;
    }

    private static long side(java.util.List<Located> names, long nodeCount) {
        for (Located l : names) if (l.text().equals("all")) return nodeCount;
        return names.size();
    }

    /** A running count against one limit, remembering where it was passed (the first thing over it). */
    private static final class Tally {
        private final long limit;
        private long total;
        private Pos passedAt;

        Tally(long limit) {
            this.limit = limit;
        }

        void add(long n, Pos at) {
            total += n;
            if (total > limit && passedAt == null) passedAt = at;
        }

        /** {@code what} has one %d, the count: "the topology has %d nodes". */
        void report(Diagnostics d, String what) {
            if (passedAt == null) return;
            d.error(passedAt, what.replace("%d", Long.toString(total)) + ", over the limit of " + limit + " from here on ("
                    + Budget.FLAG + " lifts it)");
        }
    }
}
