package netlab.cluster;

import netlab.net.Cidr;
import netlab.source.Pos;

/**
 * A pod on a cluster node: a lab node (a namespace, a container or a pod) whose {@code eth0} is joined to the node's
 * bridge {@code cni0} by a veth pair, with an address out of the node's pod subnet.
 *
 * @param address   the pod's address with the subnet's prefix length (10.1.15.2/24)
 * @param hostVeth  the node's end of the veth pair, a port of cni0
 */
public record PodAttachment(String pod, String node, Cidr address, String hostVeth, Pos pos) {}
