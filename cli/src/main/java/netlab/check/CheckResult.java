package netlab.check;

import java.time.Duration;
import netlab.topology.Expect;

/** How one check went: passed when what was observed is what the check expects. */
public record CheckResult(String name, String kind, Expect expect, boolean passed, int attempts, Duration took, String detail) {}
