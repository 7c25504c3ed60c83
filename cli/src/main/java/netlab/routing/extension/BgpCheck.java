package netlab.routing.extension;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import netlab.routing.observe.BgpPeerState;
import netlab.routing.observe.FrrObserver;
import netlab.routing.observe.FrrShow;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.yaml.Fields;

/**
 * {@code bgp: {node: r1, neighbor: r2, state: Established, prefixes_received: 3, family: ipv4}}: r1's bgpd has a
 * session with the neighbour in the given state (default Established) in the family (default ipv4; ipv6, evpn),
 * and, when given, has accepted exactly that many prefixes from it. The neighbour is a node (a session to any of its
 * addresses), an address, or r1's interface of an unnumbered session. Looked at again and again within the timeout
 * until it holds (sessions take seconds to establish, prefixes to arrive).
 *
 * <p>Ran: vtysh in r1's FRR view answered. bgpd not running in r1, no such session, another state or another count:
 * failures. FRR not answering at all: could not run.
 */
public record BgpCheck(String node, String neighbor, String state, Optional<Long> prefixesReceived, String family, Pos nodePos,
                       Pos neighborPos) implements CheckBody {
    static final List<String> STATES = List.of("Idle", "Connect", "Active", "OpenSent", "OpenConfirm", "Established");
    /** The check's words for families, and FRR's names for them in {@code show bgp summary json}. */
    static final Map<String, String> FAMILIES = Map.of("ipv4", "ipv4Unicast", "ipv6", "ipv6Unicast", "evpn", "l2VpnEvpn");

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "bgp";
        }

        @Override
        public Set<String> fields() {
            return Set.of("node", "neighbor", "state", "prefixes_received", "family");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            String node = f.requiredString("node").orElse("").trim();
            String neighbor = f.requiredString("neighbor").orElse("").trim();
            String state = f.string("state").map(String::trim).orElse(BgpPeerState.ESTABLISHED);
            if (!STATES.contains(state)) {
                f.diags().error(f.posOf("state"), "'state' of the bgp check must be one of " + String.join(", ", STATES) + ", not '" + state + "'"
                        + Suggest.hint(state, STATES));
            }
            String family = f.string("family").map(String::trim).orElse("ipv4");
            if (!FAMILIES.containsKey(family)) {
                f.diags().error(f.posOf("family"), "'family' of the bgp check must be ipv4, ipv6 or evpn, not '" + family + "'"
                        + Suggest.hint(family, FAMILIES.keySet()));
            }
            return new BgpCheck(node, neighbor, state, f.integer("prefixes_received", 0, 10_000_000), family, f.posOf("node"), f.posOf("neighbor"));
        }
    }

    @Override
    public String kind() {
        return "bgp";
    }

    @Override
    public String describe() {
        return "bgp " + node + " neighbour " + neighbor + " " + state + prefixesReceived.map(n -> ", " + n + " prefixes received").orElse("");
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public Set<Feature> features() {
        return EnumSet.of(Feature.FRR);
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        if (!RoutingTargets.bgpNode(model, node, nodePos, "the node of a bgp check", d) || neighbor.isEmpty()) return;
        if (IpAddress.parse(neighbor).isPresent()) return;
        if (neighbor.equals(node)) {
            d.error(neighborPos, "a bgp check's neighbor is " + node + " itself; name another node, an address or an interface");
            return;
        }
        if (model.node(neighbor).isPresent()) return;
        Set<String> interfaces = model.node(node).map(n -> n.interfaces().keySet()).orElse(Set.of());
        if (interfaces.contains(neighbor)) return;
        java.util.List<String> candidates = new java.util.ArrayList<>(model.nodes().keySet());
        candidates.addAll(interfaces);
        d.error(neighborPos, "the neighbor of a bgp check must be a node, an address or an interface of " + node + ", not '" + neighbor + "'"
                + Suggest.hint(neighbor, candidates));
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        Optional<IpAddress> literal = IpAddress.parse(neighbor);
        Set<IpAddress> addresses = literal.isPresent() ? Set.of(literal.get()) : NodeAddresses.of(ctx.model(), neighbor);
        String frrFamily = FAMILIES.get(family);
        return Converging.until(timeout, () -> {
            FrrObserver.Observation<BgpPeerState> seen = FrrObserver.bgpPeers(Converging.ask(ctx, node, FrrShow.BGP_SUMMARY));
            if (!seen.daemonRunning()) return Observation.notOk("bgpd does not run in " + node);
            List<BgpPeerState> inFamily = seen.items().stream().filter(p -> p.family().equals(frrFamily)).toList();
            List<BgpPeerState> mine = inFamily.stream().filter(p -> p.peer().equals(neighbor)
                    || IpAddress.parse(p.peer()).map(addresses::contains).orElse(false)).toList();
            if (mine.isEmpty()) {
                return Observation.notOk(node + " has no " + family + " BGP session with " + neighbor + " (its sessions: "
                        + (inFamily.isEmpty() ? "none" : String.join(", ", inFamily.stream().map(BgpCheck::words).toList())) + ")");
            }
            String words = String.join(", ", mine.stream().map(BgpCheck::words).toList());
            boolean ok = mine.stream().anyMatch(p -> p.state().equals(state) && prefixesReceived.map(n -> n == p.prefixesReceived()).orElse(true));
            return ok ? Observation.ok(node + "'s session with " + neighbor + ": " + words)
                    : Observation.notOk(node + "'s session with " + neighbor + " is " + words + "; expected " + state
                            + prefixesReceived.map(n -> " with " + n + " prefixes received").orElse(""));
        });
    }

    private static String words(BgpPeerState p) {
        return p.peer() + " (AS " + p.remoteAs() + ") " + p.state() + ", " + p.prefixesReceived() + " prefixes received";
    }
}
