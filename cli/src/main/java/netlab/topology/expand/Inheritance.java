package netlab.topology.expand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import netlab.source.Diagnostics;
import netlab.source.Suggest;
import netlab.topology.NodeSpec;
import netlab.yaml.Fields;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YScalar;
import netlab.yaml.YSeq;

/**
 * {@code defaults:} and {@code groups:}, laid under each node's own settings (see {@link Overlay}): first the
 * defaults of every node ({@code defaults: nodes:}), then those of the node's kind ({@code defaults: kinds: KIND:}),
 * then each group the node is a member of, in the order the groups are written, then the node's own: a node's own
 * setting wins over its groups', a group's over the defaults. A node's kind is its own {@code kind}, else its last
 * group's, else the defaults'.
 */
final class Inheritance {
    static final Set<String> DEFAULTS_KEYS = Set.of("nodes", "kinds");
    static final String MEMBERS = "members";

    private Inheritance() {}

    static YNode apply(YNode nodes, Optional<YNode> defaults, Optional<YNode> groups, Set<String> kinds, Diagnostics d) {
        YMap all = new YMap(List.of(), nodes.pos());
        Map<String, YMap> byKind = new LinkedHashMap<>();
        if (defaults.isPresent()) {
            Optional<YMap> dm = Fields.asMap(defaults.get(), d, "'defaults'");
            if (dm.isPresent()) {
                Fields f = Fields.of(dm.get(), d, "'defaults'", DEFAULTS_KEYS);
                all = f.mapping("nodes").orElse(all);
                f.mapping("kinds").ifPresent(km -> {
                    for (YMap.Entry e : km.entries()) {
                        String k = e.key().value();
                        if (!kinds.contains(k)) {
                            d.error(e.key().pos(), "unknown node kind '" + k + "' in 'defaults: kinds'" + Suggest.hint(k, kinds)
                                    + "; kinds: " + String.join(", ", new TreeSet<>(kinds)));
                        }
                        Fields.asMap(e.value(), d, "the defaults of kind '" + k + "'").ifPresent(m -> byKind.put(k, m));
                    }
                });
            }
        }
        if (!(nodes instanceof YMap nodeMap)) return nodes; // the parser says what is wrong with it
        Map<String, List<YMap>> groupsOf = groups.map(g -> members(g, nodeMap, d)).orElse(Map.of());

        List<YMap.Entry> out = new ArrayList<>();
        for (YMap.Entry e : nodeMap.entries()) {
            YNode own = e.value();
            if (own instanceof YScalar s && s.isNull()) own = new YMap(List.of(), e.key().pos());
            if (!(own instanceof YMap ownMap)) {
                out.add(e);
                continue;
            }
            YMap inherited = all;
            List<YMap> itsGroups = groupsOf.getOrDefault(e.key().value(), List.of());
            for (YMap g : itsGroups) inherited = Overlay.of(inherited, g);
            String kind = kindOf(Overlay.of(inherited, ownMap));
            if (byKind.containsKey(kind)) {
                inherited = Overlay.of(all, byKind.get(kind));
                for (YMap g : itsGroups) inherited = Overlay.of(inherited, g);
            }
            out.add(new YMap.Entry(e.key(), Overlay.of(inherited, ownMap)));
        }
        return new YMap(out, nodeMap.pos());
    }

    private static String kindOf(YMap node) {
        return node.get("kind").filter(k -> k instanceof YScalar).map(k -> ((YScalar) k).value()).orElse(NodeSpec.DEFAULT_KIND);
    }

    /** For each node, the settings of the groups it is a member of, in the groups' order. */
    private static Map<String, List<YMap>> members(YNode groups, YMap nodes, Diagnostics d) {
        Map<String, List<YMap>> of = new LinkedHashMap<>();
        Fields.asMap(groups, d, "'groups'").ifPresent(gm -> {
            for (YMap.Entry g : gm.entries()) {
                String group = g.key().value();
                Optional<YMap> body = Fields.asMap(g.value(), d, "group '" + group + "'");
                if (body.isEmpty()) continue;
                Optional<YNode> list = body.get().get(MEMBERS);
                if (list.isEmpty()) {
                    d.error(g.key().pos(), "group '" + group + "' has no 'members' (the nodes it applies to)");
                    continue;
                }
                YMap settings = new YMap(body.get().entries().stream().filter(e -> !e.key().value().equals(MEMBERS)).toList(), body.get().pos());
                Set<String> seen = new TreeSet<>();
                Optional<YSeq> seq = Fields.asSeq(list.get(), d, "'members' of group '" + group + "'");
                for (YNode m : seq.map(YSeq::items).orElse(List.of())) {
                    Optional<String> name = Fields.asText(m, d, "a member of group '" + group + "'");
                    if (name.isEmpty()) continue;
                    if (nodes.get(name.get()).isEmpty()) {
                        d.error(m.pos(), "group '" + group + "': there is no node '" + name.get() + "'"
                                + Suggest.hint(name.get(), nodes.entries().stream().map(e -> e.key().value()).toList()));
                    } else if (!seen.add(name.get())) {
                        d.error(m.pos(), "group '" + group + "' lists '" + name.get() + "' twice");
                    } else {
                        of.computeIfAbsent(name.get(), k -> new ArrayList<>()).add(settings);
                    }
                }
            }
        });
        return of;
    }
}
