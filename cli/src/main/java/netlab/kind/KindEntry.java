package netlab.kind;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.yaml.Fields;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YScalar;

/**
 * A mapping that holds exactly one kind of a family, found and checked: the one reader of "exactly one kind key" for
 * every family. Three shapes are written:
 * <ul>
 * <li>an item of a list whose entries each hold one kind, {@code - dnat: {port: 8080, ...}}, or just the kind's key
 * when it needs no settings ({@code - http}): {@link #item} (rules, services);</li>
 * <li>a mapping with one kind key among common keys, {@code {name: x, ping: {...}, retries: 2}}: {@link #among}
 * (a check);</li>
 * <li>a mapping that is nothing but one kind, {@code during: {ping: {...}}}: {@link #only} (a probe nested in a
 * check).</li>
 * </ul>
 *
 * @param kind   the kind the key selects
 * @param key    the kind's key as written
 * @param body   the kind's settings (an empty mapping for the bare form)
 */
public record KindEntry<K>(K kind, String key, Pos keyPos, YMap body) {

    /**
     * @param what "a rule of node 'r1'", "a service of node 'web'": for messages
     */
    public static <K> Optional<KindEntry<K>> item(YNode item, String what, Registry<K> kinds, Diagnostics d) {
        Set<String> keys = kinds.keys();
        String listing = "; kinds: " + String.join(", ", keys);
        if (item instanceof YScalar s && !s.isNull()) {
            if (!keys.contains(s.value())) {
                d.error(s.pos(), "unknown kind '" + s.value() + "' for " + what + Suggest.hint(s.value(), keys) + listing);
                return Optional.empty();
            }
            return Optional.of(new KindEntry<>(kinds.get(s.value()), s.value(), s.pos(), new YMap(List.of(), s.pos())));
        }
        Optional<YMap> m = Fields.asMap(item, d, what);
        if (m.isEmpty()) return Optional.empty();
        List<YMap.Entry> entries = m.get().entries();
        if (entries.isEmpty()) {
            d.error(m.get().pos(), what + " needs a kind" + listing);
            return Optional.empty();
        }
        YMap.Entry first = entries.get(0);
        String key = first.key().value();
        if (!keys.contains(key)) {
            d.error(first.key().pos(), "unknown kind '" + key + "' for " + what + Suggest.hint(key, keys) + listing);
            return Optional.empty();
        }
        if (entries.size() > 1) {
            YMap.Entry second = entries.get(1);
            d.error(second.key().pos(), what + " has one kind and its settings under it; '" + second.key().value()
                    + "' belongs inside '" + key + "'" + (keys.contains(second.key().value()) ? " or in an entry of its own" : ""));
        }
        Optional<YMap> body = Fields.asMap(first.value(), d, "'" + key + "' in " + what);
        return body.map(b -> new KindEntry<>(kinds.get(key), key, first.key().pos(), b));
    }

    /**
     * The one kind key of a mapping that also holds common keys (which the caller reads, and whose unknown keys it
     * reports). Nothing when it has no kind key; then, unless some other key is there (already reported as unknown),
     * "{@code what} needs one kind: ...". A second kind key is an error; the first one is read.
     *
     * @param what   "a check": for messages
     * @param plural "checks": "make two checks"
     */
    public static <K> Optional<KindEntry<K>> among(YMap m, Set<String> common, String what, String plural, Registry<K> kinds, Diagnostics d) {
        List<YMap.Entry> found = m.entries().stream().filter(e -> kinds.has(e.key().value())).toList();
        if (found.isEmpty()) {
            boolean other = m.entries().stream().anyMatch(e -> !common.contains(e.key().value()));
            if (!other) d.error(m.pos(), what + " needs one kind: " + String.join(", ", kinds.keys()));
            return Optional.empty();
        }
        if (found.size() > 1) {
            d.error(found.get(1).key().pos(), what + " has one kind; this one has both '" + found.get(0).key().value()
                    + "' and '" + found.get(1).key().value() + "' (make two " + plural + ")");
        }
        YMap.Entry entry = found.get(0);
        String key = entry.key().value();
        YMap body = Fields.asMap(entry.value(), d, "'" + key + "'").orElse(new YMap(List.of(), entry.value().pos()));
        return Optional.of(new KindEntry<>(kinds.get(key), key, entry.key().pos(), body));
    }

    /**
     * A mapping that must be exactly one kind with its settings, such as a probe nested in a check under {@code field}.
     *
     * @param holds the whole message when it is not ("'during' holds one probe, such as {ping: {from: h1, to: h2}}")
     */
    public static <K> Optional<KindEntry<K>> only(YMap m, String field, String holds, Registry<K> kinds, Diagnostics d) {
        if (m.entries().size() != 1 || !kinds.has(m.entries().get(0).key().value())) {
            d.error(m.pos(), holds);
            return Optional.empty();
        }
        YMap.Entry e = m.entries().get(0);
        String key = e.key().value();
        return Fields.asMap(e.value(), d, "'" + key + "' in '" + field + "'").map(body -> new KindEntry<>(kinds.get(key), key, e.key().pos(), body));
    }
}
