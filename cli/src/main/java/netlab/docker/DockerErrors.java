package netlab.docker;

import com.github.dockerjava.api.exception.DockerException;
import netlab.errors.InterruptedByUser;
import netlab.errors.NetlabException;

/** docker-java's exceptions as netlab's one-line errors. */
final class DockerErrors {
    private DockerErrors() {}

    static NetlabException failure(String host, String what, RuntimeException e) {
        if (interrupted(e)) return new InterruptedByUser("interrupted (" + what + ")");
        if (e instanceof DockerException) return NetlabException.failed(what + ": " + oneLine(e));
        // transport errors: the engine went away or never was there
        return NetlabException.environment(what + ": the Docker engine at " + host + " does not answer (" + oneLine(e) + ")");
    }

    /**
     * Did the call fail because the thread was interrupted (Ctrl-C)? The transport then reports a closed channel or
     * an interrupted I/O, which must not read as "the engine does not answer".
     */
    static boolean interrupted(Throwable e) {
        if (Thread.currentThread().isInterrupted()) return true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                    || t instanceof java.nio.channels.ClosedByInterruptException) return true;
        }
        return false;
    }

    /** docker-java wraps the engine's JSON reply ("Status 404: {\"message\":\"...\"}"): keep the message. */
    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) t = t.getCause();
        String m = String.valueOf(t.getMessage());
        java.util.regex.Matcher json = java.util.regex.Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(m);
        if (json.find()) m = json.group(1).replace("\\\"", "\"");
        return m.strip().replaceAll("\\s*\\n\\s*", "; ");
    }
}
