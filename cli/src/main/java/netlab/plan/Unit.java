package netlab.plan;

import java.util.List;

/**
 * Ops that run in order in one place: a network namespace ({@code netns}), or the host's own namespace when
 * {@code netns} is null (only for creating and deleting namespaces — nothing else ever runs there).
 *
 * @param label what the unit configures, for progress and errors ("node h1", "fabric")
 */
public record Unit(String label, String netns, List<Op> ops) {
    public Unit {
        ops = List.copyOf(ops);
    }
}
