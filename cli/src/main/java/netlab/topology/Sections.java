package netlab.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a topology, or of a node, that features and extensions own, each under its {@link Section} key (a
 * key is an object, so two owners cannot collide even with one name). Immutable; equal when they hold equal parts.
 */
public final class Sections {
    public static final Sections NONE = new Sections(Map.of());

    private final Map<Section<?>, Object> parts;

    private Sections(Map<Section<?>, Object> parts) {
        this.parts = parts;
    }

    /** The part under {@code key}, if it was read. */
    public <T> Optional<T> get(Section<T> key) {
        // only put() stores under a key, with the key's own type
        @SuppressWarnings("unchecked")
        T part = (T) parts.get(key);
        return Optional.ofNullable(part);
    }

    /** Every part by its key, in the order they were read: for what shows whatever a node carries (a picture). */
    public Map<Section<?>, Object> parts() {
        return parts;
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.parts.putAll(parts);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sections s && s.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return "Sections" + parts;
    }

    /** Collects the parts while a topology or a node is read. */
    public static final class Builder {
        private final Map<Section<?>, Object> parts = new LinkedHashMap<>();

        public <T> Builder put(Section<T> key, T part) {
            parts.put(key, part);
            return this;
        }

        public Sections build() {
            return parts.isEmpty() ? NONE : new Sections(Collections.unmodifiableMap(new LinkedHashMap<>(parts)));
        }
    }
}
