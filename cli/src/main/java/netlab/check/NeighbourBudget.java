package netlab.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.net.IpAddress;
import netlab.source.Pos;

/**
 * The host's neighbour table (ARP, NDP) is one for every namespace on the machine, other labs' included, and holds
 * {@code net.ipv4.neigh.default.gc_thresh3} entries (1024 by default); entries younger than 5 seconds are not freed to
 * make room. Traffic that needs more entries at once than that has some of its packets dropped, at random, for want of
 * an entry. This estimates what a lab's checks need, so that it can be said before they run.
 */
public final class NeighbourBudget {
    private NeighbourBudget() {}

    /** The host's limit for all namespaces together (read, never changed); 1024, the kernel's default, if unreadable. */
    public static long hostLimit(boolean v6) {
        // read as a stream: Files.readString trusts the file size, which procfs reports as 0
        Path p = Path.of("/proc/sys/net", v6 ? "ipv6" : "ipv4", "neigh/default/gc_thresh3");
        try (InputStream in = Files.newInputStream(p)) {
            return Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return 1024;
        }
    }

    /** Whether {@code entries} at once are more than the table can be counted on for (80% of it: others use it too). */
    public static boolean tooMany(long entries, long limit) {
        return entries > limit * 8 / 10;
    }

    /**
     * One line saying that the checks' traffic needs more neighbour entries at once than the host's table holds, for
     * the family whose table it overflows; empty when it fits.
     */
    public static Optional<String> warning(CheckContext ctx, List<CheckSpec> checks) throws InterruptedException {
        for (boolean v6 : new boolean[] {false, true}) {
            Optional<String> w = warning(entries(ctx, checks, v6), hostLimit(v6), v6);
            if (w.isPresent()) return w;
        }
        return Optional.empty();
    }

    /** The line for {@code entries} needed at once against a table of {@code limit}; empty when they fit. */
    static Optional<String> warning(long entries, long limit, boolean v6) {
        if (!tooMany(entries, limit)) return Optional.empty();
        return Optional.of("these checks need about " + entries + " neighbour (" + (v6 ? "NDP" : "ARP") + ") entries at once, but the host's table"
                + " holds " + limit + " for all namespaces together (net." + (v6 ? "ipv6" : "ipv4") + ".neigh.default.gc_thresh3): some of"
                + " their packets will be dropped, and checks fail at random; put fewer hosts on one segment (routers between them), or"
                + " check fewer of them at a time (-c NAME)");
    }

    /**
     * Entries the traffic of {@code checks} needs: a probe between two nodes of one segment needs an entry on each side;
     * one across a router needs, at each end, the end's entry for its gateway and the gateway's entry for the end.
     */
    static long entries(CheckContext ctx, List<CheckSpec> checks, boolean v6) throws InterruptedException {
        LabModel model = ctx.model();
        Map<IpAddress, ModelInterface> owners = new HashMap<>();
        for (ModelNode n : model.nodes().values()) {
            for (ModelInterface i : n.interfaces().values()) i.addresses().forEach(c -> owners.putIfAbsent(c.address(), i));
        }
        Set<String> entries = new HashSet<>();
        for (CheckSpec c : checks) {
            Optional<String> sender = c.body().sender();
            if (sender.isEmpty()) continue;
            Optional<IpAddress> dst;
            try {
                dst = c.body().destination(ctx);
            } catch (RuntimeException e) {
                continue; // the check itself will say what is missing
            }
            if (dst.isEmpty() || dst.get().isV6() != v6) continue;
            String from = new Target(sender.get(), Pos.unknown("")).node();
            ModelInterface to = owners.get(dst.get());
            if (to != null && to.node().equals(from)) continue;
            if (to != null && to.segment().isPresent() && onSegment(model, from, to.segment().get())) {
                entries.add(from + ">" + to.node());
                entries.add(to.node() + ">" + from);
                continue;
            }
            entries.add(from + ">gateway");
            entries.add("gateway>" + from);
            if (to != null) {
                entries.add(to.node() + ">gateway");
                entries.add("gateway>" + to.node());
            }
        }
        return entries.size();
    }

    private static boolean onSegment(LabModel model, String node, String segment) {
        return model.node(node).map(n -> n.interfaces().values().stream().anyMatch(i -> i.segment().equals(Optional.of(segment)))).orElse(false);
    }

    /** Pairs on one segment each need an entry on both sides; pairs across a router need only the gateway's. */
    public static long reachabilityEntries(LabModel model, List<String> sources, List<String> targets) {
        long n = 0;
        for (String s : sources) {
            for (String t : targets) {
                if (s.equals(t)) continue;
                boolean sameSegment = model.node(s).orElseThrow().interfaces().values().stream().anyMatch(si -> si.segment().isPresent()
                        && model.node(t).orElseThrow().interfaces().values().stream().anyMatch(ti -> ti.segment().equals(si.segment())));
                if (sameSegment) n += 2;
            }
        }
        return n / 2 + sources.size(); // both directions share the entries; plus a gateway entry per source
    }
}
