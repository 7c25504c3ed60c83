package netlab.lab;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import netlab.check.CheckBody;
import netlab.check.CheckSpec;
import netlab.check.kinds.ReachabilityCheck;
import netlab.core.Catalog;
import netlab.core.Extension;
import netlab.source.Budget;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Tally;
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

    private LabLimits() {}

    /** Reports each limit the topology passes, where it passes it; whether it passed any (never when the budget lifts them). */
    public static boolean passed(Topology t, Budget budget, Diagnostics d, Catalog catalog) {
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
        for (CheckSpec c : CheckSpec.of(t)) {
            checks.add(1, c.pos());
            pairs.add(reachabilityPairs(c.body(), t.nodes().size()), c.pos());
        }
        checks.report(d, "the topology has %d checks");
        pairs.report(d, "its reachability checks ping %d pairs of nodes");

        for (Extension e : catalog.extensions()) e.checkLimits(t, d); // what they add (a cluster's nodes and rules)
        return d.count() > before;
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
}
