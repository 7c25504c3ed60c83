package netlab.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Writes a {@link Fabric} as a netlab topology with every address given: hosts of a layer-2 shape in one /16
 * (10.0.0.0/16); in a routed shape point-to-point /30s from 10.0.0.0/10, a /24 LAN per router with hosts from
 * 10.128.0.0/9 (the router .254, its hosts .1, .2...), a loopback per router in 10.64.0.0/10. The checks: routing
 * converged where a protocol runs (a session, a route), then hosts reaching hosts, as many pairs as the host's
 * shared neighbour table takes.
 */
final class LabText {
    /** Source hosts of the reachability check at most: each needs neighbour entries in the host-wide table (1024). */
    static final int MAX_PROBING_HOSTS = 200;
    /** Hosts up to which every host pings every other (32 x 31 = 992 pairs). */
    static final int ALL_PAIRS_UP_TO = 32;
    /** Static routes at most (routers x LANs): beyond, a protocol does it better. */
    static final int MAX_STATIC_ROUTES = 200_000;

    private final StringBuilder out = new StringBuilder();
    private final Fabric f;
    private final Routing routing;
    private final List<List<String>> ifaces = new ArrayList<>();
    private final List<String> hostNames = new ArrayList<>();
    private final List<Integer> hostBox = new ArrayList<>();

    private LabText(Fabric f, Routing routing) {
        this.f = f;
        this.routing = routing;
        for (int i = 0; i < f.boxes().size(); i++) ifaces.add(new ArrayList<>());
        for (int b = 0; b < f.boxes().size(); b++) {
            for (int h = 0; h < f.hostsPerBox().get(b); h++) {
                hostNames.add("h" + (hostNames.size() + 1));
                hostBox.add(b);
            }
        }
    }

    static String write(Fabric f, Routing routing, String name, String command) {
        LabText t = new LabText(f, routing);
        t.line(0, "# " + f.shape() + " lab written by '" + command + "'");
        t.line(0, "name: " + name);
        t.line(0, "description: \"" + description(f, routing) + "\"");
        if (f.routed()) t.routed(); else t.layer2();
        return t.out.toString();
    }

    private static String description(Fabric f, Routing routing) {
        return f.shape() + ": " + (f.routed() ? f.boxes().size() + " routers (" + routing.name().toLowerCase() + "), " : f.boxes().size() + " switches, ")
                + f.hosts() + " hosts";
    }

    private void line(int indent, String s) {
        out.append("  ".repeat(indent)).append(s).append('\n');
    }

    // ---- layer 2: switches, hosts in 10.0.0.0/16

    private void layer2() {
        line(0, "switches:");
        for (String s : f.boxes()) line(1, s + ": {}");
        line(0, "nodes:");
        for (int i = 0; i < hostNames.size(); i++) line(1, hostNames.get(i) + ": {interfaces: {eth1: [" + hostAddress16(i + 1) + "/16]}}");
        line(0, "links:");
        for (Fabric.Edge e : f.edges()) line(1, "- [" + f.boxes().get(e.a()) + ", " + f.boxes().get(e.b()) + "]");
        for (int i = 0; i < hostNames.size(); i++) line(1, "- [" + hostNames.get(i) + ":eth1, " + f.boxes().get(hostBox.get(i)) + "]");
        line(0, "checks:");
        reachability();
    }

    private static String hostAddress16(int i) {
        return "10.0." + (i >> 8) + "." + (i & 255);
    }

    // ---- routed

    private record End(int box, String iface, String address, int peer, String peerAddress) {}

