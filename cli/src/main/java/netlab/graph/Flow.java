package netlab.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.graph.LabGraph.Box;
import netlab.graph.LabGraph.Wire;

/**
 * Which way links point in a left-to-right picture: outward from a host at the edge of the lab (the first node
 * with one link), breadth first, so a path reads left to right: client, switch, router, switch, server. Each
 * drawable's distance from that start decides which end of a link is drawn on the left.
 */
final class Flow {
    private final Map<String, Integer> depth = new HashMap<>();

    private Flow() {}

    static Flow of(LabGraph g) {
        Flow f = new Flow();
        Map<String, List<String>> adj = new LinkedHashMap<>();
        for (Box b : g.boxes()) adj.computeIfAbsent(b.inside().orElse(b.id()), k -> new ArrayList<>());
        g.hubs().forEach(h -> adj.computeIfAbsent(h.id(), k -> new ArrayList<>()));
        for (Wire w : g.wires()) {
            adj.computeIfAbsent(w.a().id(), k -> new ArrayList<>()).add(w.b().id());
            adj.computeIfAbsent(w.b().id(), k -> new ArrayList<>()).add(w.a().id());
        }
        List<String> starts = new ArrayList<>();
        for (Box b : g.boxes()) if (adj.getOrDefault(b.id(), List.of()).size() == 1) starts.add(b.id());
        starts.addAll(adj.keySet());
        for (String s : starts) {
            if (f.depth.containsKey(s)) continue;
            Deque<String> q = new ArrayDeque<>();
            q.add(s);
            f.depth.put(s, 0);
            while (!q.isEmpty()) {
                String v = q.poll();
                for (String n : adj.getOrDefault(v, List.of())) {
                    if (f.depth.putIfAbsent(n, f.depth.get(v) + 1) == null) q.add(n);
                }
            }
        }
        return f;
    }

    /** True when {@code a} should be drawn to the left of {@code b}. */
    boolean leftToRight(String a, String b) {
        return depth.getOrDefault(a, 0) <= depth.getOrDefault(b, 0);
    }
}
