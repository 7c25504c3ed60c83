package netlab.topology.expand;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.yaml.YMap;
import netlab.yaml.YNode;

/**
 * One mapping laid over another: a key in both takes the upper one's value, except that two mappings under the same
 * key are laid over each other in turn (a node's {@code sysctls} add to its group's). Lists are replaced, not joined.
 * Every value keeps the position where it was written.
 */
final class Overlay {
    private Overlay() {}

    static YMap of(YMap lower, YMap upper) {
        List<YMap.Entry> entries = new ArrayList<>();
        for (YMap.Entry e : lower.entries()) {
            Optional<YNode> over = upper.get(e.key().value());
            if (over.isEmpty()) entries.add(e);
            else if (e.value() instanceof YMap l && over.get() instanceof YMap u) entries.add(new YMap.Entry(keyOf(upper, e), of(l, u)));
            else entries.add(new YMap.Entry(keyOf(upper, e), over.get()));
        }
        for (YMap.Entry e : upper.entries()) {
            if (lower.get(e.key().value()).isEmpty()) entries.add(e);
        }
        return new YMap(entries, upper.pos());
    }

    /** The upper key (its position) for a key both mappings have. */
    private static netlab.yaml.YScalar keyOf(YMap upper, YMap.Entry lowerEntry) {
        for (YMap.Entry e : upper.entries()) if (e.key().value().equals(lowerEntry.key().value())) return e.key();
        return lowerEntry.key();
    }
}
