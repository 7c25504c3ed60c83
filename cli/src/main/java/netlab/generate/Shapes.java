package netlab.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shapes {@code netlab generate} knows, as Mininet and the data-centre literature name them. Layer 2: star (one
 * switch, N hosts) and linear (N switches in a chain, a host on each). Routed: ring, grid, tree, clos (spines and
 * leaves) and fat-tree (k pods of k/2 aggregation and k/2 edge routers under (k/2)^2 cores), hosts on the routers
 * that face them.
 */
final class Shapes {
    private Shapes() {}

    static Fabric star(int hosts) {
        return new Fabric("star", false, List.of("s1"), List.of(), List.of(hosts));
    }

    static Fabric linear(int switches, int hostsEach) {
        List<String> boxes = names("s", switches);
        List<Fabric.Edge> edges = new ArrayList<>();
        for (int i = 1; i < switches; i++) edges.add(new Fabric.Edge(i - 1, i));
        return new Fabric("linear", false, boxes, edges, Collections.nCopies(switches, hostsEach));
    }

    static Fabric ring(int routers, int hostsEach) {
        List<Fabric.Edge> edges = new ArrayList<>();
        for (int i = 0; i < routers; i++) edges.add(new Fabric.Edge(i, (i + 1) % routers));
        if (routers == 2) edges.remove(1); // two routers: one link, not two between the same pair
        return new Fabric("ring", true, names("r", routers), edges, Collections.nCopies(routers, hostsEach));
    }

    static Fabric grid(int rows, int cols, int hostsEach) {
        List<String> boxes = new ArrayList<>();
        List<Fabric.Edge> edges = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                boxes.add("r" + (r + 1) + "x" + (c + 1));
                int i = r * cols + c;
                if (c + 1 < cols) edges.add(new Fabric.Edge(i, i + 1));
                if (r + 1 < rows) edges.add(new Fabric.Edge(i, i + cols));
            }
        }
        return new Fabric("grid", true, boxes, edges, Collections.nCopies(rows * cols, hostsEach));
    }

    /** A tree of routers {@code depth} levels deep, each inner one with {@code fanout} children; hosts on the leaves. */
    static Fabric tree(int depth, int fanout, int hostsEach) {
        List<String> boxes = new ArrayList<>();
        List<Fabric.Edge> edges = new ArrayList<>();
        List<Integer> hosts = new ArrayList<>();
        List<Integer> level = List.of(0);
        boxes.add("r1");
        hosts.add(depth == 1 ? hostsEach : 0);
        for (int d = 2; d <= depth; d++) {
            List<Integer> next = new ArrayList<>();
            for (int parent : level) {
                for (int f = 0; f < fanout; f++) {
                    boxes.add("r" + (boxes.size() + 1));
                    int child = boxes.size() - 1;
                    edges.add(new Fabric.Edge(parent, child));
                    hosts.add(d == depth ? hostsEach : 0);
                    next.add(child);
                }
            }
            level = next;
        }
        return new Fabric("tree", true, boxes, edges, hosts);
    }

    static Fabric clos(int spines, int leaves, int hostsEach) {
        List<String> boxes = new ArrayList<>(names("spine", spines));
        boxes.addAll(names("leaf", leaves));
        List<Fabric.Edge> edges = new ArrayList<>();
        for (int l = 0; l < leaves; l++) for (int s = 0; s < spines; s++) edges.add(new Fabric.Edge(s, spines + l));
        List<Integer> hosts = new ArrayList<>(Collections.nCopies(spines, 0));
        hosts.addAll(Collections.nCopies(leaves, hostsEach));
        return new Fabric("clos", true, boxes, edges, hosts);
    }

    /** Al-Fares et al.'s fat tree for an even k: (k/2)^2 cores, k pods of k/2 aggregation and k/2 edge routers, k/2 hosts on each edge router. */
    static Fabric fatTree(int k) {
        int half = k / 2;
        List<String> boxes = new ArrayList<>(names("core", half * half));
        List<Integer> hosts = new ArrayList<>(Collections.nCopies(half * half, 0));
        List<Fabric.Edge> edges = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            int aggBase = boxes.size();
            for (int a = 0; a < half; a++) {
                boxes.add("p" + (p + 1) + "agg" + (a + 1));
                hosts.add(0);
            }
            int edgeBase = boxes.size();
            for (int e = 0; e < half; e++) {
                boxes.add("p" + (p + 1) + "edge" + (e + 1));
                hosts.add(half);
            }
            for (int a = 0; a < half; a++) {
                for (int c = 0; c < half; c++) edges.add(new Fabric.Edge(a * half + c, aggBase + a));
                for (int e = 0; e < half; e++) edges.add(new Fabric.Edge(aggBase + a, edgeBase + e));
            }
        }
        return new Fabric("fat-tree", true, boxes, edges, hosts);
    }

    private static List<String> names(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) out.add(prefix + i);
        return out;
    }
}
