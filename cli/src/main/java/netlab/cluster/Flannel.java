package netlab.cluster;

import java.util.Optional;
import netlab.net.Cidr;

/**
 * Flannel's names and formats, which netlab follows so a user who knows flannel recognises everything: the keys
 * under {@code /coreos.com/network} in etcd, the VXLAN device {@code flannel.1} (VNI 1), and the network config.
 * The VXLAN port is 4789 (the IANA port; flannel's default on Linux is the kernel's 8472, set by its {@code Port}).
 */
public final class Flannel {
    public static final String PREFIX = "/coreos.com/network";
    public static final String CONFIG_KEY = PREFIX + "/config";
    public static final String SUBNETS = PREFIX + "/subnets/";
    public static final String DEVICE = "flannel.1";
    public static final int VNI = 1;
    public static final int PORT = 4789;
    /** Outer Ethernet, IP, UDP and VXLAN headers: what an overlay device's MTU gives up to its underlay's. */
    public static final int VXLAN_OVERHEAD = 50;
    /** The node's bridge for its pods, as the CNI bridge plugin names it. */
    public static final String BRIDGE = "cni0";
    /** The pod's end of its veth pair. */
    public static final String POD_IFACE = "eth0";

    private Flannel() {}

    /** {@code /coreos.com/network/subnets/10.1.15.0-24}: a lease's key. */
    public static String leaseKey(Cidr subnet) {
        Cidr n = subnet.network();
        return SUBNETS + n.address() + "-" + n.prefix();
    }

    /** The subnet a lease key names, if it is one. */
    public static Optional<Cidr> subnetOfKey(String key) {
        if (!key.startsWith(SUBNETS)) return Optional.empty();
        String rest = key.substring(SUBNETS.length());
        int dash = rest.lastIndexOf('-');
        if (dash < 0) return Optional.empty();
        return Cidr.parse(rest.substring(0, dash) + "/" + rest.substring(dash + 1)).filter(c -> !c.isV6() && c.isNetwork());
    }

    /** The network config flanneld reads: {@code {"Network":"10.1.0.0/16","SubnetLen":24,"Backend":{"Type":"vxlan",...}}}. */
    public static String config(ClusterSpec c) {
        String backend = switch (c.backend()) {
            case VXLAN -> "{\"Type\":\"vxlan\",\"VNI\":" + VNI + ",\"Port\":" + PORT + "}";
            case HOST_GW -> "{\"Type\":\"host-gw\"}";
            case NONE, BGP -> "{\"Type\":\"" + c.backend().word() + "\"}"; // no etcd: never written
        };
        return "{\"Network\":\"" + c.network().network() + "\",\"SubnetLen\":" + c.subnetLen() + ",\"Backend\":" + backend + "}";
    }
}
