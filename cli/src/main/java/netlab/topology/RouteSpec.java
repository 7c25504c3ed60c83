package netlab.topology;

import java.util.Optional;
import java.util.OptionalInt;
import netlab.net.Cidr;
import netlab.source.Pos;

/**
 * A static route as written. {@code via} is an address or the name of a node (resolved to that node's address on
 * the segment both share); {@code dev} forces the outgoing interface.
 *
 * @param to empty for a default route; {@code v6} then says which family
 */
public record RouteSpec(Optional<Cidr> to, boolean v6, Optional<String> via, Optional<String> dev, OptionalInt metric, Pos pos) {

    public String describeDestination() {
        return to.map(Cidr::toString).orElse(v6 ? "default (IPv6)" : "default");
    }
}
