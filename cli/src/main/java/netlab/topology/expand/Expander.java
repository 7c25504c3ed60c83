package netlab.topology.expand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import netlab.source.Budget;
import netlab.source.Diagnostics;
import netlab.yaml.YMap;
import netlab.yaml.YNode;

/**
 * Turns a topology as written, with the keys that spare repetition ({@code include}, {@code vars} and
 * {@code --set}, {@code defaults}, {@code groups}), into the plain topology the parser reads. It works on the YAML
 * tree before the parser sees it; every value keeps the position where it was written (in an included file, in a
 * group, in {@code vars}), so the parser's errors still point there. In order: includes are merged, variables are
 * substituted, then defaults and groups are laid under each node's own settings.
 */
public final class Expander {
    /** The keys only the expander reads: gone from the expanded topology. */
    public static final Set<String> KEYS = Set.of(Includes.KEY, "vars", "defaults", "groups");

    private Expander() {}

    /** The expanded tree, and whether anything was expanded (when not, it is the tree given). */
    public record Expanded(YNode root, boolean changed) {}

    /**
     * @param file the topology's file, for includes (empty: a topology that is no file)
     * @param kinds the node kinds there are, for {@code defaults: kinds}
     */
    public static Expanded expand(YNode root, Optional<Path> file, String display, List<Setting> settings, Set<String> kinds,
                                  Budget budget, Diagnostics d) {
        if (!(root instanceof YMap doc)) {
            settings.stream().findFirst().ifPresent(s -> d.error(s.value().pos(), "the topology declares no variable '" + s.name() + "'"));
            return new Expanded(root, false);
        }
        boolean uses = doc.entries().stream().anyMatch(e -> KEYS.contains(e.key().value()));
        if (!uses && settings.isEmpty()) return new Expanded(root, false);

        YMap merged = Includes.resolve(doc, file, display, budget, d);
        Variables vars = Variables.read(merged.get("vars"), settings, labNames(merged), d);
        List<YMap.Entry> entries = new ArrayList<>();
        for (YMap.Entry e : merged.entries()) {
            String key = e.key().value();
            if (KEYS.contains(key)) continue;
            entries.add(new YMap.Entry(e.key(), vars.substitute(e.value(), d)));
        }
        Optional<YNode> defaults = merged.get("defaults").map(n -> vars.substitute(n, d));
        Optional<YNode> groups = merged.get("groups").map(n -> vars.substitute(n, d));
        if (defaults.isPresent() || groups.isPresent()) {
            for (int i = 0; i < entries.size(); i++) {
                YMap.Entry e = entries.get(i);
                if (e.key().value().equals("nodes")) entries.set(i, new YMap.Entry(e.key(), Inheritance.apply(e.value(), defaults, groups, kinds, d)));
            }
        }
        return new Expanded(new YMap(entries, merged.pos()), true);
    }

    /** Node and switch names: {@code ${name}} of one of them is a check's placeholder, never a variable. */
    private static Set<String> labNames(YMap doc) {
        Set<String> names = new TreeSet<>();
        for (String section : List.of("nodes", "switches")) {
            doc.get(section).filter(n -> n instanceof YMap).ifPresent(n -> {
                for (YMap.Entry e : ((YMap) n).entries()) names.add(e.key().value());
            });
        }
        return names;
    }
}
