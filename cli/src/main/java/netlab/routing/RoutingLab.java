package netlab.routing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.net.Cidr;

/**
 * What the routing extension needs to know about the rest of the lab: its nodes, and each node's interfaces with
 * their addresses and types. The lab's model implements it when the extension is wired in; tests use a fake.
 * Everything else (links, switches, checks) is none of routing's business.
 */
public interface RoutingLab {
    /** The interface type of VXLAN devices (what EVPN advertises). */
    String VXLAN = "vxlan";

    Set<String> nodes();

    /**
     * The node's interfaces as the lab makes them, in the node's order, with their final addresses (automatic ones
     * included); {@code lo} when the node gives its loopback addresses. Empty for a node that does not exist.
     */
    List<Interface> interfaces(String node);

    /**
     * @param type the topology's interface type ("veth" for a link end, "vxlan", "bridge", "vlan", "gre"...)
     */
    record Interface(String name, String type, List<Cidr> addresses) {
        public Interface {
            addresses = List.copyOf(addresses);
        }
    }

    default Optional<Interface> iface(String node, String name) {
        return interfaces(node).stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
