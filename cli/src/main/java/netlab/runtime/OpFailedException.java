package netlab.runtime;

import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.plan.Op;

/** A kernel, Docker or shell operation was refused. The message names the op and quotes the tool's error. */
public final class OpFailedException extends NetlabException {
    private final transient Op op;

    public OpFailedException(String where, Op op, String toolMessage) {
        super(ExitCode.OPERATION_FAILED, where + ": '" + op.describe() + "' failed: " + oneLine(toolMessage));
        this.op = op;
    }

    public Op op() {
        return op;
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\n\\s*", "; ");
    }
}
