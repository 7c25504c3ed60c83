package netlab.shell;

/** Thrown by the exit verb: leaves the read loop (or a sourced file) like Ctrl-D. */
public final class ExitRequest extends RuntimeException {
    private final int code;

    public ExitRequest(int code) {
        super(null, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
