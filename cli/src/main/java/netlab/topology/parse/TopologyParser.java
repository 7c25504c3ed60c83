package netlab.topology.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import netlab.check.CheckSpec;
import netlab.core.Catalog;
import netlab.core.Extension;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.topology.LinkSpec;
import netlab.topology.Names;
import netlab.topology.NodeSpec;
import netlab.topology.Sections;
import netlab.topology.SwitchSpec;
import netlab.topology.Topology;
import netlab.yaml.Fields;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YSeq;

/**
 * Reads a topology's YAML tree strictly: every unknown key, wrong type and malformed value is reported with its
 * position, and reading goes on so that one run shows every problem. Cross-references are checked later by
 * {@link netlab.model.build.ModelBuilder}. What kinds exist, and which keys extensions read, comes from the catalog:
 * the parser names no kind.
 */
public final class TopologyParser {
    static final Set<String> TOP_KEYS = Set.of("name", "description", "nodes", "switches", "links", "checks");

    private TopologyParser() {}

    public static Topology parse(YNode root, Topology.Source source, Diagnostics d, Catalog catalog) {
        Pos top = new Pos(source.displayName(), 1, 1);
        YMap map = Fields.asMap(root, d, "the topology").orElse(new YMap(List.of(), top));
        Set<String> allowed = new TreeSet<>(TOP_KEYS);
        allowed.addAll(catalog.topologyKeys());
        Fields f = Fields.of(map, d, "the topology", allowed);

        String name = f.requiredString("name").orElse("invalid");
        if (f.has("name")) Names.checkLab(name).ifPresent(msg -> d.error(f.posOf("name"), msg));
        String description = f.string("description").orElse("");

        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        if (!f.has("nodes")) d.error(map.pos(), "the topology needs 'nodes' (at least one node)");
        f.mapping("nodes").ifPresent(m -> {
            if (m.entries().isEmpty()) d.error(m.pos(), "'nodes' is empty; a lab needs at least one node");
            for (YMap.Entry e : m.entries()) {
                String n = e.key().value();
                Names.checkNode(n).ifPresent(msg -> d.error(e.key().pos(), msg));
                nodes.put(n, NodeParser.parse(n, e.key().pos(), e.value(), d, catalog));
            }
        });

        Map<String, SwitchSpec> switches = new LinkedHashMap<>();
        f.mapping("switches").ifPresent(m -> {
            for (YMap.Entry e : m.entries()) {
                String n = e.key().value();
                Names.checkIfname(n, "switch name").ifPresent(msg -> d.error(e.key().pos(), msg));
                if (nodes.containsKey(n)) {
                    d.error(e.key().pos(), "'" + n + "' is both a node and a switch; names must be unique");
                }
                switches.put(n, SwitchParser.parse(n, e.key().pos(), e.value(), d));
            }
        });

        List<LinkSpec> links = new ArrayList<>();
        f.list("links").ifPresent(seq -> {
            for (YNode item : seq.items()) LinkParser.parse(item, d).ifPresent(links::add);
        });

        // extensions (a cluster) add their parts (pods' links, the nodes' bridges and rules) before anything refers to them
        Sections.Builder sections = new Sections.Builder();
        for (Extension e : catalog.extensions()) e.readTopology(f, nodes, links, sections);

        List<CheckSpec> checks = new ArrayList<>();
        f.list("checks").ifPresent(seq -> readChecks(seq, checks, d, catalog));
        sections.put(CheckSpec.SECTION, checks);

        return new Topology(name, description, source, nodes, switches, links, sections.build(), map.pos());
    }

    private static void readChecks(YSeq seq, List<CheckSpec> checks, Diagnostics d, Catalog catalog) {
        Map<String, Pos> names = new LinkedHashMap<>();
        for (YNode item : seq.items()) {
            boolean named = item instanceof YMap m && m.get("name").isPresent();
            CheckParser.parse(item, d, catalog.checkKinds()).ifPresent(c -> {
                CheckSpec check = c;
                if (names.containsKey(c.name()) && !named) {
                    // Two unnamed checks of the same probe: number the later one instead of refusing.
                    int n = 2;
                    while (names.containsKey(c.name() + " #" + n)) n++;
                    check = c.named(c.name() + " #" + n);
                }
                Pos first = names.putIfAbsent(check.name(), check.pos());
                if (first != null) {
                    d.error(check.pos(), "two checks are named '" + check.name() + "' (the other is at line " + first.line()
                            + "); names must be unique");
                }
                checks.add(check);
            });
        }
    }
}
