package netlab.cluster;

import java.util.Optional;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.net.Cidr;
import netlab.net.IpAddress;

/** Where cluster nodes and etcd are reached, read from the resolved lab model. */
public final class ClusterAddresses {
    private ClusterAddresses() {}

    /**
     * A node's public IP: the first IPv4 address of its underlay interface (without one, with backend none: its first
     * IPv4 address on any interface but lo).
     */
    public static Optional<IpAddress> publicIp(LabModel model, ClusterNodeSpec n) {
        if (n.underlay().isPresent()) {
            return model.iface(n.name(), n.underlay().get().text()).flatMap(i -> i.firstAddress(false)).map(Cidr::address);
        }
        return firstAddress(model, n.name());
    }

    /** The etcd node's address other nodes reach it at: its first IPv4 address on an interface other than lo. */
    public static Optional<IpAddress> etcd(LabModel model, ClusterSpec c) {
        return c.etcd().flatMap(e -> firstAddress(model, e.text()));
    }

    private static Optional<IpAddress> firstAddress(LabModel model, String node) {
        return model.node(node).flatMap(n -> n.interfaces().values().stream().filter(i -> !i.name().equals("lo"))
                .map(i -> i.firstAddress(false)).flatMap(Optional::stream).findFirst()).map(Cidr::address);
    }

    /** The etcd endpoint URL, {@code http://192.168.0.2:2379}. */
    public static Optional<String> etcdUrl(LabModel model, ClusterSpec c) {
        return etcd(model, c).map(a -> "http://" + a + ":" + EtcdServer.CLIENT_PORT);
    }

    /** The interface of a node that carries an address, for messages. */
    static Optional<ModelInterface> underlay(LabModel model, ClusterNodeSpec n) {
        return n.underlay().flatMap(u -> model.iface(n.name(), u.text()));
    }
}
