package netlab.topology.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import netlab.core.Catalog;
import netlab.core.Extension;
import netlab.core.NodeKind;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.topology.InterfaceSpec;
import netlab.topology.NodeSpec;
import netlab.topology.RouteSpec;
import netlab.topology.Sections;
import netlab.yaml.Fields;
import netlab.yaml.YMap;
import netlab.yaml.YNode;

/** Reads one node: common keys, then the keys extensions read (rules, services...), then the keys of its kind. */
final class NodeParser {
    static final Set<String> COMMON = Set.of("kind", "interfaces", "routes", "gateway", "gateway6", "forwarding", "sysctls", "exec",
            "keep_extra");

    private NodeParser() {}

    static NodeSpec parse(String name, Pos keyPos, YNode value, Diagnostics d, Catalog catalog) {
        String where = "node '" + name + "'";
        YMap map = Fields.asMap(value, d, where).orElse(new YMap(List.of(), keyPos));

        String kindName = map.get("kind").flatMap(n -> Fields.asText(n, d, "'kind' of " + where)).orElse(NodeSpec.DEFAULT_KIND);
        Optional<NodeKind> kind = catalog.nodeKinds().byKey(kindName);
        if (kind.isEmpty()) {
            Set<String> names = new TreeSet<>(catalog.nodeKinds().keys());
            d.error(map.get("kind").map(YNode::pos).orElse(keyPos), "unknown node kind '" + kindName + "' for " + where
                    + Suggest.hint(kindName, names) + "; kinds: " + String.join(", ", names));
        }
        Set<String> allowed = new TreeSet<>(COMMON);
        allowed.addAll(catalog.nodeKeys());
        kind.ifPresent(k -> allowed.addAll(k.fields()));
        Set<String> kindFields = catalog.nodeKindFields();
        reportKeysOfOtherKinds(map, allowed, kindFields, kindName, where, d);
        Set<String> known = new TreeSet<>(allowed);
        known.addAll(kindFields); // keys of other kinds: already reported precisely above
        Fields f = Fields.of(map, d, where, known);

        Map<String, InterfaceSpec> interfaces = new LinkedHashMap<>();
        f.mapping("interfaces").ifPresent(m -> {
            for (YMap.Entry e : m.entries()) {
                interfaces.put(e.key().value(), InterfaceParser.parse(name, e.key().value(), e.key().pos(), e.value(), d, catalog.interfaceTypes()));
            }
        });

        List<RouteSpec> routes = new ArrayList<>();
        f.list("routes").ifPresent(seq -> {
            for (YNode item : seq.items()) RouteParser.parse(item, where, d).ifPresent(routes::add);
        });
        f.node("gateway").ifPresent(n -> RouteParser.gateway(n, false, where, d).ifPresent(routes::add));
        f.node("gateway6").ifPresent(n -> RouteParser.gateway(n, true, where, d).ifPresent(routes::add));

        boolean forwarding = f.bool("forwarding", false);
        Map<String, Located> sysctls = f.textMap("sysctls");
        List<Located> exec = f.textList("exec");
        Sections.Builder sections = new Sections.Builder();
        for (Extension e : catalog.extensions()) e.readNode(name, f, sections);

        boolean keepExtra = f.bool("keep_extra", false);

        // a node of an unknown kind (reported) is read on as a node of the default kind
        var kindSpec = kind.orElse(catalog.nodeKinds().get(NodeSpec.DEFAULT_KIND)).parse(f, name);
        return new NodeSpec(name, kind.map(NodeKind::name).orElse(kindName), kindSpec, interfaces, routes, forwarding,
                sysctls, exec, keyPos, sections.build(), keepExtra);
    }

    /** A key of another kind ("image" on a namespace node) gets a precise message instead of "unknown key". */
    private static void reportKeysOfOtherKinds(YMap map, Set<String> allowed, Set<String> kindFields, String kind, String where, Diagnostics d) {
        for (YMap.Entry e : map.entries()) {
            String k = e.key().value();
            if (!allowed.contains(k) && kindFields.contains(k)) {
                d.error(e.key().pos(), "'" + k + "' is not a setting of kind '" + kind + "' (" + where + "); set 'kind' to a kind that has it");
            }
        }
    }
}
