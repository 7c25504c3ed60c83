package netlab.routing.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.source.Pos;

/**
 * BGP in one node.
 *
 * @param as        the node's AS number (1..4294967295)
 * @param families  the address families the instance carries, in a fixed order; each neighbour takes part in all
 *                  of them unless it names its own
 * @param networks  prefixes the node originates (each in the family of its address)
 * @param policies  named route policies, by name in file order, that neighbours apply on import or export
 */
public record BgpSpec(long as, Optional<IpAddress> routerId, List<BgpFamily> families, List<Cidr> networks, List<Redistribution> redistribute,
                      Map<String, BgpPolicy> policies, List<BgpNeighbor> neighbors, Pos pos) {
    public static final long AS_MAX = 4_294_967_295L;

    public BgpSpec {
        families = List.copyOf(families);
        networks = List.copyOf(networks);
        redistribute = List.copyOf(redistribute);
        policies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(policies));
        neighbors = List.copyOf(neighbors);
    }
}
