package netlab.kind;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of one family (node kinds, interface types, check kinds, rule kinds, service kinds) by the key that
 * selects each in a topology, in the order they were registered (messages list them in that order). Immutable; made
 * once, by the composition root ({@code netlab.app.BuiltIn}), from an explicit list: no scanning, no reflection.
 *
 * @param <K> the family's kind interface
 */
public final class Registry<K> {
    private final String what;
    private final Map<String, K> byKey;

    private Registry(String what, Map<String, K> byKey) {
        this.what = what;
        this.byKey = Collections.unmodifiableMap(byKey);
    }

    /** @param what the family, for messages ("node kind", "check kind") */
    public static <K extends Kind> Registry<K> of(String what, List<? extends K> kinds) {
        Map<String, K> m = new LinkedHashMap<>();
        for (K k : kinds) put(m, what, k.key(), k);
        return new Registry<>(what, m);
    }

    /** For kinds whose interface names its key otherwise: key → kind, in registration order. */
    public static <K> Registry<K> keyed(String what, Map<String, ? extends K> kinds) {
        Map<String, K> m = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends K> e : kinds.entrySet()) put(m, what, e.getKey(), e.getValue());
        return new Registry<>(what, m);
    }

    private static <K> void put(Map<String, K> m, String what, String key, K kind) {
        if (m.putIfAbsent(key, kind) != null) throw new IllegalArgumentException("two " + what + "s have the key " + key);
    }

    public Optional<K> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The kind of a key that parsing already accepted. */
    public K get(String key) {
        K k = byKey.get(key);
        if (k == null) throw new IllegalArgumentException("unknown " + what + " " + key);
        return k;
    }

    public boolean has(String key) {
        return byKey.containsKey(key);
    }

    /** Every key, in registration order. */
    public Set<String> keys() {
        return byKey.keySet();
    }

    /** Every kind, in registration order. */
    public Collection<K> all() {
        return byKey.values();
    }

    /** The family, for messages. */
    public String what() {
        return what;
    }
}
