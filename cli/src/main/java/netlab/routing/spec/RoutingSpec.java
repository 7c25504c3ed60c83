package netlab.routing.spec;

import java.util.Optional;
import netlab.net.IpAddress;
import netlab.source.Pos;

/**
 * A node's {@code routing:} section as written: the protocols FRR runs in the node. Nothing here is resolved
 * against the rest of the lab yet (a neighbour named by node is still a name); {@link netlab.routing.config.RoutingResolver}
 * does that.
 *
 * @param routerId the router ID both protocols use unless they set their own
 * @param frr      raw FRR configuration, appended after the generated part (the escape hatch)
 */
public record RoutingSpec(Optional<IpAddress> routerId, Optional<OspfSpec> ospf, Optional<BgpSpec> bgp, Optional<RawFrr> frr, Pos pos) {}
