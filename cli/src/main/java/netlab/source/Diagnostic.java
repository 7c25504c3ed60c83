package netlab.source;

/** One problem found in a topology, tied to where it is in the file. */
public record Diagnostic(Pos pos, String message) implements Comparable<Diagnostic> {
    @Override
    public String toString() {
        return pos + ": " + message;
    }

    @Override
    public int compareTo(Diagnostic o) {
        int c = pos.compareTo(o.pos);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
