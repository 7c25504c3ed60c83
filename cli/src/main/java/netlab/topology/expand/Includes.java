package netlab.topology.expand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.source.Budget;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YScalar;
import netlab.yaml.YSeq;
import netlab.yaml.YamlLoader;

/**
 * {@code include:} of other YAML files, each a part of the topology, merged into the file that includes it:
 * its nodes, switches and groups join the including file's (one name defined twice is an error), its links and
 * checks come first, its {@code vars} and {@code defaults} are overridden by the including file's, and any other key
 * may be set by one file only (its {@code name} and {@code description}: the including file's win).
 * <p>An included file is read like a topology (within the budget, a regular file) and only from the directory of the
 * topology given on the command line or below it, never through a symbolic link: an include names the lab's own
 * parts, not the machine's files. Cycles, a file included twice and nesting deeper than {@link #MAX_DEPTH} are refused.
 */
final class Includes {
    static final int MAX_DEPTH = 8;
    static final int MAX_FILES = 64;
    static final String KEY = "include";
    private static final Set<String> JOINED_MAPPINGS = Set.of("nodes", "switches", "groups");
    private static final Set<String> OVERRIDDEN_MAPPINGS = Set.of("vars", "defaults");
    private static final Set<String> JOINED_LISTS = Set.of("links", "checks");
    private static final Set<String> OWN_WINS = Set.of("name", "description");

    private final Path rootDir;
    private final String rootDisplayDir;
    private final Budget budget;
    private final Diagnostics d;
    private final Map<Path, Pos> read = new LinkedHashMap<>();

    private Includes(Path rootDir, String rootDisplayDir, Budget budget, Diagnostics d) {
        this.rootDir = rootDir;
        this.rootDisplayDir = rootDisplayDir;
        this.budget = budget;
        this.d = d;
    }

    /**
     * The document with its includes merged in. {@code file}: the topology's file (empty for a topology that is no
     * file, such as a lab's stored copy, which never includes: an include there is an error).
     */
    static YMap resolve(YMap doc, Optional<Path> file, String display, Budget budget, Diagnostics d) {
        if (doc.get(KEY).isEmpty()) return doc;
        if (file.isEmpty()) {
            d.error(doc.get(KEY).get().pos(), "'include' needs a topology file to be relative to; this topology is not read from one");
            return without(doc);
        }
        Path abs = file.get().toAbsolutePath().normalize();
        Path dir;
        try {
            dir = abs.getParent().toRealPath();
        } catch (IOException e) {
            d.error(doc.get(KEY).get().pos(), "cannot resolve the topology's directory: " + e.getMessage());
            return without(doc);
        }
        Path displayParent = Path.of(display).getParent();
        Includes in = new Includes(dir, displayParent == null ? "" : displayParent.toString(), budget, d);
        in.read.put(dir.resolve(abs.getFileName()), new Pos(display, 1, 1));
        return in.expand(doc, dir, List.of(dir.resolve(abs.getFileName())));
    }

    private YMap expand(YMap doc, Path dirOfDoc, List<Path> chain) {
        Optional<YNode> inc = doc.get(KEY);
        if (inc.isEmpty()) return doc;
        List<YScalar> names = new ArrayList<>();
        if (inc.get() instanceof YScalar s && s.type() == YScalar.Type.STR) names.add(s);
        else if (inc.get() instanceof YSeq seq) {
            for (YNode i : seq.items()) {
                if (i instanceof YScalar s && s.type() == YScalar.Type.STR) names.add(s);
                else d.error(i.pos(), "an include is a file name (a string), not " + i.describe());
            }
        } else d.error(inc.get().pos(), "'include' is a file name or a list of them, not " + inc.get().describe());

        YMap merged = new YMap(List.of(), doc.pos());
        for (YScalar name : names) {
            Optional<Path> file = locate(name, dirOfDoc);
            if (file.isEmpty()) continue;
            if (chain.contains(file.get())) {
                d.error(name.pos(), "'" + name.value() + "' includes itself (a cycle: " + cycle(chain, file.get()) + ")");
                continue;
            }
            if (read.containsKey(file.get())) {
                d.error(name.pos(), "'" + name.value() + "' is included twice (first at " + read.get(file.get()) + ")");
                continue;
            }
            if (chain.size() > MAX_DEPTH) {
                d.error(name.pos(), "includes nest deeper than " + MAX_DEPTH + " files");
                continue;
            }
            if (read.size() >= MAX_FILES) {
                d.error(name.pos(), "a topology may include at most " + MAX_FILES + " files");
                continue;
            }
            read.put(file.get(), name.pos());
            String display = displayOf(file.get());
            Optional<YNode> root = YamlLoader.load(file.get(), display, budget, d);
            if (root.isEmpty()) continue;
            if (!(root.get() instanceof YMap part)) {
                d.error(root.get().pos(), "an included file is a mapping of topology keys (nodes, links...), not " + root.get().describe());
                continue;
            }
            List<Path> deeper = new ArrayList<>(chain);
            deeper.add(file.get());
            merged = merge(merged, expand(part, file.get().getParent(), deeper));
        }
        return merge(merged, without(doc));
    }

