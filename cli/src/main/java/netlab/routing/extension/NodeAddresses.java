package netlab.routing.extension;

import java.util.LinkedHashSet;
import java.util.Set;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.net.Cidr;
import netlab.net.IpAddress;

/** Every address a node has in the lab (its loopback's included): how a check tells a neighbour or a next hop by its node. */
final class NodeAddresses {
    private NodeAddresses() {}

    static Set<IpAddress> of(LabModel model, String node) {
        Set<IpAddress> out = new LinkedHashSet<>();
        model.node(node).ifPresent(n -> {
            for (ModelInterface i : n.interfaces().values()) for (Cidr c : i.addresses()) out.add(c.address());
        });
        return out;
    }
}
