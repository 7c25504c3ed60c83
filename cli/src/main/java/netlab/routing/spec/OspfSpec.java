package netlab.routing.spec;

import java.util.List;
import java.util.Optional;
import netlab.net.IpAddress;
import netlab.source.Pos;

/** OSPFv2 (IPv4) in one node: the interfaces it runs on, in file order. */
public record OspfSpec(Optional<IpAddress> routerId, List<OspfInterface> interfaces, List<Redistribution> redistribute, Pos pos) {
    public OspfSpec {
        interfaces = List.copyOf(interfaces);
        redistribute = List.copyOf(redistribute);
    }
}
