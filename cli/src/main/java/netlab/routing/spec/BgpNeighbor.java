package netlab.routing.spec;

import java.util.List;
import java.util.Optional;
import netlab.source.Located;
import netlab.source.Pos;

/**
 * One BGP neighbour of a node, as written.
 *
 * @param as                   empty only for a node peer: then the peer's own BGP AS
 * @param families             empty: every family of the node's instance
 * @param routeReflectorClient this node reflects routes to the neighbour (iBGP only)
 * @param importPolicy         a policy of the node applied to routes received from the neighbour
 * @param exportPolicy         a policy of the node applied to routes sent to it
 * @param description          free text in a safe grammar (see {@link FrrWords#DESCRIPTION})
 */
public record BgpNeighbor(BgpPeer peer, Optional<RemoteAs> as, Optional<List<BgpFamily>> families, boolean routeReflectorClient,
                          Optional<Located> importPolicy, Optional<Located> exportPolicy, Optional<String> description, Pos pos) {
    public BgpNeighbor {
        families = families.map(List::copyOf);
    }
}
