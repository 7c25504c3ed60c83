package netlab.routing.observe;

import netlab.errors.ExitCode;
import netlab.errors.NetlabException;

/**
 * Netlab could not learn what FRR knows: vtysh did not run, or answered something netlab cannot read. A check
 * that gets this did not observe anything, so it must not count as the mechanism being absent either.
 */
public final class FrrQueryException extends NetlabException {
    public FrrQueryException(String message) {
        super(ExitCode.OPERATION_FAILED, message);
    }
}
