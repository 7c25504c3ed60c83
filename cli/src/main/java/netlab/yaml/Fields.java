package netlab.yaml;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.source.Suggest;

/**
 * Strict, typed access to one YAML mapping. Construction reports every key that is not allowed (with "did you
 * mean"); the getters report wrong types and return empty/defaults so reading can go on and find more errors.
 */
public final class Fields {
    private final YMap map;
    private final Diagnostics diags;
    private final String where;

    private Fields(YMap map, Diagnostics diags, String where) {
        this.map = map;
        this.diags = diags;
        this.where = where;
    }

    /**
     * @param where what the mapping is, for messages ("node 'h1'", "a ping check")
     * @param allowed every key this mapping may have
     */
    public static Fields of(YMap map, Diagnostics diags, String where, Set<String> allowed) {
        for (YMap.Entry e : map.entries()) {
            String key = e.key().value();
            if (!allowed.contains(key)) {
                diags.error(e.key().pos(), "unknown key '" + key + "' in " + where + Suggest.hint(key, allowed)
                        + (Suggest.closest(key, allowed).isEmpty() ? "; allowed: " + String.join(", ", sorted(allowed)) : ""));
            }
        }
        return new Fields(map, diags, where);
    }

    /** Reads {@code node} as a mapping, reporting it when it is not one. Null means "empty mapping". */
    public static Optional<YMap> asMap(YNode node, Diagnostics diags, String what) {
        if (node instanceof YMap m) return Optional.of(m);
        if (node instanceof YScalar s && s.isNull()) return Optional.of(new YMap(List.of(), s.pos()));
        diags.error(node.pos(), what + " must be a mapping (key: value lines), not " + node.describe());
        return Optional.empty();
    }

    public static Optional<YSeq> asSeq(YNode node, Diagnostics diags, String what) {
        if (node instanceof YSeq s) return Optional.of(s);
        if (node instanceof YScalar s && s.isNull()) return Optional.of(new YSeq(List.of(), s.pos()));
        diags.error(node.pos(), what + " must be a list, not " + node.describe());
        return Optional.empty();
    }

    /** A scalar read as text, whatever its YAML type (numbers and booleans are fine where a string is expected). */
    public static Optional<String> asText(YNode node, Diagnostics diags, String what) {
        if (node instanceof YScalar s && !s.isNull()) return Optional.of(s.value());
        diags.error(node.pos(), what + " must be a single value, not " + node.describe());
        return Optional.empty();
    }

    public YMap map() {
        return map;
    }

    public Pos pos() {
        return map.pos();
    }

    public Diagnostics diags() {
        return diags;
    }

    public boolean has(String key) {
        return map.get(key).isPresent();
    }

    public Optional<YNode> node(String key) {
        return map.get(key);
    }

    /** Position of the key's value, or of the mapping when the key is absent. */
    public Pos posOf(String key) {
        return map.get(key).map(YNode::pos).orElse(map.pos());
    }

    public Optional<String> string(String key) {
        return map.get(key).flatMap(n -> asText(n, diags, "'" + key + "' in " + where));
    }

    public Optional<String> requiredString(String key) {
        if (!has(key)) {
            diags.error(map.pos(), where + " needs '" + key + "'");
            return Optional.empty();
        }
        return string(key);
    }

    public boolean bool(String key, boolean dflt) {
        Optional<YNode> n = map.get(key);
        if (n.isEmpty()) return dflt;
        if (n.get() instanceof YScalar s && s.type() == YScalar.Type.BOOL) return Boolean.parseBoolean(s.value().toLowerCase());
        diags.error(n.get().pos(), "'" + key + "' in " + where + " must be true or false, not " + n.get().describe()
                + (n.get() instanceof YScalar s ? " '" + s.value() + "'" : ""));
        return dflt;
    }

    public Optional<Long> integer(String key, long min, long max) {
        Optional<YNode> n = map.get(key);
        if (n.isEmpty()) return Optional.empty();
        return readInteger(n.get(), "'" + key + "' in " + where, min, max, diags);
    }

    public long integer(String key, long dflt, long min, long max) {
        return integer(key, min, max).orElse(dflt);
    }

    public static Optional<Long> readInteger(YNode node, String what, long min, long max, Diagnostics diags) {
        if (node instanceof YScalar s && s.type() == YScalar.Type.INT) {
            try {
                long v = Long.decode(s.value().replace("_", "").replace("0o", "0"));
                if (v < min || v > max) {
                    diags.error(s.pos(), what + " must be between " + min + " and " + max + ", not " + s.value());
                    return Optional.empty();
                }
                return Optional.of(v);
            } catch (NumberFormatException e) {
                diags.error(s.pos(), what + " is too large: " + s.value());
                return Optional.empty();
            }
        }
        diags.error(node.pos(), what + " must be a whole number, not " + node.describe()
                + (node instanceof YScalar s ? " '" + s.value() + "'" : ""));
        return Optional.empty();
    }

    /** Durations as "2s", "500ms", "1m", or a bare number of seconds. */
    public Optional<Duration> duration(String key, Duration max) {
        Optional<YNode> n = map.get(key);
        if (n.isEmpty()) return Optional.empty();
        if (!(n.get() instanceof YScalar s) || s.isNull()) {
            diags.error(n.get().pos(), "'" + key + "' in " + where + " must be a duration like 2s or 500ms");
            return Optional.empty();
        }
        Optional<Duration> d = Durations.parse(s.value());
        if (d.isEmpty()) {
            diags.error(s.pos(), "'" + key + "' in " + where + ": '" + s.value() + "' is not a duration (use e.g. 2s, 500ms, 1m)");
        } else if (d.get().compareTo(max) > 0) {
            diags.error(s.pos(), "'" + key + "' in " + where + " must be at most " + Durations.format(max));
            return Optional.empty();
        }
        return d;
    }

    public Optional<YMap> mapping(String key) {
        return map.get(key).flatMap(n -> asMap(n, diags, "'" + key + "' in " + where));
    }

    public Optional<YSeq> list(String key) {
        return map.get(key).flatMap(n -> asSeq(n, diags, "'" + key + "' in " + where));
    }

    /** A value that may be written as one item or a list of items; each item read as text. */
    public List<Located> textList(String key) {
        Optional<YNode> n = map.get(key);
        if (n.isEmpty()) return List.of();
        List<YNode> items = n.get() instanceof YSeq s ? s.items() : List.of(n.get());
        List<Located> out = new ArrayList<>();
        for (YNode item : items) {
            asText(item, diags, "an item of '" + key + "' in " + where).ifPresent(t -> out.add(new Located(t, item.pos())));
        }
        return out;
    }

    /** A mapping of name → scalar (such as sysctls), in file order. */
    public Map<String, Located> textMap(String key) {
        Map<String, Located> out = new LinkedHashMap<>();
        mapping(key).ifPresent(m -> {
            for (YMap.Entry e : m.entries()) {
                asText(e.value(), diags, "'" + e.key().value() + "' in '" + key + "'")
                        .ifPresent(v -> out.put(e.key().value(), new Located(v, e.value().pos())));
            }
        });
        return out;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
