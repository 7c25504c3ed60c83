package netlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.lab.LoadedLab;
import netlab.rules.NodeRules;
import netlab.testing.Topologies;
import org.junit.jupiter.api.Test;

/** kube-proxy's chains, flannel's masquerade and a load balancer as netlab writes them into a node's restore input. */
class ClusterRulesTest {
    static final LoadedLab LAB = Topologies.load("""
            name: k
            switches:
              underlay: {subnet: 192.168.0.0/24}
            nodes: {etcd: {}, node1: {}, node2: {}, lb: {}, a: {}, b: {}, c: {}}
            links:
              - [etcd:eth0, underlay]
              - [node1:eth0, underlay]
              - [node2:eth0, underlay]
              - [lb:eth0, underlay]
            cluster:
              network: 10.1.0.0/16
              etcd: etcd
              nodes:
                node1: {underlay: eth0, subnet: 10.1.15.0/24, pods: {a: 10.1.15.2}}
                node2: {underlay: eth0, subnet: 10.1.20.0/24, pods: {b: 10.1.20.2, c: 10.1.20.3}}
              services:
                web:
                  cluster_ip: 10.96.0.10
                  port: 80
                  target_port: 8080
                  node_port: 30080
                  endpoints: [a, b, c]
                  load_balancer: {node: lb, address: 192.168.0.4, port: 8000}
            """);

    private static List<String> lines(String node) {
        String text = NodeRules.render(LAB.model().node(node).orElseThrow(), LAB.model()).orElseThrow().text();
        return text.lines().toList();
    }

    @Test
    void eachEndpointIsPickedAtRandomOncePerConnection() {
        List<String> l = lines("node1");
        String svc = l.stream().filter(x -> x.startsWith("-A KUBE-SERVICES -d 10.96.0.10/32")).findFirst().orElseThrow();
        assertThat(svc).contains("-p tcp -m tcp --dport 80").endsWith("-j " + KubeChains.service(ClusterSpec.of(LAB.model().topology()).get().services().get("web")));
        List<String> picks = l.stream().filter(x -> x.contains(" -j KUBE-SEP-")).toList();
        assertThat(picks).hasSize(3);
        assertThat(picks.get(0)).contains("-m statistic --mode random --probability 0.3333333333 ").contains("web -> a (1 of 3)");
        assertThat(picks.get(1)).contains("-m statistic --mode random --probability 0.5000000000 ").contains("web -> b (2 of 3)");
        assertThat(picks.get(2)).doesNotContain("statistic").contains("web -> c (3 of 3)");
        assertThat(l).anyMatch(x -> x.contains("-p tcp -m tcp") && x.endsWith("-j DNAT --to-destination 10.1.20.3:8080"));
        assertThat(l).anyMatch(x -> x.startsWith("-A KUBE-NODEPORTS -p tcp -m tcp --dport 30080") && x.endsWith("-j KUBE-MARK-MASQ"));
        assertThat(l.stream().filter(x -> x.startsWith("-A KUBE-SERVICES")).reduce((a, b) -> b).orElseThrow())
                .as("NodePorts are looked for last").contains("-m addrtype --dst-type LOCAL").endsWith("-j KUBE-NODEPORTS");
    }

    @Test
    void everyChainIsDeclaredAndEveryLineMarked() {
        List<String> l = lines("node2");
        List<String> declared = l.stream().filter(x -> x.startsWith(":")).map(x -> x.substring(1, x.indexOf(' '))).toList();
        for (String x : l) {
            if (!x.startsWith("-A ")) continue;
            assertThat(declared).contains(x.split(" ")[1]);
            int j = x.indexOf(" -j ");
            String target = x.substring(j + 4).split(" ")[0];
            if (target.startsWith("KUBE-") || target.startsWith("FLANNEL-")) assertThat(declared).as(x).contains(target);
            assertThat(x).containsPattern("--comment \"netlab:k:[0-9a-f]{8} rule \\d+ line \\d+: ");
        }
        assertThat(l).contains(":KUBE-SERVICES - [0:0]", ":FLANNEL-POSTRTG - [0:0]");
        int count = NodeRules.render(LAB.model().node("node2").orElseThrow(), LAB.model()).orElseThrow().count();
        assertThat(count).isEqualTo((int) l.stream().filter(x -> x.startsWith("-A ")).count());
    }

    @Test
    void flannelMasqueradesOnlyWhatLeavesThePodNetwork() {
        List<String> l = lines("node1").stream().filter(x -> x.startsWith("-A FLANNEL-POSTRTG")).map(x -> x.replaceAll(" -m comment --comment \"[^\"]*\"", ""))
                .toList();
        assertThat(l).containsExactly(
                "-A FLANNEL-POSTRTG -s 10.1.0.0/16 -d 10.1.0.0/16 -j RETURN",
                "-A FLANNEL-POSTRTG -s 10.1.0.0/16 ! -d 224.0.0.0/4 -j MASQUERADE --random-fully",
                "-A FLANNEL-POSTRTG ! -s 10.1.0.0/16 -d 10.1.15.0/24 -j RETURN",
                "-A FLANNEL-POSTRTG ! -s 10.1.0.0/16 -d 10.1.0.0/16 -j MASQUERADE --random-fully");
    }

    @Test
    void theLoadBalancerSpreadsOverEveryNodesNodePortAndMasquerades() {
        List<String> l = lines("lb").stream().filter(x -> x.startsWith("-A ")).map(x -> x.replaceAll(" -m comment --comment \"[^\"]*\"", "")).toList();
        String chain = KubeChains.loadBalancer(ClusterSpec.of(LAB.model().topology()).get().services().get("web"));
        assertThat(l).containsExactly(
                "-A PREROUTING -d 192.168.0.4/32 -p tcp -m tcp --dport 8000 -j " + chain,
                "-A " + chain + " -p tcp -m statistic --mode random --probability 0.5000000000 -j DNAT --to-destination 192.168.0.2:30080",
                "-A " + chain + " -p tcp -j DNAT --to-destination 192.168.0.3:30080",
                "-A POSTROUTING -d 192.168.0.2/32 -p tcp -m tcp --dport 30080 -m conntrack --ctstate DNAT -j MASQUERADE",
                "-A POSTROUTING -d 192.168.0.3/32 -p tcp -m tcp --dport 30080 -m conntrack --ctstate DNAT -j MASQUERADE");
        assertThat(LAB.model().node("lb").orElseThrow().spec().forwarding()).isTrue();
    }
}
