package netlab.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.json.Json;
import netlab.net.IpAddress;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;

/**
 * Names the route a node used where it routed the probe: for each "routed by NODE" on the path, the node's table
 * entry that matched the packet's destination ({@code ip route get fibmatch}: the entry itself, with the protocol that
 * installed it: {@code ospf}, {@code bgp}, {@code kernel} an interface's subnet, {@code boot} netlab's own). Read
 * after the probe, so a route that changed meanwhile is the new one; a node that cannot be asked is left as it was.
 */
final class RouteProtocols {
    private static final String ROUTED = "routed by ";
    private final ProcessRunner processes;
    private final Map<String, String> nodeNetns;
    private final Map<String, Optional<String>> asked = new HashMap<>();

    RouteProtocols(ProcessRunner processes, Map<String, String> nodeNetns) {
        this.processes = processes;
        this.nodeNetns = nodeNetns;
    }

    List<Hop> name(List<Hop> hops) throws InterruptedException {
        List<Hop> out = new ArrayList<>();
        for (Hop h : hops) {
            List<String> changes = new ArrayList<>();
            for (String c : h.changes()) changes.add(c.startsWith(ROUTED) && c.contains(": ttl ") ? withRoute(c, h) : c);
            out.add(new Hop(h.sighting(), h.direction(), h.onPath(), changes));
        }
        return out;
    }

    private String withRoute(String change, Hop h) throws InterruptedException {
        String node = change.substring(ROUTED.length(), change.indexOf(':'));
        String netns = nodeNetns.get(node);
        Optional<String> dst = h.sighting().packet().innermost().ip().map(Packet.Ip::dst).filter(d -> IpAddress.parse(d).isPresent());
        if (netns == null || dst.isEmpty()) return change;
        String key = node + " " + dst.get();
        if (!asked.containsKey(key)) asked.put(key, route(netns, dst.get()));
        return asked.get(key).map(r -> change + " (" + r + ")").orElse(change);
    }

    /** "route 10.1.2.0/24, proto ospf" for the entry that matches the destination, or empty. */
    private Optional<String> route(String netns, String dst) throws InterruptedException {
        ProcResult r = processes.run(List.of("ip", "-n", netns, "-j", "route", "get", "fibmatch", dst), null, Duration.ofSeconds(5));
        if (!r.ok()) return Optional.empty();
        List<Map<String, Object>> rows = Json.rows(r.stdout());
        if (rows.isEmpty()) return Optional.empty();
        Map<String, Object> row = rows.get(0);
        Object proto = row.get("protocol");
        return Optional.of("route " + row.get("dst") + ", proto " + (proto == null ? "boot" : proto));
    }
}
