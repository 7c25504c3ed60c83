package netlab.process;

import java.util.List;

/** What a finished process left: its exit code and everything it printed. */
public record ProcResult(List<String> argv, int exitCode, String stdout, String stderr, boolean timedOut) {
    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** stderr, else stdout, trimmed to its first meaningful lines: what to show a user when it failed. */
    public String errorText() {
        String s = stderr.isBlank() ? stdout : stderr;
        s = s.strip();
        if (timedOut) return "timed out" + (s.isEmpty() ? "" : ": " + s);
        return s.isEmpty() ? "exit code " + exitCode : s;
    }

    public String commandLine() {
        return String.join(" ", argv);
    }
}
