package netlab.topology;

import java.util.Optional;
import netlab.net.Cidr;
import netlab.source.Pos;

/**
 * A link: a veth pair between two node interfaces, or from a node interface to a switch port.
 *
 * @param subnet4    addresses for the link's interfaces that declare none (point-to-point links)
 * @param vlans      the VLANs of the switch port(s) the link plugs into ({@code vlan}, {@code vlans})
 * @param impairment delay, loss, rate limit applied to both directions of the link
 */
public record LinkSpec(Endpoint a, Endpoint b, Optional<Cidr> subnet4, Optional<Cidr> subnet6, Pos pos,
                       PortVlans vlans, Optional<Impairment> impairment) {

    public LinkSpec(Endpoint a, Endpoint b, Optional<Cidr> subnet4, Optional<Cidr> subnet6, Pos pos) {
        this(a, b, subnet4, subnet6, pos, PortVlans.NONE, Optional.empty());
    }
    @Override
    public String toString() {
        return a + " -- " + b;
    }
}
