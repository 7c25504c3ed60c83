package netlab.check.kinds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.CheckKind;
import netlab.check.NeighbourBudget;
import netlab.check.NestedProbes;
import netlab.check.NeighbourOverflow;
import netlab.check.Observation;
import netlab.check.Target;
import netlab.model.LabModel;
import netlab.net.IpAddress;
import netlab.runtime.icmp.Rows;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.yaml.Fields;

/**
 * {@code reachability: {from: all, to: all, ipv6: false}}: every node in {@code from} pings every node in
 * {@code to} (their address on a shared segment, else their first), all pairs at once from inside the nodes
 * (raw ICMP sockets, no process per pair). Succeeds when every pair answers; the detail lists pairs that did not.
 *
 * <p>Ran: there was at least one pair to probe, the matrix fits the host's neighbour table, and every source node's
 * namespace was entered and its raw socket opened. Silent pairs are observations.
 */
public record ReachabilityCheck(List<Located> from, List<Located> to, boolean v6) implements CheckBody {

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "reachability";
        }

        @Override
        public Set<String> fields() {
            return Set.of("from", "to", "ipv6");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            List<Located> from = f.has("from") ? f.textList("from") : List.of(new Located("all", f.pos()));
            List<Located> to = f.has("to") ? f.textList("to") : List.of(new Located("all", f.pos()));
            return new ReachabilityCheck(from, to, f.bool("ipv6", false));
        }
    }

    @Override
    public netlab.check.Sharing sharing() {
        return netlab.check.Sharing.TRAFFIC;
    }

    @Override
    public String kind() {
        return "reachability";
    }

    @Override
    public String describe() {
        return "reachability " + names(from) + " -> " + names(to) + (v6 ? " (IPv6)" : "");
    }

    private static String names(List<Located> l) {
        return l.size() == 1 ? l.get(0).text() : String.join(",", l.stream().map(Located::text).toList());
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        for (List<Located> side : List.of(from, to)) {
            for (Located l : side) {
                if (!l.text().equals("all")) new Target(l.text(), l.pos()).validNode(model, d, "reachability");
            }
        }
    }

    private static List<String> expand(List<Located> side, LabModel model) {
        if (side.stream().anyMatch(l -> l.text().equals("all"))) return new ArrayList<>(model.nodes().keySet());
        return side.stream().map(Located::text).toList();
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        List<String> sources = expand(from, ctx.model()), targets = expand(to, ctx.model());
        List<Rows.Row> rows = new ArrayList<>();
        List<List<String>> rowTargets = new ArrayList<>();
        for (String s : sources) {
            List<IpAddress> addrs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String t : targets) {
                if (t.equals(s)) continue;
                Optional<IpAddress> a = new Target(t, netlab.source.Pos.unknown("")).resolve(ctx.model(), s, v6);
                if (a.isEmpty()) continue;
                addrs.add(a.get());
                names.add(t);
            }
            rows.add(new Rows.Row(ctx.naming().nodeNetns(s), addrs));
            rowTargets.add(names);
        }
        if (rowTargets.stream().allMatch(List::isEmpty)) return Observation.couldNotRun("no pair of nodes to probe");
        long entries = NeighbourBudget.reachabilityEntries(ctx.model(), sources, targets);
        long limit = NeighbourBudget.hostLimit(v6);
        if (NeighbourBudget.tooMany(entries, limit)) {
            // Refuse rather than fill the host's one neighbour table, which every namespace (other labs too) shares.
            return Observation.couldNotRun("these pairs need about " + entries + " neighbour (ARP/NDP) entries at once, but the host's "
                    + "neighbour table holds " + limit + " for all namespaces together (net." + (v6 ? "ipv6" : "ipv4") + ".neigh.default.gc_thresh3); "
                    + "put fewer hosts on one segment (routers between them), or probe fewer pairs");
        }
        long t0 = System.nanoTime();
        NeighbourOverflow.Watch table = NeighbourOverflow.watch(v6);
        Map<String, BitSet> answered = Rows.ping(rows, v6, timeout, Integer.getInteger("netlab.ping.threads", 8));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        int pairs = 0, ok = 0;
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            BitSet b = answered.get(rows.get(i).netns());
            for (int j = 0; j < rowTargets.get(i).size(); j++) {
                pairs++;
                if (b.get(j)) ok++;
                else failed.add(sources.get(i) + "->" + rowTargets.get(i).get(j));
            }
        }
        String summary = ok + "/" + pairs + " pairs answered in " + ms + " ms";
        if (failed.isEmpty()) return Observation.ok(summary);
        return table.unlessOverflowed(Observation.notOk(summary + "; silent: " + String.join(", ", failed.subList(0, Math.min(10, failed.size())))
                + (failed.size() > 10 ? " and " + (failed.size() - 10) + " more" : "")), false);
    }
}
