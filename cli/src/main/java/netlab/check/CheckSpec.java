package netlab.check;

import java.time.Duration;
import netlab.source.Pos;
import netlab.topology.Expect;
import netlab.topology.Section;
import netlab.topology.Topology;

/**
 * A check as written: the probe itself ({@code body}) plus how to judge it.
 *
 * @param timeout  limit for one attempt
 * @param retries  further attempts after a failed one (for the expected outcome)
 * @param interval wait between attempts
 * @param sharing  which checks it may run beside: its kind's, or what its {@code alone:} says
 */
public record CheckSpec(String name, CheckBody body, Expect expect, Duration timeout, int retries, Duration interval, Pos pos, Sharing sharing) {
    /** A check that runs beside others as its kind does. */
    public CheckSpec(String name, CheckBody body, Expect expect, Duration timeout, int retries, Duration interval, Pos pos) {
        this(name, body, expect, timeout, retries, interval, pos, body.sharing());
    }

    /** The same check under another name. */
    public CheckSpec named(String other) {
        return new CheckSpec(other, body, expect, timeout, retries, interval, pos, sharing);
    }

    /** A topology's {@code checks:}, in file order. */
    public static final Section<java.util.List<CheckSpec>> SECTION = new Section<>("checks");

    /** The topology's checks (none when it has no {@code checks:}). */
    public static java.util.List<CheckSpec> of(Topology topology) {
        return topology.section(SECTION).orElse(java.util.List.of());
    }
}