    /** The included file: relative, inside the topology's directory, every part of its path no symbolic link. */
    private Optional<Path> locate(YScalar name, Path dirOfDoc) {
        String n = name.value();
        if (n.isEmpty() || n.indexOf('\0') >= 0 || n.chars().anyMatch(c -> c < ' ')) {
            d.error(name.pos(), "an include is a file name; this one is empty or holds a control character");
            return Optional.empty();
        }
        Path p;
        try {
            p = Path.of(n);
        } catch (java.nio.file.InvalidPathException e) {
            d.error(name.pos(), "'" + n + "' is not a file name");
            return Optional.empty();
        }
        if (p.isAbsolute()) {
            d.error(name.pos(), "'" + n + "' is an absolute path; an include is relative to the file that includes it");
            return Optional.empty();
        }
        Path target = dirOfDoc.resolve(p).normalize();
        if (!target.startsWith(rootDir) || target.equals(rootDir)) {
            d.error(name.pos(), "'" + n + "' is outside the topology's directory " + rootDir + "; a lab includes only its own files");
            return Optional.empty();
        }
        Path walk = rootDir;
        for (Path part : rootDir.relativize(target)) {
            walk = walk.resolve(part);
            if (Files.isSymbolicLink(walk)) {
                d.error(name.pos(), "'" + n + "' goes through a symbolic link (" + walk + "); netlab includes no file through a link");
                return Optional.empty();
            }
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            d.error(name.pos(), "included file '" + n + "' does not exist (looked for " + target + ")");
            return Optional.empty();
        }
        return Optional.of(target);
    }

    private String displayOf(Path file) {
        Path rel = rootDir.relativize(file);
        return rootDisplayDir.isEmpty() ? rel.toString() : Path.of(rootDisplayDir).resolve(rel).toString();
    }

    private static String cycle(List<Path> chain, Path again) {
        StringBuilder b = new StringBuilder();
        for (Path p : chain.subList(chain.indexOf(again), chain.size())) b.append(p.getFileName()).append(" -> ");
        return b.append(again.getFileName()).toString();
    }

    /** {@code upper} merged over {@code lower}, key by key (see the class), in the upper's order, then the lower's other keys. */
    private YMap merge(YMap lower, YMap upper) {
        List<YMap.Entry> entries = new ArrayList<>();
        for (YMap.Entry u : upper.entries()) {
            String key = u.key().value();
            Optional<YMap.Entry> l = lower.entries().stream().filter(e -> e.key().value().equals(key)).findFirst();
            if (l.isEmpty()) {
                entries.add(u);
                continue;
            }
            YNode lv = l.get().value(), uv = u.value();
            YScalar k = u.key();
            if (OWN_WINS.contains(key)) entries.add(u);
            else if (OVERRIDDEN_MAPPINGS.contains(key) && lv instanceof YMap lm && uv instanceof YMap um) entries.add(new YMap.Entry(k, Overlay.of(lm, um)));
            else if (JOINED_MAPPINGS.contains(key) && lv instanceof YMap lm && uv instanceof YMap um) entries.add(new YMap.Entry(k, joined(key, lm, um)));
            else if (JOINED_LISTS.contains(key) && lv instanceof YSeq ls && uv instanceof YSeq us) {
                List<YNode> items = new ArrayList<>(ls.items());
                items.addAll(us.items());
                entries.add(new YMap.Entry(k, new YSeq(items, us.pos())));
            } else {
                d.error(k.pos(), "'" + key + "' is set here and at " + l.get().key().pos() + "; only one file of a lab may set it");
                entries.add(u);
            }
        }
        for (YMap.Entry l : lower.entries()) {
            if (upper.get(l.key().value()).isEmpty()) entries.add(l);
        }
        return new YMap(entries, upper.pos());
    }

    private YMap joined(String section, YMap lower, YMap upper) {
        List<YMap.Entry> entries = new ArrayList<>(lower.entries());
        for (YMap.Entry u : upper.entries()) {
            Optional<YMap.Entry> twice = lower.entries().stream().filter(e -> e.key().value().equals(u.key().value())).findFirst();
            if (twice.isPresent()) {
                d.error(u.key().pos(), "'" + u.key().value() + "' of '" + section + "' is defined here and at " + twice.get().key().pos());
            } else entries.add(u);
        }
        return new YMap(entries, upper.pos());
    }

    private static YMap without(YMap doc) {
        return new YMap(doc.entries().stream().filter(e -> !e.key().value().equals(KEY)).toList(), doc.pos());
    }
}
