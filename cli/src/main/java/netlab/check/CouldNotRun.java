package netlab.check;

/**
 * Thrown from deep inside a probe when what it needs is not there to be used (a node's namespace, a program, a
 * table that cannot be read): the attempt could not run. {@link CheckBody#observe} turns it into
 * {@link Observation#couldNotRun}, so helpers need not thread a third outcome through their return values.
 */
public final class CouldNotRun extends RuntimeException {
    public CouldNotRun(String reason) {
        super(reason, null, false, false);
    }
}
