package netlab.model;

import java.util.List;
import java.util.Optional;
import netlab.net.Cidr;
import netlab.topology.InterfaceSpec;

/**
 * An interface with its final addresses.
 *
 * @param segment the L2 segment it is on (a switch or a point-to-point link), if it is a link end
 * @param peer    what the other end of its link is ("h2:eth1", "switch sw1"), for humans
 */
public record ModelInterface(String node, String name, InterfaceSpec spec, List<Cidr> addresses,
                             Optional<String> segment, Optional<String> peer) {
    public ModelInterface {
        addresses = List.copyOf(addresses);
    }

    public String ref() {
        return node + ":" + name;
    }

    public Optional<Cidr> firstAddress(boolean v6) {
        return addresses.stream().filter(c -> c.isV6() == v6).findFirst();
    }
}
