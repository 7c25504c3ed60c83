package netlab.errors;

/**
 * An error the user can act on. Its message is what the CLI prints (one line, except for a list of topology
 * errors); the exit code tells scripts what kind of failure it was.
 */
public class NetlabException extends RuntimeException {
    private final int exitCode;

    public NetlabException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public NetlabException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static NetlabException environment(String message) {
        return new NetlabException(ExitCode.ENVIRONMENT, message);
    }

    public static NetlabException labState(String message) {
        return new NetlabException(ExitCode.LAB_STATE, message);
    }

    public static NetlabException failed(String message) {
        return new NetlabException(ExitCode.OPERATION_FAILED, message);
    }

    public static NetlabException usage(String message) {
        return new NetlabException(ExitCode.INVALID_TOPOLOGY, message);
    }
}
