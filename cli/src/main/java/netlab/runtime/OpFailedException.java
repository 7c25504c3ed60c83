package netlab.runtime;

import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.plan.Op;

/** A kernel, Docker or shell operation was refused. The message names the op and quotes the tool's error. */
public final class OpFailedException extends NetlabException {
    private final transient Op op;

    public OpFailedException(String where, Op op, String toolMessage) {
        this(where, op, op.describe(), toolMessage);
    }

    /** @param what the part of the op that was refused, in the tool's words (a line of its input) */
    public OpFailedException(String where, Op op, String what, String toolMessage) {
        super(ExitCode.OPERATION_FAILED, where + ": '" + what + "' failed: " + oneLine(toolMessage));
        this.op = op;
    }

    public Op op() {
        return op;
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\n\\s*", "; ");
    }
}
