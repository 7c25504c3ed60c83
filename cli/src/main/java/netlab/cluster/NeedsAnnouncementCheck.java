package netlab.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.CheckKind;
import netlab.check.CouldNotRun;
import netlab.check.NestedProbes;
import netlab.check.Observation;
import netlab.doctor.Feature;
import netlab.model.LabModel;
import netlab.net.Cidr;
import netlab.process.ProcResult;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.yaml.Fields;

/**
 * {@code needs_announcement: {node: node2, probe: {ping: {from: pod1, to: pod5}}, unaffected: {ping: {from: pod1,
 * to: pod9}}}} (backend bgp): proves a path depends on the node's BGP announcement of its pod subnet, and only that
 * path. The probe (and {@code unaffected}) must work; then the node withdraws its subnet (its bgpd's {@code no
 * network SUBNET}, through vtysh), and once no other cluster node's kernel holds a route to the subnet any more the
 * probe must fail while {@code unaffected} still works; then the node announces it again, and once every other node
 * holds the route again the probe must work again. Whatever happens, the announcement is put back before the check
 * ends. With {@code expect: failure}: the path does not need that announcement.
 *
 * <p>Ran: vtysh in the node took the change both ways, the probes ran each time, and both worked with the
 * announcement (a path broken anyway shows nothing). A route that stays after the withdrawal, the probe working
 * without it, {@code unaffected} failing, or the path not coming back are observations (failures).
 */
