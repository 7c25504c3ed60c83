package netlab.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.json.Json;
import netlab.net.IpAddress;
import netlab.process.ProcResult;

/**
 * Whether what a node sends to an address can leave it at all: the node's route to it ({@code ip route get}, the
 * kernel's own answer) and the state of the interface that route goes out of. A probe that got no answer asks this
 * to tell "sent, and nothing came back" from "nothing was sent": a way out that is down or has no carrier (its
 * cable pulled at either end) takes the packets and drops them, and the probe cannot tell.
 */
public final class Egress {
    /** Route types whose packets go nowhere (the others, unicast, local, broadcast, multicast, leave by a device). */
    private static final java.util.Set<String> DISCARDING = java.util.Set.of("unreachable", "blackhole", "prohibit", "throw");

    private Egress() {}

    /**
     * Why nothing {@code node} sends to {@code dst} (out of {@code device}, when the probe is bound to one) leaves it;
     * empty when it can leave. {@link CouldNotRun} when the node's namespace or that device is not there.
     */
    public static Optional<String> blocked(CheckContext ctx, String node, IpAddress dst, Optional<String> device) throws InterruptedException {
        String netns = ctx.naming().nodeNetns(new Target(node, netlab.source.Pos.unknown("")).node()); // a pod's members share its namespace
        List<String> argv = new ArrayList<>(List.of("ip", "-n", netns, "-j"));
        if (dst.isV6()) argv.add("-6");
        argv.addAll(List.of("route", "get", dst.toString()));
        device.ifPresent(d -> argv.addAll(List.of("oif", d)));
        ProcResult r = ctx.processes().run(argv, null, Duration.ofSeconds(10));
        if (!r.ok()) {
            String err = r.errorText().lines().findFirst().orElse("");
            if (err.contains("Network is unreachable") || err.contains("No route to host")) return Optional.of(node + " has no route to " + dst);
            throw new CouldNotRun("cannot ask " + node + " for its route to " + dst + ": " + err);
        }
        List<Map<String, Object>> rows = Json.rows(r.stdout());
        if (rows.isEmpty() || rows.get(0).get("dev") == null) return Optional.empty();
        Map<String, Object> route = rows.get(0);
        String type = String.valueOf(route.getOrDefault("type", "unicast"));
        if (DISCARDING.contains(type)) return Optional.of(node + "'s route to " + dst + " is " + type);
        String dev = String.valueOf(route.get("dev"));
        for (Map<String, Object> link : ctx.jsonRows("ip", netns, List.of("link", "show", "dev", dev))) {
            List<?> flags = link.get("flags") instanceof List<?> l ? l : List.of();
            if (!flags.contains("UP")) return Optional.of(node + ":" + dev + ", its way to " + dst + ", is down");
            if (!flags.contains("LOWER_UP")) return Optional.of(node + ":" + dev + ", its way to " + dst + ", has no carrier");
        }
        return Optional.empty();
    }
}
