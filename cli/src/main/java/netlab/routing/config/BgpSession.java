package netlab.routing.config;

import java.util.List;
import java.util.Optional;
import netlab.routing.spec.BgpFamily;
import netlab.routing.spec.RemoteAs;

/**
 * One BGP neighbour as FRR will be told: by address, or by interface for an unnumbered session.
 *
 * @param peer         the neighbour's address, or the interface of an unnumbered session (safe words, checked)
 * @param updateSource the node's interface the session starts from (lo for loopback sessions)
 * @param families     the families it is activated in (never empty)
 */
public record BgpSession(String peer, boolean unnumbered, RemoteAs remoteAs, Optional<String> updateSource, Optional<String> description,
                         List<BgpFamily> families, boolean routeReflectorClient, Optional<String> importPolicy, Optional<String> exportPolicy) {
    public BgpSession {
        families = List.copyOf(families);
    }
}