public record NeedsAnnouncementCheck(String node, Optional<CheckBody> probe, Optional<CheckBody> unaffected, Pos nodePos, Pos pos)
        implements CheckBody {

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "needs_announcement";
        }

        @Override
        public Set<String> fields() {
            return Set.of("node", "probe", "unaffected");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            String node = f.requiredString("node").orElse("").trim();
            if (!f.has("probe")) {
                f.diags().error(f.pos(), "a needs_announcement check needs 'probe': the probe that must fail without the node's announcement");
            }
            Optional<CheckBody> probe = f.mapping("probe").flatMap(m -> nested.read(m, "probe", "{ping: {from: pod1, to: pod5}}", f.diags()));
            Optional<CheckBody> unaffected = f.mapping("unaffected").flatMap(m -> nested.read(m, "unaffected", "{ping: {from: pod1, to: pod9}}",
                    f.diags()));
            return new NeedsAnnouncementCheck(node, probe, unaffected, f.posOf("node"), f.posOf("probe"));
        }
    }

    @Override
    public String kind() {
        return "needs_announcement";
    }

    @Override
    public List<CheckBody> nested() {
        List<CheckBody> out = new ArrayList<>();
        probe.ifPresent(out::add);
        unaffected.ifPresent(out::add);
        return out;
    }

    @Override
    public String describe() {
        return probe.map(CheckBody::describe).orElse("probe") + " needs the BGP announcement of " + node
                + unaffected.map(u -> ", " + u.describe() + " does not").orElse("");
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public Set<Feature> features() {
        Set<Feature> f = new HashSet<>(Set.of(Feature.FRR));
        for (CheckBody b : nested()) f.addAll(b.features());
        return f;
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        Optional<ClusterSpec> c = ClusterSpec.of(model.topology());
        if (c.isEmpty()) {
            d.error(nodePos, "a needs_announcement check needs a cluster: the lab has no 'cluster' section");
        } else if (c.get().backend() != Backend.BGP) {
            d.error(nodePos, "a needs_announcement check needs a cluster with backend bgp; this one's is " + c.get().backend().word()
                    + " (its nodes announce nothing)");
        } else {
            ClusterTarget.node(c.get(), node, nodePos, "the node of a needs_announcement check", d);
        }
        for (CheckBody b : nested()) b.validate(model, d);
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        ClusterSpec c = ClusterSpec.of(ctx.model().topology()).orElseThrow();
        Cidr subnet = c.nodes().get(node).subnet();
        List<String> others = c.nodes().keySet().stream().filter(n -> !n.equals(node)).toList();
        CheckBody p = probe.orElseThrow();
        Observation with = p.observe(ctx, timeout);
        if (!with.ran()) return Observation.couldNotRun("the probe could not run with " + node + "'s announcement: " + with.detail());
        if (!with.ok()) {
            return Observation.couldNotRun("with " + node + "'s announcement the probe already fails, so it cannot show a need for it: " + with.detail());
        }
        Optional<Observation> keptWith = unaffected.isPresent() ? Optional.of(unaffected.get().observe(ctx, timeout)) : Optional.empty();
        if (keptWith.isPresent() && !(keptWith.get().ran() && keptWith.get().ok())) {
            return Observation.couldNotRun("'unaffected' does not work even with " + node + "'s announcement: " + keptWith.get().detail());
        }
        Observation without;
        Optional<Observation> keptWithout = Optional.empty();
        String gone;
        try {
            announce(ctx, subnet, false);
            gone = await(ctx, others, subnet, false, timeout);
            without = p.observe(ctx, timeout);
            if (unaffected.isPresent()) keptWithout = Optional.of(unaffected.get().observe(ctx, timeout));
        } finally {
            announce(ctx, subnet, true);
        }
        String back = await(ctx, others, subnet, true, timeout);
        Observation again = p.observe(ctx, timeout);
        String story = "with the announcement: " + with.detail() + "; withdrawn (" + gone + "): " + without.detail()
                + keptWithout.map(k -> "; unaffected: " + k.detail()).orElse("") + "; announced again (" + back + "): " + again.detail();
        if (!without.ran()) return Observation.couldNotRun("the probe could not run without the announcement; " + story);
        if (keptWithout.isPresent() && !keptWithout.get().ran()) return Observation.couldNotRun("'unaffected' could not run without it; " + story);
        if (!again.ran()) return Observation.couldNotRun("the probe could not run once the announcement was back; " + story);
        if (without.ok()) return Observation.notOk("the probe still works without " + node + "'s announcement; " + story);
        if (keptWithout.isPresent() && !keptWithout.get().ok()) {
            return Observation.notOk("withdrawing " + node + "'s subnet cut more than its pods: 'unaffected' failed; " + story);
        }
        if (!again.ok()) return Observation.notOk("the probe does not work again once the announcement is back; " + story);
        return Observation.ok(story);
    }

    /**
     * The node's bgpd announces its subnet, or stops: {@code network SUBNET} in the IPv4 family of its BGP, through
     * the node's vtysh. Every word is netlab's (the AS) or the cluster's validated subnet.
     */
    private void announce(CheckContext ctx, Cidr subnet, boolean on) throws InterruptedException {
        List<String> argv = List.of("vtysh", "-c", "configure terminal", "-c", "router bgp " + Backend.BGP_AS, "-c", "address-family ipv4 unicast",
                "-c", (on ? "" : "no ") + "network " + subnet);
        ProcResult r = ctx.inNode(node, argv, Duration.ofSeconds(10));
        if (!r.ok() || !r.stdout().isBlank()) {
            throw new CouldNotRun("cannot " + (on ? "announce " : "withdraw ") + subnet + " in " + node + "'s bgpd: "
                    + (r.ok() ? r.stdout().strip() : r.errorText()));
        }
    }

    /** Waits until every other node holds a route to the subnet ({@code present}) or none does; says what it found. */
    private static String await(CheckContext ctx, List<String> others, Cidr subnet, boolean present, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> wrong;
        while (true) {
            wrong = new ArrayList<>();
            for (String n : others) {
                List<Map<String, Object>> rows = ctx.jsonRows("ip", ctx.naming().nodeNetns(n), List.of("route", "show", "exact", subnet.toString()));
                if (rows.isEmpty() == present) wrong.add(n);
            }
            if (wrong.isEmpty() || System.nanoTime() > deadline) break;
            Thread.sleep(100);
        }
        String route = "a route to " + subnet;
        if (wrong.isEmpty()) return present ? "every other node holds " + route : "no other node holds " + route;
        return present ? String.join(", ", wrong) + " still without " + route : String.join(", ", wrong) + " still with " + route;
    }
}
