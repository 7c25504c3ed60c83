package netlab.check.kinds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.CheckKind;
import netlab.check.NestedProbes;
import netlab.check.Observation;
import netlab.check.Target;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.net.IpAddress;
import netlab.net.MacAddress;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.yaml.Fields;

/**
 * {@code neighbour: {node: h1, has: h2}}: the node's neighbour (ARP/NDP) table holds a resolved entry for the
 * target's address, and when the target is a node, with that node's real MAC.
 *
 * <p>Ran: the node's neighbour table could be read, and when the target is a node, its interface's MAC too (an
 * entry cannot be judged against a MAC that cannot be had). No entry, an unresolved one or another MAC: a failure.
 */
public record NeighbourCheck(String node, Target has, boolean v6, Pos pos) implements CheckBody {
    private static final Set<String> UNRESOLVED = Set.of("INCOMPLETE", "FAILED", "NOARP", "NONE");

    public static final class Kind implements CheckKind {
        private final String key;

        public Kind(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public Set<String> fields() {
            return Set.of("node", "has", "ipv6");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            return new NeighbourCheck(f.requiredString("node").orElse(""), new Target(f.requiredString("has").orElse(""), f.posOf("has")),
                    f.bool("ipv6", false), f.posOf("node"));
        }
    }

    @Override
    public netlab.check.Sharing sharing() {
        return netlab.check.Sharing.READS;
    }

    @Override
    public String kind() {
        return "neighbour";
    }

    @Override
    public String describe() {
        return "neighbour table of " + node + " has " + has;
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        if (new Target(node, pos).validNode(model, d, "neighbour check node")) has.validate(model, d, "neighbour", v6);
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        Optional<IpAddress> addr = has.resolve(ctx.model(), node, v6);
        if (addr.isEmpty()) return Observation.couldNotRun("no address for " + has);
        Optional<MacAddress> expectedMac = Optional.empty();
        // The target node's own interface: with overlays, two nodes of a lab may have the same address.
        Optional<ModelInterface> owner = has.literal().isPresent() ? Optional.empty()
                : ctx.model().node(has.node()).flatMap(n -> n.interfaces().values().stream()
                        .filter(i -> i.addresses().stream().anyMatch(c -> c.address().equals(addr.get()))).findFirst());
        if (owner.isPresent()) {
            expectedMac = ctx.macOf(owner.get().node(), owner.get().name());
            if (expectedMac.isEmpty()) return Observation.couldNotRun("cannot read the MAC of " + owner.get().ref());
        }
        List<String> seen = new ArrayList<>();
        for (Map<String, Object> row : ctx.jsonRows("ip", ctx.naming().nodeNetns(node), List.of(v6 ? "-6" : "-4", "neigh", "show"))) {
            String dst = String.valueOf(row.get("dst"));
            Object state = row.get("state");
            String st = state instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : String.valueOf(state);
            seen.add(dst + " " + st);
            if (!IpAddress.parse(dst).equals(addr)) continue;
            if (UNRESOLVED.contains(st) || row.get("lladdr") == null) {
                return Observation.notOk(node + " has " + dst + " in state " + st + " (not resolved)");
            }
            String lladdr = String.valueOf(row.get("lladdr"));
            if (expectedMac.isPresent() && !expectedMac.get().text().equals(lladdr)) {
                return Observation.notOk(node + " maps " + dst + " to " + lladdr + ", but " + owner.get().ref() + " has " + expectedMac.get());
            }
            return Observation.ok(node + " maps " + dst + " to " + lladdr + " on " + row.get("dev") + " (" + st + ")");
        }
        return Observation.notOk(node + " has no neighbour entry for " + addr.get() + (seen.isEmpty() ? " (table empty)" : "; has: " + String.join(", ", seen)));
    }
}
