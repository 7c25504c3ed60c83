package netlab.source;

/** A running count against one limit ({@link Budget}), remembering where it was passed: the first thing over it. */
public final class Tally {
    private final long limit;
    private long total;
    private Pos passedAt;

    public Tally(long limit) {
        this.limit = limit;
    }

    public void add(long n, Pos at) {
        total += n;
        if (total > limit && passedAt == null) passedAt = at;
    }

    /** Reports the limit where it was passed, if it was. {@code what} has one %d, the count: "the topology has %d nodes". */
    public void report(Diagnostics d, String what) {
        if (passedAt == null) return;
        d.error(passedAt, what.replace("%d", Long.toString(total)) + ", over the limit of " + limit + " from here on ("
                + Budget.FLAG + " lifts it)");
    }
}
