package netlab.trace;

import java.util.List;

/**
 * One sighting placed on a trace: the direction relative to its node or switch ("in": arriving, "out": leaving),
 * whether it is on the path the probe took (false: a flooded copy that went nowhere), and what changed since the
 * previous hop on the path (routed, NAT, encapsulated…).
 */
public record Hop(Sighting sighting, String direction, boolean onPath, List<String> changes) {
    public Hop {
        changes = List.copyOf(changes);
    }

    public CapturePoint at() {
        return sighting.at();
    }
}
