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
 * An item of a list whose entries each hold exactly one kind: {@code - dnat: {port: 8080, ...}}, or just the kind's
 * name when it needs no settings ({@code - http}). Used by the rules and services lists.
 *
 * @param key  the kind's key as written
 * @param body the kind's settings (an empty mapping for the bare form)
 */
public record KindEntry(String key, Pos keyPos, YMap body) {

    /**
     * @param what  "a rule", "a service": for messages
     * @param kinds every key that selects a kind
     */
    public static Optional<KindEntry> read(YNode item, String what, Set<String> kinds, Diagnostics d) {
        String listing = "; kinds: " + String.join(", ", kinds);
        if (item instanceof YScalar s && !s.isNull()) {
            if (!kinds.contains(s.value())) {
                d.error(s.pos(), "unknown kind '" + s.value() + "' for " + what + Suggest.hint(s.value(), kinds) + listing);
                return Optional.empty();
            }
            return Optional.of(new KindEntry(s.value(), s.pos(), new YMap(List.of(), s.pos())));
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
        if (!kinds.contains(key)) {
            d.error(first.key().pos(), "unknown kind '" + key + "' for " + what + Suggest.hint(key, kinds) + listing);
            return Optional.empty();
        }
        if (entries.size() > 1) {
            YMap.Entry second = entries.get(1);
            d.error(second.key().pos(), what + " has one kind and its settings under it; '" + second.key().value()
                    + "' belongs inside '" + key + "'" + (kinds.contains(second.key().value()) ? " or in an entry of its own" : ""));
        }
        Optional<YMap> body = Fields.asMap(first.value(), d, "'" + key + "' in " + what);
        return body.map(b -> new KindEntry(key, first.key().pos(), b));
    }
}
