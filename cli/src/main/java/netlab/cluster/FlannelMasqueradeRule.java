package netlab.cluster;

import java.util.List;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.rules.RuleLine;
import netlab.source.Pos;

/**
 * flannel's ip-masq rules on a node: pod-to-pod traffic keeps the pod addresses; pods' traffic to anywhere outside
 * the cluster network leaves with the node address (the outside has no route back to pod subnets); traffic from
 * outside the pod network to another node's pods leaves with this node's address too, so the answers come back here.
 */
public record FlannelMasqueradeRule(ClusterSpec cluster, ClusterNodeSpec clusterNode, Pos pos) implements ClusterRule {

    /** What the entry is, in a few words (how netlab graph names it). */
    public String describe() {
        return "flannel masquerade";
    }

    @Override
    public String kind() {
        return "masquerade";
    }

    @Override
    public List<RuleLine> lines(ModelNode node, LabModel model) {
        String net = cluster.network().toString();
        String own = clusterNode.subnet().toString();
        String chain = KubeChains.FLANNEL_POSTROUTING;
        return List.of(
                KubeServiceRule.nat("POSTROUTING", List.of(), List.of("-j", chain), "flannel: masquerade of the pod network"),
                KubeServiceRule.nat(chain, List.of("-s", net, "-d", net), List.of("-j", "RETURN"), "flannel: pod to pod keeps the pod addresses"),
                KubeServiceRule.nat(chain, List.of("-s", net, "!", "-d", "224.0.0.0/4"), List.of("-j", "MASQUERADE", "--random-fully"),
                        "flannel: pod to outside the cluster leaves with the node address"),
                KubeServiceRule.nat(chain, List.of("!", "-s", net, "-d", own), List.of("-j", "RETURN"), "flannel: to the pods of this node: unchanged"),
                KubeServiceRule.nat(chain, List.of("!", "-s", net, "-d", net), List.of("-j", "MASQUERADE", "--random-fully"),
                        "flannel: from outside to pods of other nodes: answers come back here"));
    }
}
