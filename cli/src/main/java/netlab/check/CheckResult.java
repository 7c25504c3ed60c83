package netlab.check;

import java.time.Duration;
import netlab.topology.Expect;

/** How one check went: its outcome after its last attempt, and what that attempt saw. */
public record CheckResult(String name, String kind, Expect expect, Outcome outcome, int attempts, Duration took, String detail) {
    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
