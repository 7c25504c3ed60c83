package netlab.cluster;

import java.util.ArrayList;
import java.util.List;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.rules.RuleLine;
import netlab.source.Pos;

/**
 * The part of kube-proxy's iptables mode that is not one service's: arriving and locally made packets go through
 * KUBE-SERVICES; packets marked 0x4000 leave masqueraded (KUBE-POSTROUTING); and, last in KUBE-SERVICES, packets
 * for one of the node's own addresses look for a NodePort.
 */
public record KubeProxyRule(ClusterSpec cluster, Pos pos) implements ClusterRule {

    /** What the entry is, in a few words (how netlab graph names it). */
    public String describe() {
        return "kube-proxy";
    }

    @Override
    public String kind() {
        return "kube-proxy";
    }

    @Override
    public List<RuleLine> lines(ModelNode node, LabModel model) {
        List<RuleLine> out = new ArrayList<>();
        out.add(KubeServiceRule.nat("PREROUTING", List.of(), List.of("-j", KubeChains.SERVICES), "kube-proxy: arriving packets meet the services"));
        out.add(KubeServiceRule.nat("OUTPUT", List.of(), List.of("-j", KubeChains.SERVICES), "kube-proxy: packets of the node itself meet the services"));
        out.add(KubeServiceRule.nat("POSTROUTING", List.of(), List.of("-j", KubeChains.POSTROUTING), "kube-proxy: masquerade what is marked"));
        out.add(KubeServiceRule.nat(KubeChains.MARK_MASQ, List.of(), List.of("-j", "MARK", "--set-xmark", KubeChains.MASQ_MARK),
                "kube-proxy: mark for masquerade"));
        out.add(KubeServiceRule.nat(KubeChains.POSTROUTING, List.of("-m", "mark", "!", "--mark", KubeChains.MASQ_MARK), List.of("-j", "RETURN"),
                "kube-proxy: unmarked packets keep their source"));
        out.add(KubeServiceRule.nat(KubeChains.POSTROUTING, List.of(), List.of("-j", "MARK", "--xor-mark", "0x4000"),
                "kube-proxy: clear the mark"));
        out.add(KubeServiceRule.nat(KubeChains.POSTROUTING, List.of(), List.of("-j", "MASQUERADE", "--random-fully"),
                "kube-proxy: leave with the node address"));
        if (cluster.services().values().stream().anyMatch(s -> s.nodePort().isPresent())) {
            out.add(KubeServiceRule.nat(KubeChains.SERVICES, List.of("-m", "addrtype", "--dst-type", "LOCAL"), List.of("-j", KubeChains.NODEPORTS),
                    "kube-proxy: packets for an address of the node look for a NodePort"));
        }
        return out;
    }
}
