package netlab.routing.config;

import java.util.List;
import java.util.Optional;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.routing.spec.BgpFamily;
import netlab.routing.spec.BgpPolicy;
import netlab.routing.spec.Redistribution;

/**
 * BGP of one node, resolved: every neighbour an address or an interface with its remote AS.
 *
 * @param advertiseAllVni the node has VXLAN devices whose VNIs EVPN advertises (a route reflector without any
 *                        only reflects the others')
 */
public record BgpConfig(long as, Optional<IpAddress> routerId, List<BgpFamily> families, List<Cidr> networks, List<Redistribution> redistribute,
                        List<BgpPolicy> policies, List<BgpSession> sessions, boolean advertiseAllVni) {
    public BgpConfig {
        families = List.copyOf(families);
        networks = List.copyOf(networks);
        redistribute = List.copyOf(redistribute);
        policies = List.copyOf(policies);
        sessions = List.copyOf(sessions);
    }
}
