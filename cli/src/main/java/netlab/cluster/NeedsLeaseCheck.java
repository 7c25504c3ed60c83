package netlab.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.CheckKind;
import netlab.check.NestedProbes;
import netlab.check.Observation;
import netlab.doctor.Feature;
import netlab.model.LabModel;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.yaml.Fields;
import netlab.yaml.YMap;

/**
 * {@code needs_lease: {node: node2, probe: {ping: {from: pod1, to: pod5}}}}: proves a path depends on a node's lease
 * in etcd. The probe must work; then the lease is released in etcd and every other node programmed from etcd (as
 * flanneld would on seeing it go), and the probe must fail; then the lease is written back exactly as it was, the
 * nodes programmed again, and the probe must work again. Whatever happens, the lease is put back before the check
 * ends. With {@code expect: failure} it proves the opposite: the path does not need that lease.
 *
 * <p>Ran: etcd answered (the lease was read, released and written back), the probe ran each of its three times,
 * and it worked with the lease, the premise of the question: a path that does not work even with its lease can
 * show nothing about needing it (and an expected failure must not pass on a path that is broken anyway). Working
 * without the lease, or not again once it is back, are observations.
 */
public record NeedsLeaseCheck(String node, Optional<CheckBody> probe, Pos nodePos, Pos pos) implements CheckBody {

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "needs_lease";
        }

        @Override
        public Set<String> fields() {
            return Set.of("node", "probe");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            String node = f.requiredString("node").orElse("").trim();
            if (!f.has("probe")) f.diags().error(f.pos(), "a needs_lease check needs 'probe': the probe that must fail without the lease");
            Optional<CheckBody> probe = f.mapping("probe").flatMap(m -> nested.read(m, "probe", "{ping: {from: pod1, to: pod5}}", f.diags()));
            return new NeedsLeaseCheck(node, probe, f.posOf("node"), f.posOf("probe"));
        }
    }

    /** Always alone: it releases a lease in etcd and writes it back: other checks would see the lab without it. */
    @Override
    public Optional<netlab.check.Sharing> whenNotAlone() {
        return Optional.empty();
    }

    @Override
    public String kind() {
        return "needs_lease";
    }

    @Override
    public List<CheckBody> nested() {
        return probe.map(List::of).orElse(List.of());
    }

    @Override
    public String describe() {
        return probe.map(CheckBody::describe).orElse("probe") + " needs the lease of " + node;
    }

    @Override
    public Set<Feature> features() {
        Set<Feature> f = new java.util.HashSet<>(Set.of(Feature.ETCD));
        probe.ifPresent(p -> f.addAll(p.features()));
        return f;
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        ClusterTarget.leasing(model, nodePos, "a needs_lease check", d).ifPresent(c -> ClusterTarget.node(c, node, nodePos, "the node of a needs_lease check", d));
        probe.ifPresent(p -> p.validate(model, d));
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        CheckBody p = probe.orElseThrow();
        ClusterOps ops = new ClusterOps(ctx.processes(), ctx.naming(), ctx.model());
        Observation with = p.observe(ctx, timeout);
        if (!with.ran()) return Observation.couldNotRun("the probe could not run with " + node + "'s lease: " + with.detail());
        if (!with.ok()) {
            return Observation.couldNotRun("with " + node + "'s lease the probe already fails, so it cannot show a need for it: " + with.detail());
        }
        Optional<Lease> lease = ops.lease(node);
        if (lease.isEmpty()) return Observation.couldNotRun("etcd holds no lease of " + node + " to take away");
        Observation without;
        String forgot;
        try {
            ops.releaseLease(node);
            forgot = changed(ops.syncOthers(node));
            without = p.observe(ctx, timeout);
        } finally {
            ops.restore(lease.get());
            ops.syncOthers(node);
        }
        Observation again = p.observe(ctx, timeout);
        String story = "with the lease: " + with.detail() + "; released (" + forgot + "): " + without.detail() + "; restored: " + again.detail();
        if (!without.ran()) return Observation.couldNotRun("the probe could not run without the lease; " + story);
        if (!again.ran()) return Observation.couldNotRun("the probe could not run once the lease was back; " + story);
        if (without.ok()) return Observation.notOk("the probe still works without " + node + "'s lease; " + story);
        if (!again.ok()) return Observation.notOk("the probe does not work again once the lease is back; " + story);
        return Observation.ok(story);
    }

    private static String changed(List<PodNetworkSync.Result> results) {
        List<String> out = results.stream().filter(r -> !r.removed().isEmpty()).map(r -> r.node() + " dropped " + r.removed().size() + " entries").toList();
        return out.isEmpty() ? "no node dropped anything" : String.join(", ", out);
    }
}
