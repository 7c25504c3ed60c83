package netlab.check.report;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import netlab.check.CheckResult;
import netlab.check.Outcome;
import netlab.errors.ExitCode;

/**
 * All results of one check run, for the reporters; or, when the lab never got to its checks (refused before it was
 * built, not up), that one error in their place, so a report asked for is written all the same.
 */
public record CheckReport(String lab, List<CheckResult> results, Duration took, Optional<LabError> labError) {
    /** Why the lab's checks did not run at all: the one line netlab printed, and its exit code. */
    public record LabError(String message, int exitCode) {}

    public CheckReport {
        results = List.copyOf(results);
    }

    public CheckReport(String lab, List<CheckResult> results, Duration took) {
        this(lab, results, took, Optional.empty());
    }

    /** A lab whose checks never ran. */
    public static CheckReport labError(String lab, String message, int exitCode, Duration took) {
        return new CheckReport(lab, List.of(), took, Optional.of(new LabError(message, exitCode)));
    }

    public long passed() {
        return count(Outcome.PASSED);
    }

    public long failed() {
        return count(Outcome.FAILED);
    }

    /** Checks that could not run, and the lab itself when it never got to its checks. */
    public long errors() {
        return count(Outcome.COULD_NOT_RUN) + (labError.isPresent() ? 1 : 0);
    }

    public boolean allPassed() {
        return failed() == 0 && errors() == 0;
    }

    /**
     * What netlab exits with: the lab's own error's code; else 5 when a check could not run (nothing was proved
     * either way), else 1 when one failed, else 0.
     */
    public int exitCode() {
        if (labError.isPresent()) return labError.get().exitCode();
        if (count(Outcome.COULD_NOT_RUN) > 0) return ExitCode.CHECK_COULD_NOT_RUN;
        return failed() > 0 ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    private long count(Outcome o) {
        return results.stream().filter(r -> r.outcome() == o).count();
    }
}
