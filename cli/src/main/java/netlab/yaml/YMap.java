package netlab.yaml;

import java.util.List;
import java.util.Optional;
import netlab.source.Pos;

/** A mapping whose keys are scalars, in file order. Duplicate keys are rejected by the loader. */
public record YMap(List<Entry> entries, Pos pos) implements YNode {
    public record Entry(YScalar key, YNode value) {}

    public YMap {
        entries = List.copyOf(entries);
    }

    public Optional<YNode> get(String key) {
        for (Entry e : entries) if (e.key().value().equals(key)) return Optional.of(e.value());
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
