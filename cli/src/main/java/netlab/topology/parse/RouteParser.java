package netlab.topology.parse;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.topology.RouteSpec;
import netlab.yaml.Fields;
import netlab.yaml.NetValues;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YScalar;

/**
 * Reads static routes: {@code {to: 10.0.2.0/24, via: r1, dev: eth1, metric: 10}} or the short form
 * {@code "10.0.2.0/24 via 10.0.1.1 dev eth1"}. {@code to: default} (or ::/0) makes a default route.
 */
final class RouteParser {
    static final Set<String> KEYS = Set.of("to", "via", "dev", "metric");

    private RouteParser() {}

    static Optional<RouteSpec> parse(YNode item, String where, Diagnostics d) {
        if (item instanceof YScalar s && !s.isNull()) return shortForm(s, where, d);
        Optional<YMap> m = Fields.asMap(item, d, "a route of " + where);
        if (m.isEmpty()) return Optional.empty();
        Fields f = Fields.of(m.get(), d, "a route of " + where, KEYS);
        Optional<String> to = f.requiredString("to");
        Optional<String> via = f.string("via");
        Optional<String> dev = f.string("dev");
        OptionalInt metric = f.integer("metric", 0, 4_294_967_295L).map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
        if (via.isEmpty() && dev.isEmpty()) d.error(m.get().pos(), "a route of " + where + " needs 'via' (a gateway) or 'dev' (an interface)");
        if (to.isEmpty()) return Optional.empty();
        return destination(new Located(to.get(), f.posOf("to")), via, d)
                .map(dst -> new RouteSpec(dst.cidr, dst.v6, via, dev, metric, m.get().pos()));
    }

    /** {@code gateway: X} on a node: a default route via X (an address or a node name). */
    static Optional<RouteSpec> gateway(YNode n, boolean v6, String where, Diagnostics d) {
        return Fields.asText(n, d, "'gateway' of " + where).map(via -> {
            Optional<IpAddress> a = IpAddress.parse(via);
            if (a.isPresent() && a.get().isV6() != v6) {
                d.error(n.pos(), (v6 ? "'gateway6'" : "'gateway'") + " of " + where + " must be an " + (v6 ? "IPv6" : "IPv4")
                        + " address or a node name" + (v6 ? "" : "; use 'gateway6' for IPv6"));
            }
            return new RouteSpec(Optional.empty(), v6, Optional.of(via), Optional.empty(), OptionalInt.empty(), n.pos());
        });
    }

    private static Optional<RouteSpec> shortForm(YScalar s, String where, Diagnostics d) {
        List<String> words = List.of(s.value().trim().split("\\s+"));
        Optional<String> via = Optional.empty(), dev = Optional.empty();
        for (int i = 1; i < words.size(); i += 2) {
            if (i + 1 >= words.size() || !(words.get(i).equals("via") || words.get(i).equals("dev"))) {
                d.error(s.pos(), "route '" + s.value() + "' of " + where + ": write it as 'DEST via GATEWAY [dev IFACE]'");
                return Optional.empty();
            }
            if (words.get(i).equals("via")) via = Optional.of(words.get(i + 1));
            else dev = Optional.of(words.get(i + 1));
        }
        if (via.isEmpty() && dev.isEmpty()) {
            d.error(s.pos(), "route '" + s.value() + "' of " + where + " needs 'via GATEWAY' or 'dev IFACE'");
            return Optional.empty();
        }
        Optional<String> v = via, dv = dev;
        return destination(new Located(words.get(0), s.pos()), via, d)
                .map(dst -> new RouteSpec(dst.cidr, dst.v6, v, dv, OptionalInt.empty(), s.pos()));
    }

    private record Dest(Optional<Cidr> cidr, boolean v6) {}

    private static Optional<Dest> destination(Located to, Optional<String> via, Diagnostics d) {
        String t = to.text().trim();
        if (t.equals("default")) {
            boolean v6 = via.flatMap(IpAddress::parse).map(IpAddress::isV6).orElse(false);
            return Optional.of(new Dest(Optional.empty(), v6));
        }
        if (t.equals("::/0")) return Optional.of(new Dest(Optional.empty(), true));
        if (t.equals("0.0.0.0/0")) return Optional.of(new Dest(Optional.empty(), false));
        Optional<Cidr> c = NetValues.cidr(to, "route destination", d);
        if (c.isEmpty()) return Optional.empty();
        if (!c.get().isNetwork()) {
            d.error(to.pos(), "route destination " + t + " has host bits set; did you mean " + c.get().network() + "?");
            return Optional.empty();
        }
        return Optional.of(new Dest(c, c.get().isV6()));
    }
}
