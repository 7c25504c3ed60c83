package netlab.check;

/**
 * What one attempt saw. {@code OK} means the probe did what it tests for (replies came, the entry is there),
 * {@code NOT_OK} that it ran and did not; the runner compares that with what the check expects. {@code NOT_RUN}
 * means the probe could not run, so it saw nothing (its program did not start, its node's namespace is gone, a
 * filter did not compile): whatever the check expects, that is neither a pass nor a failure (see {@link Outcome}).
 *
 * @param sentNothing the probe ran but put nothing on the wire (no route; the way out has no carrier). For a check
 *                    of its own that is a real observation; as the traffic another check watches (a capture's
 *                    {@code during}) it is a probe that did not do its job: see {@link #asAction()}.
 */
public record Observation(Seen seen, String detail, boolean sentNothing) {
    /** The three things an attempt can come back with. */
    public enum Seen { OK, NOT_OK, NOT_RUN }

    public static Observation ok(String detail) {
        return new Observation(Seen.OK, detail, false);
    }

    public static Observation notOk(String detail) {
        return new Observation(Seen.NOT_OK, detail, false);
    }

    /** The probe could not run; {@code reason} says what did not happen. */
    public static Observation couldNotRun(String reason) {
        return new Observation(Seen.NOT_RUN, reason, false);
    }

    /** The same observation, marked as one for which nothing was sent. */
    public Observation nothingSent() {
        return new Observation(seen, detail, true);
    }

    /** The same observation, marked as one for which nothing was sent, and why nothing could leave. */
    public Observation nothingSent(String because) {
        return new Observation(seen, detail + "; nothing could leave: " + because, true);
    }

    public boolean ok() {
        return seen == Seen.OK;
    }

    public boolean ran() {
        return seen != Seen.NOT_RUN;
    }

    /**
     * What this observation means when the probe was run as another check's action (the traffic a capture
     * watches): it did its job only if it ran and sent something; whether it got its answer does not matter (an ARP
     * for an address nobody has is traffic too).
     */
    public Observation asAction() {
        if (seen == Seen.NOT_RUN) return this;
        if (sentNothing) return couldNotRun("it sent nothing: " + detail);
        return this;
    }
}
