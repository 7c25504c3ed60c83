package netlab.routing.extension;

import java.time.Duration;
import java.util.EnumSet;
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
import netlab.net.IpAddress;
import netlab.routing.config.FrrNode;
import netlab.routing.config.OspfConfig;
import netlab.routing.observe.FrrObserver;
import netlab.routing.observe.FrrShow;
import netlab.routing.observe.OspfNeighbor;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.yaml.Fields;

/**
 * {@code ospf: {node: r1, neighbor: r2, state: Full}}: r1's ospfd has r2 as a neighbour in the given state (default
 * Full). r2 is told by its OSPF router ID (as netlab resolved it) or by any of its addresses (the neighbour's interface
 * address FRR reports). Looked at again and again within the timeout until the state is reached (OSPF converges).
 *
 * <p>Ran: vtysh in r1's FRR view answered (r1's FRR runs). ospfd not running in r1, no such neighbour, or another
 * state: failures. FRR not answering at all (no zebra, no directory, the namespace gone): could not run.
 */
public record OspfCheck(String node, String neighbor, String state, Pos nodePos, Pos neighborPos, Pos statePos) implements CheckBody {
    static final List<String> STATES = List.of("Down", "Attempt", "Init", "2-Way", "ExStart", "Exchange", "Loading", "Full");

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "ospf";
        }

        @Override
        public Set<String> fields() {
            return Set.of("node", "neighbor", "state");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            String node = f.requiredString("node").orElse("").trim();
            String neighbor = f.requiredString("neighbor").orElse("").trim();
            String state = f.string("state").map(String::trim).orElse(OspfNeighbor.FULL);
            if (!STATES.contains(state)) {
                f.diags().error(f.posOf("state"), "'state' of the ospf check must be one of " + String.join(", ", STATES) + ", not '" + state + "'"
                        + Suggest.hint(state, STATES));
            }
            return new OspfCheck(node, neighbor, state, f.posOf("node"), f.posOf("neighbor"), f.posOf("state"));
        }
    }

    @Override
    public String kind() {
        return "ospf";
    }

    @Override
    public String describe() {
        return "ospf " + node + " neighbour " + neighbor + " " + state;
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofSeconds(60); // broadcast links wait 40 s before electing a designated router
    }

    @Override
    public Set<Feature> features() {
        return EnumSet.of(Feature.FRR);
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        if (RoutingTargets.ospfNode(model, node, nodePos, "the node of an ospf check", d)
                & RoutingTargets.ospfNode(model, neighbor, neighborPos, "the neighbor of an ospf check", d) && node.equals(neighbor)) {
            d.error(neighborPos, "an ospf check's neighbor is " + node + " itself; name another router");
        }
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        Optional<IpAddress> routerId = Optional.ofNullable(RoutingNodes.resolved(ctx.model()).get(neighbor)).flatMap(FrrNode::ospf)
                .flatMap(OspfConfig::routerId);
        Set<IpAddress> addresses = NodeAddresses.of(ctx.model(), neighbor);
        return Converging.until(timeout, () -> {
            FrrObserver.Observation<OspfNeighbor> seen = FrrObserver.ospfNeighbors(Converging.ask(ctx, node, FrrShow.OSPF_NEIGHBORS));
            if (!seen.daemonRunning()) return Observation.notOk("ospfd does not run in " + node);
            List<OspfNeighbor> mine = seen.items().stream()
                    .filter(n -> routerId.map(id -> id.equals(n.routerId())).orElse(false) || addresses.contains(n.address())).toList();
            if (mine.isEmpty()) {
                return Observation.notOk(node + " has no OSPF neighbour " + neighbor + " (its neighbours: "
                        + (seen.items().isEmpty() ? "none" : String.join(", ", seen.items().stream().map(OspfCheck::words).toList())) + ")");
            }
            String words = String.join(", ", mine.stream().map(OspfCheck::words).toList());
            return mine.stream().anyMatch(n -> n.state().equals(state))
                    ? Observation.ok(node + "'s OSPF neighbour " + neighbor + ": " + words)
                    : Observation.notOk(node + "'s OSPF neighbour " + neighbor + " is " + words + ", not " + state);
        });
    }

    private static String words(OspfNeighbor n) {
        return n.routerId() + " " + n.state() + (n.role().isEmpty() ? "" : "/" + n.role()) + " on " + n.iface();
    }
}
