package netlab.cluster;

import java.time.Duration;
import java.util.ArrayList;
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
import netlab.net.MacAddress;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.yaml.Fields;

/**
 * {@code lease: {node: node2, on: [node1]}}: etcd holds node2's lease in flannel's layout (its pod subnet's key, with
 * node2's underlay address as PublicIP, the cluster's backend, and, for vxlan, node2's flannel.1 MAC as it really is
 * as VtepMAC), and each node of {@code on} (default: every other cluster node) holds exactly the entries that lease
 * calls for: vxlan a route via flannel.1 (onlink), a permanent neighbour entry and an FDB entry to node2's address;
 * host-gw a route via node2's underlay address. Each difference is named.
 *
 * <p>Ran: etcd answered (its lease table could be read) and each node's namespace could be entered to read its
 * entries. A missing or different lease, a flannel.1 that is not there, missing entries: failures.
 */
public record LeaseCheck(String node, List<Located> on, Pos nodePos) implements CheckBody {

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "lease";
        }

        @Override
        public Set<String> fields() {
            return Set.of("node", "on");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            return new LeaseCheck(f.requiredString("node").orElse("").trim(), f.textList("on"), f.posOf("node"));
        }
    }

    @Override
    public netlab.check.Sharing sharing() {
        return netlab.check.Sharing.READS;
    }

    @Override
    public String kind() {
        return "lease";
    }

    @Override
    public String describe() {
        return "lease of " + node + " in etcd" + (on.isEmpty() ? "" : ", programmed on " + String.join(", ", on.stream().map(Located::text).toList()));
    }

    @Override
    public Set<Feature> features() {
        return Set.of(Feature.ETCD);
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        ClusterTarget.leasing(model, nodePos, "a lease check", d).ifPresent(c -> {
            ClusterTarget.node(c, node, nodePos, "the node of a lease check", d);
            for (Located o : on) {
                if (ClusterTarget.node(c, o.text(), o.pos(), "in 'on' of a lease check", d) && o.text().equals(node)) {
                    d.error(o.pos(), "'on' lists " + node + " itself; a node holds no entries for its own lease");
                }
            }
        });
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        ClusterSpec c = ClusterSpec.of(ctx.model().topology()).orElseThrow();
        ClusterNodeSpec owner = c.nodes().get(node);
        PodNetworkSync sync = new PodNetworkSync(ctx.processes(), ctx.naming(), ctx.model());
        List<Lease> leases = PodNetworkSync.leases(sync.client(ctx.naming().nodeNetns(c.etcd().orElseThrow().text())));
        Optional<Lease> lease = leases.stream().filter(l -> l.subnet().equals(owner.subnet())).findFirst();
        if (lease.isEmpty()) return Observation.notOk("etcd holds no lease of " + owner.subnet() + " (" + node + "'s pod subnet)");
        Lease l = lease.get();
        List<String> wrong = new ArrayList<>();
        ClusterAddresses.publicIp(ctx.model(), owner).filter(ip -> !ip.equals(l.publicIp()))
                .ifPresent(ip -> wrong.add("PublicIP is " + l.publicIp() + ", not " + node + "'s " + ip));
        if (!l.backendType().equals(c.backend().word())) wrong.add("BackendType is " + l.backendType() + ", not " + c.backend().word());
        if (c.backend() == Backend.VXLAN) {
            Optional<MacAddress> real = flannelMac(ctx, node);
            if (real.isEmpty() || !l.vtepMac().equals(real)) {
                wrong.add("VtepMAC is " + l.vtepMac().map(Object::toString).orElse("missing") + ", but " + node + "'s flannel.1 has "
                        + real.map(Object::toString).orElse("no MAC (is it there?)"));
            }
        }
        if (!wrong.isEmpty()) return Observation.notOk("etcd: " + l.describe() + ": " + String.join("; ", wrong));
        List<String> missing = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (String other : targets(c)) {
            ClusterNodeSpec o = c.nodes().get(other);
            ctx.jsonRows("ip", ctx.naming().nodeNetns(other), List.of("link", "show", "lo")); // its namespace is there to be read
            LeaseEntries want = sync.entries(o, List.of(l));
            LivePodNetwork have = LivePodNetwork.read(ctx.processes(), ctx.naming().nodeNetns(other), sync.routeDevice(o), c.backend() == Backend.VXLAN);
            List<String> lacking = LeaseEntries.words(want.changesFrom(have, c).added());
            List<String> all = LeaseEntries.words(want.changesFrom(new LivePodNetwork(List.of(), List.of(), List.of()), c).added());
            if (lacking.isEmpty()) held.add(other + " holds " + String.join(", ", all));
            else missing.add(other + " lacks " + String.join(", ", lacking));
        }
        String etcd = "etcd: " + l.describe();
        return missing.isEmpty() ? Observation.ok(etcd + "; " + String.join("; ", held)) : Observation.notOk(etcd + "; " + String.join("; ", missing));
    }

    /** The node's flannel.1 MAC; empty when it has no flannel.1 (part of the mechanism: a difference, not a probe that could not run). */
    private static Optional<MacAddress> flannelMac(CheckContext ctx, String node) throws InterruptedException {
        ctx.jsonRows("ip", ctx.naming().nodeNetns(node), List.of("link", "show", "lo")); // the node's namespace itself must be there
        try {
            return ctx.macOf(node, netlab.cluster.Flannel.DEVICE);
        } catch (netlab.check.CouldNotRun e) {
            return Optional.empty();
        }
    }

    private List<String> targets(ClusterSpec c) {
        if (!on.isEmpty()) return on.stream().map(Located::text).toList();
        return c.nodes().keySet().stream().filter(n -> !n.equals(node)).toList();
    }
}
