package netlab.cluster;

import java.util.ArrayList;
import java.util.List;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.rules.RuleLine;
import netlab.runtime.Table;
import netlab.source.Pos;

/**
 * One service as kube-proxy's iptables mode writes it on every node: KUBE-SERVICES sends the ClusterIP's port to the
 * service's chain KUBE-SVC-…, which jumps to one endpoint chain KUBE-SEP-… at random (statistic match), which DNATs
 * to that pod's address and target port. A NodePort adds KUBE-NODEPORTS entries for the node's own addresses. Traffic
 * that would otherwise come back the wrong way (from outside the pod network, through a NodePort, or a pod reaching
 * itself through the service) is marked to leave masqueraded.
 */
public record KubeServiceRule(ClusterSpec cluster, ServiceSpec service, Pos pos) implements ClusterRule {

    /** What the entry is, in a few words (how netlab graph names it). */
    public String describe() {
        return "service " + service.name() + " (" + service.clusterIp() + ":" + service.port() + service.nodePort().stream().mapToObj(p -> ", NodePort " + p).findFirst().orElse("") + ")";
    }

    @Override
    public String kind() {
        return "service";
    }

    @Override
    public List<RuleLine> lines(ModelNode node, LabModel model) {
        ServiceSpec s = service;
        String svc = KubeChains.service(s);
        String name = "service " + s.name();
        List<String> dport = KubeChains.port(s.protocol(), s.port());
        List<RuleLine> out = new ArrayList<>();
        out.add(nat(KubeChains.SERVICES, concat(List.of("-d", s.clusterIp() + "/32"), dport), List.of("-j", svc),
                name + ": ClusterIP " + s.clusterIp() + ":" + s.port()));
        out.add(nat(svc, concat(List.of("!", "-s", cluster.network().toString(), "-d", s.clusterIp() + "/32"), dport),
                List.of("-j", KubeChains.MARK_MASQ), name + ": from outside the pod network, leave masqueraded"));
        s.nodePort().ifPresent(np -> {
            List<String> nodePort = KubeChains.port(s.protocol(), np);
            out.add(nat(KubeChains.NODEPORTS, nodePort, List.of("-j", KubeChains.MARK_MASQ), name + ": NodePort " + np + ", leave masqueraded"));
            out.add(nat(KubeChains.NODEPORTS, nodePort, List.of("-j", svc), name + ": NodePort " + np));
        });
        int n = s.endpoints().size();
        for (int i = 0; i < n; i++) {
            String pod = s.endpoints().get(i).text();
            out.add(nat(svc, KubeChains.pick(i, n), List.of("-j", KubeChains.endpoint(s, pod)),
                    name + " -> " + pod + " (" + (i + 1) + " of " + n + ")"));
        }
        for (int i = 0; i < n; i++) {
            String pod = s.endpoints().get(i).text();
            PodAttachment p = cluster.pod(pod).orElseThrow();
            String sep = KubeChains.endpoint(s, pod);
            String to = p.address().address() + ":" + s.targetPort();
            out.add(nat(sep, List.of("-s", p.address().address() + "/32"), List.of("-j", KubeChains.MARK_MASQ),
                    name + " -> " + pod + ": hairpin, leave masqueraded"));
            out.add(nat(sep, List.of("-p", s.protocol(), "-m", s.protocol()), List.of("-j", "DNAT", "--to-destination", to),
                    name + " -> " + pod + " " + to));
        }
        return out;
    }

    static RuleLine nat(String chain, List<String> matches, List<String> target, String note) {
        return new RuleLine(Table.NAT, chain, matches, target, note);
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
