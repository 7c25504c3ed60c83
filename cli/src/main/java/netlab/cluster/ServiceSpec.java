package netlab.cluster;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.net.IpAddress;
import netlab.source.Located;
import netlab.source.Pos;

/**
 * A Kubernetes-style Service: a virtual ClusterIP (and optionally a NodePort on every node) that kube-proxy's
 * iptables mode DNATs to one of the endpoint pods, chosen at random per connection.
 *
 * @param targetPort the port the endpoint pods listen on
 * @param endpoints  pods of the cluster behind the service
 */
public record ServiceSpec(String name, IpAddress clusterIp, int port, int targetPort, String protocol, OptionalInt nodePort,
                          List<Located> endpoints, Optional<LoadBalancerSpec> loadBalancer, Pos pos) {
    public ServiceSpec {
        endpoints = List.copyOf(endpoints);
    }
}
