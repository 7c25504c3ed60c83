package netlab.cluster;

import netlab.net.IpAddress;
import netlab.source.Located;
import netlab.source.Pos;

/**
 * A load-balancer node in front of a service's NodePorts: connections to {@code address}:{@code port} are spread at
 * random over every cluster node's underlay address at the service's NodePort, and leave the balancer with its own
 * address (so the answers come back through it).
 */
public record LoadBalancerSpec(Located node, IpAddress address, int port, Pos pos) {}
