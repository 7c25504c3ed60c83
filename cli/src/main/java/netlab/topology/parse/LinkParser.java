package netlab.topology.parse;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.topology.Endpoint;
import netlab.topology.Impairment;
import netlab.topology.LinkSpec;
import netlab.topology.PortVlans;
import netlab.yaml.Fields;
import netlab.yaml.NetValues;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YSeq;

/**
 * Reads one link: {@code [h1:eth1, sw1]} or {@code {endpoints: [h1:eth1, h2:eth1], subnet: 10.0.0.0/30}}.
 */
final class LinkParser {
    static final Set<String> KEYS = Set.of("endpoints", "subnet", "subnet6", "vlan", "vlans", "impairment");

    private LinkParser() {}

    static Optional<LinkSpec> parse(YNode item, Diagnostics d) {
        if (item instanceof YSeq seq) return endpoints(seq, item.pos(), d).map(e -> new LinkSpec(e.get(0), e.get(1), Optional.empty(), Optional.empty(), item.pos()));
        Optional<YMap> m = Fields.asMap(item, d, "a link");
        if (m.isEmpty()) return Optional.empty();
        Fields f = Fields.of(m.get(), d, "a link", KEYS);
        if (!f.has("endpoints")) {
            d.error(m.get().pos(), "a link needs 'endpoints' (two of node:interface or a switch name)");
            return Optional.empty();
        }
        var v4 = NetValues.subnet(f, "subnet", false, "the link", d);
        var v6 = NetValues.subnet(f, "subnet6", true, "the link", d);
        PortVlans vlans = PortVlansParser.parse(f, d);
        Optional<List<Endpoint>> ends = f.list("endpoints").flatMap(seq -> endpoints(seq, seq.pos(), d));
        String where = ends.map(e -> "the link " + e.get(0) + " -- " + e.get(1)).orElse("a link");
        Optional<Impairment> impairment = f.node("impairment").flatMap(n -> ImpairmentParser.parse(n, where, d));
        return ends.map(e -> new LinkSpec(e.get(0), e.get(1), v4, v6, m.get().pos(), vlans, impairment));
    }

    private static Optional<List<Endpoint>> endpoints(YSeq seq, Pos pos, Diagnostics d) {
        if (seq.items().size() != 2) {
            d.error(pos, "a link has exactly two endpoints, not " + seq.items().size());
            return Optional.empty();
        }
        Optional<Endpoint> a = endpoint(seq.items().get(0), d), b = endpoint(seq.items().get(1), d);
        if (a.isEmpty() || b.isEmpty()) return Optional.empty();
        return Optional.of(List.of(a.get(), b.get()));
    }

    static Optional<Endpoint> endpoint(YNode n, Diagnostics d) {
        return Fields.asText(n, d, "a link endpoint").flatMap(t -> {
            String s = t.trim();
            int colon = s.indexOf(':');
            if (colon < 0) return Optional.of(new Endpoint(s, Optional.empty(), n.pos()));
            String node = s.substring(0, colon), iface = s.substring(colon + 1);
            if (node.isEmpty() || iface.isEmpty() || iface.contains(":")) {
                d.error(n.pos(), "link endpoint '" + s + "' must be node:interface (like h1:eth1) or a switch name");
                return Optional.empty();
            }
            return Optional.of(new Endpoint(node, Optional.of(iface), n.pos()));
        });
    }
}
