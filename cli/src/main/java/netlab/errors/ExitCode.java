package netlab.errors;

/** Exit codes, distinct per cause so scripts and CI can tell a failed check from a broken topology. */
public final class ExitCode {
    private ExitCode() {}

    /** Everything worked and every check passed. */
    public static final int OK = 0;
    /** The lab ran but at least one check failed (and every check could run). */
    public static final int CHECK_FAILED = 1;
    /** The topology file (or the command line) is invalid; nothing was created. */
    public static final int INVALID_TOPOLOGY = 2;
    /** The machine cannot run the lab: not root, a missing tool, a kernel feature, Docker unreachable. */
    public static final int ENVIRONMENT = 3;
    /** The lab is not in the state the command needs: unknown lab, busy, not up. */
    public static final int LAB_STATE = 4;
    /** Building or tearing down failed part-way (a kernel or Docker operation was refused). */
    public static final int OPERATION_FAILED = 5;
    /**
     * A check could not run: its probe did not start, or did not do what it must for its observation to mean anything
     * (a node's namespace gone, a program missing, a filter that does not compile). It proved nothing either way, so
     * it outranks a failed check; the probe is an operation that failed.
     */
    public static final int CHECK_COULD_NOT_RUN = OPERATION_FAILED;
    /** Interrupted (Ctrl-C); what was built has been rolled back. */
    public static final int INTERRUPTED = 130;
    /** A bug in netlab itself. */
    public static final int INTERNAL = 70;
}