    private void routed() {
        List<List<End>> ends = new ArrayList<>();
        for (int i = 0; i < f.boxes().size(); i++) ends.add(new ArrayList<>());
        int k = 0;
        for (Fabric.Edge e : f.edges()) {
            int base = k++ * 4;
            String prefix = "10." + (base >> 16) + "." + ((base >> 8) & 255) + ".";
            String a = prefix + ((base & 255) + 1), b = prefix + ((base & 255) + 2);
            String ia = nextIface(e.a()), ib = nextIface(e.b());
            ends.get(e.a()).add(new End(e.a(), ia, a, e.b(), b));
            ends.get(e.b()).add(new End(e.b(), ib, b, e.a(), a));
        }
        String[] lanIface = new String[f.boxes().size()];
        for (int r = 0; r < f.boxes().size(); r++) if (f.hostsPerBox().get(r) > 0) lanIface[r] = nextIface(r);

        List<String> lanSwitches = new ArrayList<>();
        for (int r = 0; r < f.boxes().size(); r++) if (f.hostsPerBox().get(r) > 1) lanSwitches.add("lan" + (r + 1));
        if (!lanSwitches.isEmpty()) {
            line(0, "switches:");
            for (String s : lanSwitches) line(1, s + ": {}");
        }
        int[][] nextHop = routing == Routing.STATIC ? nextHops() : null;
        if (nextHop != null) checkRouteCount(nextHop);
        line(0, "nodes:");
        for (int r = 0; r < f.boxes().size(); r++) router(r, ends.get(r), lanIface[r], nextHop, ends);
        for (int i = 0; i < hostNames.size(); i++) {
            int r = hostBox.get(i);
            int nth = i - hostNames.indexOf(firstHostOf(r)) + 1;
            line(1, hostNames.get(i) + ": {interfaces: {eth1: [" + lan(r) + nth + "/24]}, gateway: " + lan(r) + "254}");
        }
        line(0, "links:");
        for (int r = 0; r < f.boxes().size(); r++) {
            for (End e : ends.get(r)) if (e.box() < e.peer()) line(1, "- [" + f.boxes().get(r) + ":" + e.iface() + ", " + f.boxes().get(e.peer()) + ":" + peerIface(ends, e) + "]");
        }
        for (int r = 0; r < f.boxes().size(); r++) {
            if (lanIface[r] == null) continue;
            String router = f.boxes().get(r) + ":" + lanIface[r];
            if (f.hostsPerBox().get(r) == 1) line(1, "- [" + router + ", " + firstHostOf(r) + ":eth1]");
            else {
                line(1, "- [" + router + ", lan" + (r + 1) + "]");
                for (int i = 0; i < hostNames.size(); i++) if (hostBox.get(i) == r) line(1, "- [" + hostNames.get(i) + ":eth1, lan" + (r + 1) + "]");
            }
        }
        line(0, "checks:");
        routingChecks(ends);
        reachability();
    }

    private String firstHostOf(int r) {
        return hostNames.get(hostBox.indexOf(r));
    }

    private static String peerIface(List<List<End>> ends, End e) {
        for (End p : ends.get(e.peer())) if (p.peer() == e.box() && p.address().equals(e.peerAddress())) return p.iface();
        throw new IllegalStateException("no peer end");
    }

    private String nextIface(int box) {
        String n = "eth" + (ifaces.get(box).size() + 1);
        ifaces.get(box).add(n);
        return n;
    }

    private static String lan(int r) {
        return "10." + (128 + (r >> 8)) + "." + (r & 255) + ".";
    }

    private static String loopback(int r) {
        return "10." + (64 + ((r + 1) >> 16)) + "." + (((r + 1) >> 8) & 255) + "." + ((r + 1) & 255);
    }

    private void router(int r, List<End> ends, String lanIface, int[][] nextHop, List<List<End>> all) {
        line(1, f.boxes().get(r) + ":");
        line(2, "forwarding: true");
        StringBuilder ifs = new StringBuilder();
        for (End e : ends) ifs.append(ifs.length() == 0 ? "" : ", ").append(e.iface()).append(": [").append(e.address()).append("/30]");
        if (lanIface != null) ifs.append(ifs.length() == 0 ? "" : ", ").append(lanIface).append(": [").append(lan(r)).append("254/24]");
        ifs.append(ifs.length() == 0 ? "" : ", ").append("lo: [").append(loopback(r)).append("/32]");
        line(2, "interfaces: {" + ifs + "}");
        switch (routing) {
            case STATIC -> staticRoutes(r, nextHop, all);
            case OSPF -> {
                line(2, "routing:");
                line(3, "ospf:");
                line(4, "interfaces:");
                for (End e : ends) line(5, e.iface() + ": {network: point-to-point, hello_interval: 1, dead_interval: 4}");
                if (lanIface != null) line(5, lanIface + ": {passive: true}");
                line(5, "lo: {passive: true}");
            }
            case BGP -> {
                line(2, "routing:");
                line(3, "bgp:");
                line(4, "as: " + asn(r));
                line(4, "networks: [" + (lanIface != null ? lan(r) + "0/24, " : "") + loopback(r) + "/32]");
                StringBuilder nb = new StringBuilder();
                for (End e : ends) nb.append(nb.length() == 0 ? "" : ", ").append("{node: ").append(f.boxes().get(e.peer())).append("}");
                line(4, "neighbors: [" + nb + "]");
            }
        }
    }

    private long asn(int r) {
        return f.boxes().size() <= 1000 ? 64512 + r : 4_200_000_000L + r;
    }

    /**
     * The router's static routes: the neighbour most destinations go through is its default gateway, and only the
     * destinations reached through another neighbour get a route of their own (a leaf of a clos or a tree needs
     * one default route, not one per LAN).
     */
    private void staticRoutes(int r, int[][] nextHop, List<List<End>> all) {
        java.util.Map<Integer, Integer> uses = new java.util.TreeMap<>();
        for (int t = 0; t < f.boxes().size(); t++) {
            if (t != r && f.hostsPerBox().get(t) > 0 && nextHop[r][t] >= 0) uses.merge(nextHop[r][t], 1, Integer::sum);
        }
        if (uses.isEmpty()) return;
        int main = uses.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        line(2, "gateway: " + addressOf(all, r, main));
        List<String> routes = new ArrayList<>();
        for (int t = 0; t < f.boxes().size(); t++) {
            if (t == r || f.hostsPerBox().get(t) == 0 || nextHop[r][t] < 0 || nextHop[r][t] == main) continue;
            routes.add("{to: " + lan(t) + "0/24, via: " + addressOf(all, r, nextHop[r][t]) + "}");
        }
        if (routes.isEmpty()) return;
        line(2, "routes:");
        for (String s : routes) line(3, "- " + s);
    }

