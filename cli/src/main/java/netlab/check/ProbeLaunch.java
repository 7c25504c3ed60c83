package netlab.check;

import java.util.List;
import java.util.Optional;
import netlab.docker.DockerEngine;
import netlab.process.ProcResult;

/**
 * Tells a program that never started from one that ran and failed, by the words of whatever was to start it:
 * {@code ip netns exec NS PROG} ("Cannot open network namespace "NS"": the node's namespace is gone; "exec of
 * "PROG" failed": the program is missing) or the Docker engine (the container is missing or stopped). Only those
 * exact lines, naming that namespace or program, count: a program's own complaints are its observation.
 */
public final class ProbeLaunch {
    /** iproute2's exit code when it cannot enter the namespace (it exits -1). */
    private static final int IP_CANNOT_ENTER = 255;
    /** iproute2's exit code when the exec of the program fails (lib/exec.c: _exit(1)). */
    private static final int IP_EXEC_FAILED = 1;

    private ProbeLaunch() {}

    /** Why the program of {@code r} did not start; empty when it did (whatever it did then). */
    public static Optional<String> notStarted(ProcResult r) {
        if (r.timedOut()) return Optional.empty();
        if (DockerEngine.containerUnavailable(r)) return Optional.of(r.stderr().strip());
        List<String> argv = r.argv();
        int i = argv.indexOf("netns");
        if (i < 1 || i + 3 >= argv.size() || !argv.get(i + 1).equals("exec") || !isIp(argv.get(i - 1))) return Optional.empty();
        String netns = argv.get(i + 2), program = argv.get(i + 3);
        for (String line : r.stderr().lines().toList()) {
            if (r.exitCode() == IP_CANNOT_ENTER && (line.startsWith("Cannot open network namespace \"" + netns + "\":")
                    || line.startsWith("setting the network namespace \"" + netns + "\" failed:"))) {
                return Optional.of("cannot enter namespace " + netns + " (" + after(line) + ")");
            }
            if (r.exitCode() == IP_EXEC_FAILED && line.startsWith("exec of \"" + program + "\" failed:")) {
                return Optional.of(program + " did not start (" + after(line) + ")");
            }
        }
        return Optional.empty();
    }

    private static boolean isIp(String program) {
        return program.equals("ip") || program.endsWith("/ip");
    }

    private static String after(String line) {
        int c = line.lastIndexOf(": ");
        return c < 0 ? line : line.substring(c + 2);
    }
}
