package netlab.errors;

/** Ctrl-C arrived; the running command stopped at a safe point and undid what it had started. */
public final class InterruptedByUser extends NetlabException {
    public InterruptedByUser(String message) {
        super(ExitCode.INTERRUPTED, message);
    }
}
