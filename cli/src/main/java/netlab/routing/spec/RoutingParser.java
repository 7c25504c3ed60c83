package netlab.routing.spec;

import java.util.Optional;
import java.util.Set;
import netlab.net.IpAddress;
import netlab.source.Diagnostics;
import netlab.yaml.Fields;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YScalar;

/**
 * Reads a node's {@code routing:} section strictly: every unknown key refused with a suggestion, every error at its
 * {@code file:line:col}, all of them in one pass (the caller's {@link Diagnostics} collects them). The result is
 * usable even when there were errors (what could not be read is left out), so the lab checks can still run and
 * report more; the caller throws once everything is read.
 * <pre>
 * routing:
 *   router_id: 10.255.0.1       # both protocols', unless they set their own
 *   ospf: {...}                 # see OspfParser
 *   bgp: {...}                  # see BgpParser
 *   frr: |                      # raw FRR configuration, appended after the generated part
 *     ...
 * </pre>
 */
public final class RoutingParser {
    /** The node key the section is under. */
    public static final String KEY = "routing";
    static final Set<String> KEYS = Set.of("router_id", "ospf", "bgp", "frr");

    private RoutingParser() {}

    public static Optional<RoutingSpec> parse(YNode value, String node, Diagnostics d) {
        String where = "the routing of node '" + node + "'";
        Optional<YMap> map = Fields.asMap(value, d, "'routing' of node '" + node + "'");
        if (map.isEmpty()) return Optional.empty();
        Fields f = Fields.of(map.get(), d, where, KEYS);
        if (!f.has("ospf") && !f.has("bgp") && !f.has("frr")) {
            d.error(map.get().pos(), where + " configures nothing; give 'ospf', 'bgp' or 'frr'");
        }
        Optional<IpAddress> routerId = ValueReader.routerId(f, where, d);
        Optional<OspfSpec> ospf = f.node("ospf").flatMap(n -> OspfParser.parse(n, node, d));
        Optional<BgpSpec> bgp = f.node("bgp").flatMap(n -> BgpParser.parse(n, node, d));
        Optional<RawFrr> frr = f.node("frr").flatMap(n -> raw(n, node, d));
        bgp.ifPresent(b -> {
            if (b.redistribute().contains(Redistribution.OSPF) && ospf.isEmpty() && frr.isEmpty()) {
                d.error(f.posOf("bgp"), "the bgp of node '" + node + "' redistributes ospf, but the node runs no OSPF (no 'ospf')");
            }
        });
        ospf.ifPresent(o -> {
            if (o.redistribute().contains(Redistribution.BGP) && bgp.isEmpty() && frr.isEmpty()) {
                d.error(f.posOf("ospf"), "the ospf of node '" + node + "' redistributes bgp, but the node runs no BGP (no 'bgp')");
            }
        });
        return Optional.of(new RoutingSpec(routerId, ospf, bgp, frr, map.get().pos()));
    }

    private static Optional<RawFrr> raw(YNode n, String node, Diagnostics d) {
        if (!(n instanceof YScalar s) || s.isNull() || s.type() != YScalar.Type.STR) {
            d.error(n.pos(), "'frr' of node '" + node + "' must be FRR configuration text (a block: frr: |), not " + n.describe());
            return Optional.empty();
        }
        RawFrr raw = new RawFrr(s.value(), s.pos());
        RawFrrRules.check(raw, node, d);
        return Optional.of(raw);
    }
}
