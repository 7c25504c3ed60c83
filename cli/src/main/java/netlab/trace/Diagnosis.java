package netlab.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.json.Json;
import netlab.lab.LabEnv;
import netlab.process.ProcResult;

/**
 * Why a probe stopped where it did: asks the node it was last seen in (or the sender, when it never left) the
 * questions a person would: did a rule drop it (its counter went up)? is there a route to the destination from
 * where it came in? does the node forward at all? did the next hop answer ARP? is the other end of the link up?
 */
final class Diagnosis {
    private final LabEnv env;
    private final Map<String, String> nodeNetns;

    Diagnosis(LabEnv env, Map<String, String> nodeNetns) {
        this.env = env;
        this.nodeNetns = nodeNetns;
    }

    /** Why it never left {@code source}. */
    String neverLeft(String source, String dst, List<RuleCounters.Hit> drops, String toolOutput) throws InterruptedException {
        Optional<RuleCounters.Hit> drop = drops.stream().filter(h -> h.node().equals(source)).findFirst();
        if (drop.isPresent()) return "dropped in " + source + " by " + drop.get().describe() + " (counter +" + drop.get().packets() + ")";
        ProcResult route = ip(source, List.of("route", "get", dst));
        if (!route.ok()) return source + " has no route to " + dst + " (" + firstLine(route.errorText()) + ")";
        Optional<String> neighbour = unresolvedNextHop(source, route.stdout());
        if (neighbour.isPresent()) return neighbour.get();
        return "it never left " + source + (toolOutput.isBlank() ? "" : ": " + firstLine(toolOutput));
    }

    /** Why it stopped in {@code node} after arriving on {@code iface} (from {@code src}). */
    String stoppedIn(String node, String iface, String src, String dst, List<RuleCounters.Hit> drops) throws InterruptedException {
        Optional<RuleCounters.Hit> drop = drops.stream().filter(h -> h.node().equals(node)).findFirst();
        if (drop.isPresent()) return "dropped in " + node + " by " + drop.get().describe() + " (counter +" + drop.get().packets() + ")";
        ProcResult fwd = env.processes().run(List.of("ip", "netns", "exec", nodeNetns.get(node), "sysctl", "-n",
                dst.contains(":") ? "net.ipv6.conf.all.forwarding" : "net.ipv4.ip_forward"), null, Duration.ofSeconds(5));
        if (fwd.ok() && fwd.stdout().strip().equals("0")) {
            return node + " received it on " + iface + " but does not forward (it is not a router: forwarding is off)";
        }
        ProcResult route = ip(node, List.of("route", "get", dst, "from", src, "iif", iface));
        if (!route.ok()) {
            String why = firstLine(route.errorText());
            if (why.contains("cross-device")) return node + "'s reverse-path filter dropped it: " + src + " is not expected on " + iface;
            return node + " has no route to " + dst + " (" + why + ")";
        }
        Optional<String> neighbour = unresolvedNextHop(node, route.stdout());
        if (neighbour.isPresent()) return neighbour.get();
        return node + " received it on " + iface + " and sent it nowhere (" + firstLine(route.stdout()) + ")";
    }

    /** Why a frame that left on {@code point} never arrived on the other side. */
    String lostOnLink(CapturePoint point, Optional<CapturePoint> peer, Map<String, String> states) {
        String other = peer.map(CapturePoint::label).orElse("the other end");
        String state = peer.map(p -> states.getOrDefault(p.key(), "unknown")).orElse("unknown");
        if (!state.equals("UP") && !state.equals("unknown")) return "it left " + point.label() + " but " + other + " is " + state;
        return "it left " + point.label() + " but " + other + " never saw it";
    }

    /** The next hop of a route ("via X dev D", or the destination itself) when its neighbour entry failed. */
    private Optional<String> unresolvedNextHop(String node, String routeGet) throws InterruptedException {
        String[] w = routeGet.strip().split("\\s+");
        String dev = null, via = null;
        for (int i = 0; i + 1 < w.length; i++) {
            if (w[i].equals("dev")) dev = w[i + 1];
            if (w[i].equals("via")) via = w[i + 1];
        }
        String hop = via != null ? via : w.length > 0 ? w[0] : null;
        if (dev == null || hop == null || hop.equals("local") || hop.equals("broadcast")) return Optional.empty();
        ProcResult r = ip(node, List.of("-j", "neigh", "show", "to", hop, "dev", dev));
        List<Map<String, Object>> rows = Json.rows(r.stdout());
        if (rows.isEmpty() && !hop.contains(":")) {
            Optional<String> full = NeighbourTable.fullness();
            if (full.isPresent()) return Optional.of(node + " could not even start ARP for its next hop " + hop + " on " + dev + ": " + full.get());
        }
        for (Map<String, Object> row : rows) {
            String state = String.valueOf(row.get("state"));
            if (state.contains("FAILED") || state.contains("INCOMPLETE")) {
                return Optional.of(node + " got no ARP/ND answer from its next hop " + hop + " on " + dev + " (no neighbour)");
            }
        }
        return Optional.empty();
    }

    private ProcResult ip(String node, List<String> args) throws InterruptedException {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", nodeNetns.get(node)));
        argv.addAll(args);
        return env.processes().run(argv, null, Duration.ofSeconds(5));
    }

    private static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("").strip();
    }
}
