package netlab.routing.config;

import java.util.List;
import java.util.Optional;
import netlab.net.IpAddress;
import netlab.routing.spec.OspfInterface;
import netlab.routing.spec.Redistribution;

/** OSPF of one node, resolved: its router ID decided, its interfaces checked against the node's. */
public record OspfConfig(Optional<IpAddress> routerId, List<OspfInterface> interfaces, List<Redistribution> redistribute) {
    public OspfConfig {
        interfaces = List.copyOf(interfaces);
        redistribute = List.copyOf(redistribute);
    }
}
