package netlab.source;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Collects every problem found while reading and validating a topology, so the user sees all of them at once
 * instead of fixing one per run. Not thread-safe: one instance per load.
 */
public final class Diagnostics {
    private final TreeSet<Diagnostic> errors = new TreeSet<>();

    public void error(Pos pos, String message) {
        errors.add(new Diagnostic(pos, Printable.line(message)));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public int count() {
        return errors.size();
    }

    /** Sorted by position, duplicates removed. */
    public List<Diagnostic> all() {
        return new ArrayList<>(errors);
    }

    public void throwIfAny() {
        if (hasErrors()) throw new InvalidTopologyException(all());
    }
}
