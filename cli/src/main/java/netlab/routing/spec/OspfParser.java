package netlab.routing.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import netlab.net.IpAddress;
import netlab.source.Diagnostics;
import netlab.source.Suggest;
import netlab.yaml.Fields;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YScalar;

/**
 * Reads {@code ospf:} of a node's routing section:
 * <pre>
 * ospf:
 *   router_id: 10.255.0.1
 *   interfaces:
 *     eth1: {area: 0, cost: 10, network: point-to-point, hello_interval: 1, dead_interval: 4}
 *     lo: {passive: true}
 *   redistribute: [connected, static]
 * </pre>
 */
final class OspfParser {
    static final Set<String> KEYS = Set.of("router_id", "interfaces", "redistribute");
    static final Set<String> INTERFACE_KEYS = Set.of("area", "cost", "network", "passive", "hello_interval", "dead_interval");

    private OspfParser() {}

    static Optional<OspfSpec> parse(YNode value, String node, Diagnostics d) {
        String where = "the ospf of node '" + node + "'";
        Optional<YMap> map = Fields.asMap(value, d, "'ospf' of node '" + node + "'");
        if (map.isEmpty()) return Optional.empty();
        Fields f = Fields.of(map.get(), d, where, KEYS);
        Optional<IpAddress> routerId = ValueReader.routerId(f, where, d);
        List<OspfInterface> interfaces = new ArrayList<>();
        if (!f.has("interfaces")) {
            d.error(map.get().pos(), where + " needs 'interfaces': the interfaces OSPF runs on, like {eth1: {area: 0}, lo: {passive: true}}");
        }
        f.mapping("interfaces").ifPresent(m -> {
            if (m.entries().isEmpty()) d.error(m.pos(), "'interfaces' of " + where + " is empty; OSPF needs at least one interface");
            for (YMap.Entry e : m.entries()) iface(e, node, d).ifPresent(interfaces::add);
        });
        List<Redistribution> redistribute = ValueReader.words(f, "redistribute", where, Redistribution::of,
                Redistribution.allowedInto(Redistribution.OSPF).stream().map(Redistribution::word).toList(), d);
        return Optional.of(new OspfSpec(routerId, interfaces, redistribute, map.get().pos()));
    }

    private static Optional<OspfInterface> iface(YMap.Entry e, String node, Diagnostics d) {
        String name = e.key().value();
        String where = "OSPF interface '" + name + "' of node '" + node + "'";
        boolean nameOk = FrrWords.checkIfname(name, "an OSPF interface of node '" + node + "'").map(msg -> {
            d.error(e.key().pos(), msg);
            return false;
        }).orElse(true);
        Optional<YMap> m = Fields.asMap(e.value(), d, where);
        if (m.isEmpty()) return Optional.empty();
        Fields f = Fields.of(m.get(), d, where, INTERFACE_KEYS);
        OspfArea area = f.node("area").flatMap(n -> area(n, where, d)).orElse(OspfArea.BACKBONE);
        OptionalInt cost = f.integer("cost", 1, 65535).map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
        Optional<OspfNetwork> network = f.string("network").flatMap(w -> {
            Optional<OspfNetwork> n = OspfNetwork.of(w.trim());
            if (n.isEmpty()) {
                d.error(f.posOf("network"), "'network' of " + where + " must be " + String.join(" or ", OspfNetwork.words()) + ", not '" + w + "'"
                        + Suggest.hint(w.trim(), OspfNetwork.words()));
            }
            return n;
        });
        boolean passive = f.bool("passive", false);
        OptionalInt hello = f.integer("hello_interval", 1, 65535).map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
        OptionalInt dead = f.integer("dead_interval", 1, 65535).map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
        int effectiveHello = hello.orElse(10);
        if (dead.isPresent() && dead.getAsInt() <= effectiveHello) {
            d.error(f.posOf("dead_interval"), "'dead_interval' of " + where + " (" + dead.getAsInt() + " s) must be longer than the hello interval ("
                    + effectiveHello + " s" + (hello.isEmpty() ? ", FRR's default" : "") + "): a neighbour is declared dead after missing hellos");
        }
        if (!nameOk) return Optional.empty();
        return Optional.of(new OspfInterface(name, area, cost, network, passive, hello, dead, e.key().pos()));
    }

    /** An area as a number (0) or dotted (0.0.0.0). */
    static Optional<OspfArea> area(YNode n, String where, Diagnostics d) {
        if (n instanceof YScalar s && s.type() == YScalar.Type.INT) {
            return Fields.readInteger(s, "'area' of " + where, 0, 0xFFFF_FFFFL, d).map(OspfArea::new);
        }
        if (n instanceof YScalar s && s.type() == YScalar.Type.STR) {
            Optional<IpAddress> dotted = IpAddress.parse(s.value().trim()).filter(a -> !a.isV6());
            if (dotted.isPresent()) return Optional.of(new OspfArea(dotted.get().value().longValue()));
        }
        d.error(n.pos(), "'area' of " + where + " must be a number like 0 or dotted like 0.0.0.0, not " + n.describe()
                + (n instanceof YScalar s ? " '" + s.value() + "'" : ""));
        return Optional.empty();
    }
}
