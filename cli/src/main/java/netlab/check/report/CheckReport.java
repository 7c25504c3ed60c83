package netlab.check.report;

import java.time.Duration;
import java.util.List;
import netlab.check.CheckResult;

/** All results of one check run, for the reporters. */
public record CheckReport(String lab, List<CheckResult> results, Duration took) {
    public CheckReport {
        results = List.copyOf(results);
    }

    public long passed() {
        return results.stream().filter(CheckResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    public boolean allPassed() {
        return failed() == 0;
    }
}
