package netlab.docker;

import com.github.dockerjava.api.exception.DockerException;
import netlab.errors.NetlabException;

/** docker-java's exceptions as netlab's one-line errors. */
final class DockerErrors {
    private DockerErrors() {}

    static NetlabException failure(String host, String what, RuntimeException e) {
        if (e instanceof DockerException) return NetlabException.failed(what + ": " + oneLine(e));
        // transport errors: the engine went away or never was there
        return NetlabException.environment(what + ": the Docker engine at " + host + " does not answer (" + oneLine(e) + ")");
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