    /** The address of neighbour {@code via} on its link with router {@code r}. */
    private static String addressOf(List<List<End>> all, int r, int via) {
        return all.get(r).stream().filter(e -> e.peer() == via).findFirst().orElseThrow().peerAddress();
    }

    /** Refuses a lab whose static routes (beyond each router's default) would be more than {@link #MAX_STATIC_ROUTES}. */
    private void checkRouteCount(int[][] nextHop) {
        long routes = 0;
        for (int r = 0; r < f.boxes().size(); r++) {
            java.util.Map<Integer, Integer> uses = new java.util.HashMap<>();
            int total = 0;
            for (int t = 0; t < f.boxes().size(); t++) {
                if (t != r && f.hostsPerBox().get(t) > 0 && nextHop[r][t] >= 0) {
                    uses.merge(nextHop[r][t], 1, Integer::sum);
                    total++;
                }
            }
            routes += total - uses.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
        if (routes > MAX_STATIC_ROUTES) {
            throw new IllegalArgumentException("this lab would need " + routes + " static routes (more than " + MAX_STATIC_ROUTES
                    + "); use --routing ospf or bgp");
        }
    }

    /** For each router and destination, the neighbour on a shortest way (breadth first from each destination). */
    private int[][] nextHops() {
        int n = f.boxes().size();
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < n; i++) adj.add(new ArrayList<>());
        for (Fabric.Edge e : f.edges()) {
            adj.get(e.a()).add(e.b());
            adj.get(e.b()).add(e.a());
        }
        int[][] next = new int[n][n];
        for (int[] row : next) Arrays.fill(row, -1);
        for (int t = 0; t < n; t++) {
            if (f.hostsPerBox().get(t) == 0) continue;
            boolean[] seen = new boolean[n];
            Deque<Integer> q = new ArrayDeque<>();
            q.add(t);
            seen[t] = true;
            while (!q.isEmpty()) {
                int u = q.poll();
                for (int v : adj.get(u)) {
                    if (seen[v]) continue;
                    seen[v] = true;
                    next[v][t] = u; // v reaches t through u, one hop nearer
                    q.add(v);
                }
            }
        }
        return next;
    }

    private void routingChecks(List<List<End>> ends) {
        if (routing == Routing.STATIC || f.edges().isEmpty()) return;
        int a = f.edges().get(0).a(), b = f.edges().get(0).b();
        int far = -1;
        for (int r = f.boxes().size() - 1; r >= 0 && far < 0; r--) if (f.hostsPerBox().get(r) > 0 && r != hostBox.get(0)) far = r;
        String proto = routing == Routing.OSPF ? "ospf" : "bgp";
        if (routing == Routing.OSPF) {
            line(1, "- ospf: {node: " + f.boxes().get(a) + ", neighbor: " + f.boxes().get(b) + ", state: Full}");
        } else {
            line(1, "- bgp: {node: " + f.boxes().get(a) + ", neighbor: " + f.boxes().get(b) + ", state: Established}");
        }
        if (far >= 0) {
            line(1, "- name: " + f.boxes().get(hostBox.get(0)) + " learned " + f.boxes().get(far) + "'s LAN from " + proto.toUpperCase());
            line(2, "route: {node: " + f.boxes().get(hostBox.get(0)) + ", to: " + lan(far) + "0/24, proto: " + proto + "}");
            line(2, "timeout: 120s");
        }
    }

    /** Hosts reach hosts: every pair in a small lab; else up to {@link #MAX_PROBING_HOSTS} hosts spread over the lab each reach the first and the last. */
    private void reachability() {
        int n = hostNames.size();
        if (n < 2) return;
        if (n <= ALL_PAIRS_UP_TO) {
            line(1, "- name: every host reaches every other host");
            line(2, "reachability: {from: [" + String.join(", ", hostNames) + "], to: [" + String.join(", ", hostNames) + "]}");
        } else {
            List<String> from = new ArrayList<>();
            int step = Math.max(1, (n + MAX_PROBING_HOSTS - 1) / MAX_PROBING_HOSTS);
            for (int i = 0; i < n; i += step) from.add(hostNames.get(i));
            line(1, "- name: " + (step == 1 ? "every host" : from.size() + " hosts spread over the lab") + " reach the first and the last host");
            line(2, "reachability: {from: [" + String.join(", ", from) + "], to: [" + hostNames.get(0) + ", " + hostNames.get(n - 1) + "]}");
        }
        if (f.routed() && routing != Routing.STATIC) line(2, "retries: 30");
        if (f.routed() && routing != Routing.STATIC) line(2, "interval: 2s");
    }
}
