package netlab.topology;

import java.util.Optional;
import netlab.net.Cidr;
import netlab.source.Pos;

/**
 * A link: a veth pair between two node interfaces, or from a node interface to a switch port.
 *
 * @param subnet4 addresses for the link's interfaces that declare none (point-to-point links)
 */
public record LinkSpec(Endpoint a, Endpoint b, Optional<Cidr> subnet4, Optional<Cidr> subnet6, Pos pos) {
    @Override
    public String toString() {
        return a + " -- " + b;
    }
}
