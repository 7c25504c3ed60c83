package netlab.cli;

import java.io.PrintStream;
import java.time.Duration;
import netlab.process.Progress;
import netlab.text.Seconds;

/** Progress of long work on stderr: one line per stage, with counts for stages of many units. */
final class ConsoleProgress implements Progress {
    private final PrintStream err;
    private final boolean quiet;

    ConsoleProgress(PrintStream err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void stageStarted(String stage, int units, int ops) {
        if (quiet) return;
        err.printf("  %-11s %d op%s%s%n", stage, ops, ops == 1 ? "" : "s", units > 1 ? " in " + units + " units" : "");
        err.flush();
    }

    @Override
    public void unitDone(String stage, int done, int total) {
        if (quiet || total < 40) return;
        // a line every quarter of a big stage, so a long build visibly moves
        if (done == total || done % Math.max(1, total / 4) == 0) {
            err.printf("  %-11s %d/%d%n", stage, done, total);
            err.flush();
        }
    }

    @Override
    public void stageDone(String stage, Duration took) {
        if (quiet || (took.toMillis() < 500 && System.getenv("NETLAB_TIMINGS") == null)) return;
        err.printf("  %-11s done in %s s%n", stage, Seconds.of(took, 1));
    }

    @Override
    public void info(String message) {
        if (!quiet) err.println(message);
    }

    @Override
    public void warn(String message) {
        err.println("netlab: " + message);
    }
}
