package netlab.model;

import java.util.List;
import java.util.Optional;
import netlab.net.Cidr;

/**
 * One L2 broadcast domain: a switch with everything plugged into it, or a point-to-point link.
 *
 * @param name    the switch name, or "a:if -- b:if" for a link
 * @param members node interfaces on it, as "node:iface"
 */
public record Segment(String name, Optional<Cidr> subnet4, Optional<Cidr> subnet6, List<String> members) {
    public Segment {
        members = List.copyOf(members);
    }
}
