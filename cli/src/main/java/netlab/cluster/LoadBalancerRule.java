package netlab.cluster;

import java.util.ArrayList;
import java.util.List;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.net.IpAddress;
import netlab.rules.RuleLine;
import netlab.source.Pos;

/**
 * A load balancer in front of a service's NodePorts, on a node outside the cluster: connections to its address and
 * port are DNATed at random to one cluster node's underlay address at the NodePort (statistic match, like
 * kube-proxy's endpoint choice), and leave masqueraded so the node answers the balancer, not the client.
 */
public record LoadBalancerRule(ClusterSpec cluster, ServiceSpec service, Pos pos) implements ClusterRule {

    /** What the entry is, in a few words (how netlab graph names it). */
    public String describe() {
        return "load balancer of service " + service.name() + " (" + service.loadBalancer().map(l -> l.address() + ":" + l.port()).orElse("") + ")";
    }

    @Override
    public String kind() {
        return "load-balancer";
    }

    @Override
    public List<RuleLine> lines(ModelNode node, LabModel model) {
        LoadBalancerSpec lb = service.loadBalancer().orElseThrow();
        int nodePort = service.nodePort().orElseThrow();
        String chain = KubeChains.loadBalancer(service);
        String name = "load balancer of service " + service.name();
        List<RuleLine> out = new ArrayList<>();
        out.add(KubeServiceRule.nat("PREROUTING", KubeServiceRule.concat(List.of("-d", lb.address() + "/32"), KubeChains.port(service.protocol(), lb.port())),
                List.of("-j", chain), name + ": " + lb.address() + ":" + lb.port()));
        List<ClusterNodeSpec> nodes = new ArrayList<>(cluster.nodes().values());
        for (int i = 0; i < nodes.size(); i++) {
            IpAddress ip = ClusterAddresses.publicIp(model, nodes.get(i)).orElseThrow();
            // a DNAT that changes the port needs the protocol matched
            out.add(KubeServiceRule.nat(chain, KubeServiceRule.concat(List.of("-p", service.protocol()), KubeChains.pick(i, nodes.size())),
                    List.of("-j", "DNAT", "--to-destination", ip + ":" + nodePort),
                    name + " -> " + nodes.get(i).name() + " NodePort " + ip + ":" + nodePort));
        }
        for (ClusterNodeSpec n : nodes) {
            IpAddress ip = ClusterAddresses.publicIp(model, n).orElseThrow();
            List<String> match = KubeServiceRule.concat(List.of("-d", ip + "/32"), KubeChains.port(service.protocol(), nodePort));
            out.add(KubeServiceRule.nat("POSTROUTING", KubeServiceRule.concat(match, List.of("-m", "conntrack", "--ctstate", "DNAT")),
                    List.of("-j", "MASQUERADE"), name + ": to " + n.name() + ", answers come back here"));
        }
        return out;
    }
}
