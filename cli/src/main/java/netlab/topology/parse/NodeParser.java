package netlab.topology.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import netlab.nodes.NamespaceNode;
import netlab.core.NodeKind;
import netlab.nodes.NodeKinds;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.topology.InterfaceSpec;
import netlab.topology.NodeSpec;
import netlab.topology.RouteSpec;
import netlab.yaml.Fields;
import netlab.yaml.YMap;
import netlab.yaml.YNode;

/** Reads one node: common keys, then the keys of its kind. */
final class NodeParser {
    static final Set<String> COMMON = Set.of("kind", "interfaces", "routes", "gateway", "gateway6", "forwarding", "sysctls", "exec",
            "rules", "services", "keep_extra");

    private NodeParser() {}

    static NodeSpec parse(String name, Pos keyPos, YNode value, Diagnostics d) {
        String where = "node '" + name + "'";
        YMap map = Fields.asMap(value, d, where).orElse(new YMap(List.of(), keyPos));

        String kindName = map.get("kind").flatMap(n -> Fields.asText(n, d, "'kind' of " + where)).orElse(NamespaceNode.NAME);
        Optional<NodeKind> kind = NodeKinds.byName(kindName);
        if (kind.isEmpty()) {
            d.error(map.get("kind").map(YNode::pos).orElse(keyPos), "unknown node kind '" + kindName + "' for " + where
                    + Suggest.hint(kindName, NodeKinds.names()) + "; kinds: " + String.join(", ", NodeKinds.names()));
        }
        Set<String> allowed = new TreeSet<>(COMMON);
        kind.ifPresent(k -> allowed.addAll(k.fields()));
        reportKeysOfOtherKinds(map, allowed, kindName, where, d);
        Fields f = Fields.of(map, d, where, withOtherKindKeys(allowed));

        Map<String, InterfaceSpec> interfaces = new LinkedHashMap<>();
        f.mapping("interfaces").ifPresent(m -> {
            for (YMap.Entry e : m.entries()) {
                interfaces.put(e.key().value(), InterfaceParser.parse(name, e.key().value(), e.key().pos(), e.value(), d));
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
        List<netlab.rules.Rule> rules = f.list("rules").map(seq -> RuleParser.parse(seq, name, d)).orElse(List.of());
        List<netlab.services.Service> services = f.list("services").map(seq -> ServiceParser.parse(seq, name, d)).orElse(List.of());

        boolean keepExtra = f.bool("keep_extra", false);

        var kindSpec = kind.map(k -> k.parse(f, name)).orElse(NamespaceNode.Spec.INSTANCE);
        return new NodeSpec(name, kind.map(NodeKind::name).orElse(kindName), kindSpec, interfaces, routes, forwarding,
                sysctls, exec, keyPos, rules, services, keepExtra);
    }

    /** A key of another kind ("image" on a namespace node) gets a precise message instead of "unknown key". */
    private static void reportKeysOfOtherKinds(YMap map, Set<String> allowed, String kind, String where, Diagnostics d) {
        for (YMap.Entry e : map.entries()) {
            String k = e.key().value();
            if (!allowed.contains(k) && NodeKinds.allKindFields().contains(k)) {
                d.error(e.key().pos(), "'" + k + "' is not a setting of kind '" + kind + "' (" + where + "); set 'kind' to a kind that has it");
            }
        }
    }

    private static Set<String> withOtherKindKeys(Set<String> allowed) {
        Set<String> s = new TreeSet<>(allowed);
        s.addAll(NodeKinds.allKindFields()); // already reported precisely above
        return s;
    }
}
