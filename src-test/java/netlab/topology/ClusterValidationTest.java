package netlab.topology;

import static netlab.testing.Topologies.errors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every error of a cluster section, with its position: what is written, and what it refers to in the lab. */
class ClusterValidationTest {
    /** etcd, node1, node2 on one switch, pods p1..p3; tests append the cluster section (and maybe more nodes). */
    private static String lab(String cluster) {
        return """
                name: lab
                switches:
                  underlay: {subnet: 192.168.0.0/24}
                nodes:
                  etcd: {}
                  node1: {}
                  node2: {}
                  p1: {}
                  p2: {}
                  p3: {}
                links:
                  - [etcd:eth0, underlay]
                  - [node1:eth0, underlay]
                  - [node2:eth0, underlay]
                cluster:
                """ + cluster.indent(2);
    }

    @Test
    void aValidClusterHasNoErrors() {
        assertThat(errors(lab("""
                network: 10.1.0.0/16
                etcd: etcd
                nodes:
                  node1: {underlay: eth0, pods: {p1: , p2: 10.1.1.9}}
                  node2: {underlay: eth0, pods: {p3: {address: 10.1.2.7}}}
                services:
                  web: {cluster_ip: 10.96.0.1, port: 80, node_port: 30080, endpoints: [p1, p3]}
                """))).isEmpty();
    }

    @Test
    void networkBackendAndEtcd() {
        assertThat(errors(lab("""
                network: 10.1.0.1/16
                subnet_len: 16
                backend: vxlna
                etcd: etcd
                nodes: {node1: {underlay: eth0}}
                """))).containsExactly(
                "16:12: 'network' of the cluster: 10.1.0.1/16 has host bits set; did you mean 10.1.0.0/16?",
                "18:12: 'backend' of the cluster must be vxlan, host-gw, bgp, none, not 'vxlna' (did you mean 'vxlan'?)");
        assertThat(errors(lab("""
                network: 10.1.0.0/16
                subnet_len: 16
                backend: host-gw
                nodes: {node1: {underlay: eth0}}
                """))).containsExactly(
                "17:15: 'subnet_len' 16 must be longer than the prefix of network 10.1.0.0/16: each node's pod subnet is a part of the network",
                "18:12: backend host-gw keeps the cluster's subnet table in etcd: name the node that runs it with 'etcd: NODE'");
        assertThat(errors(lab("""
                backend: none
                etcd: etcd
                """))).containsExactly(
                "16:3: the cluster needs 'network': the address range its pods' subnets are cut from, like 10.1.0.0/16",
                "16:3: the cluster needs 'nodes': the lab nodes that are its nodes, with their pods",
                "17:9: backend none programs no routes between nodes, so it keeps no subnet table in etcd; remove 'etcd' or choose"
                        + " backend vxlan or host-gw");
        assertThat(errors(lab("""
                network: 10.1.0.0/16
                etcd: etdc
                nodes: {node1: {underlay: eth0}}
                """))).containsExactly(
                "17:9: etcd node 'etdc' is not a node of the lab (did you mean 'etcd'?); add it under 'nodes' (etdc: {} makes a plain namespace)");
    }

    @Test
    void nodesAndTheirSubnets() {
        assertThat(errors(lab("""
                network: 10.1.0.0/16
                etcd: etcd
                nodes:
                  node1: {underlay: eth0, subnet: 10.2.0.0/24}
                  node2: {underlay: eht0, subnet: 10.1.3.0/25}
                  node3: {underlay: eth0}
                  p1: {subnet: 10.1.7.0/24}
                """))).containsExactly(
                "19:37: pod subnet 10.2.0.0/24 of cluster node 'node1' is outside the cluster network 10.1.0.0/16",
                "20:23: cluster node 'node2' has no interface 'eht0' (did you mean 'eth0'?); its underlay is the interface towards the other nodes",
                "20:37: pod subnet 10.1.3.0/25 of cluster node 'node2' must be a /24 (the cluster's subnet_len)",
                "21:5: cluster node 'node3' is not a node of the lab (did you mean 'node1'?); add it under 'nodes' (node3: {} makes a plain namespace)",
                "22:5: cluster node 'p1' needs 'underlay': its interface towards the other nodes, whose address is the node's public IP");
    }

    @Test
    void twoNodesCannotLeaseOneSubnet() {
        assertThat(errors(lab("""
                network: 10.1.0.0/16
                etcd: etcd
                nodes:
                  node1: {underlay: eth0, subnet: 10.1.5.0/24}
                  node2: {underlay: eth0, subnet: 10.1.5.0/24}
                """))).containsExactly(
                "20:37: pod subnet 10.1.5.0/24 of cluster node 'node2' is already cluster node 'node1''s; each node leases its own");
    }

    @Test
    void podsAndTheirAddresses() {
        assertThat(errors(lab("""
                network: 10.1.0.0/16
                etcd: etcd
                nodes:
                  node1:
                    underlay: eth0
                    subnet: 10.1.5.0/24
                    pods: {p1: 10.1.6.2, p2: 10.1.5.1, p3: 10.1.5.0}
                  node2:
                    underlay: eth0
                    pods: {p1: , node1: , p4: , p5: 2001:db8::1}
                """))).containsExactly(
                "22:18: address 10.1.6.2 of pod 'p1' is outside the pod subnet 10.1.5.0/24 of cluster node 'node1'",
                "22:32: address 10.1.5.1 of pod 'p2' is cni0's, the pods' gateway on node 'node1'",
                "22:46: address 10.1.5.0 of pod 'p3' is the network address of 10.1.5.0/24 (flannel.1 has it)",
                "25:14: pod 'p1' is already on cluster node 'node1'; a pod runs on one node",
                "25:20: 'node1' is a cluster node; it cannot also be a pod",
                "25:29: pod 'p4' is not a node of the lab (did you mean 'p1'?); add it under 'nodes' (p4: {} makes a plain namespace)",
                "25:35: pod 'p5' is not a node of the lab (did you mean 'p1'?); add it under 'nodes' (p5: {} makes a plain namespace)",
                "25:39: the address of pod 'p5' of cluster node 'node2' must be IPv4, from its node's pod subnet");
    }

    @Test
    void whatTheClusterMakesCannotBeWrittenToo() {
        assertThat(errors("""
                name: lab
                switches:
                  underlay: {subnet: 192.168.0.0/24}
                nodes:
                  etcd: {}
                  node1:
                    interfaces:
                      cni0: {type: bridge}
                      flannel.1: {type: vxlan, vni: 7}
                      vx: {type: vxlan, vni: 1}
                  p1: {gateway: 10.1.1.1, interfaces: {eth0: {addresses: []}}}
                links:
                  - [etcd:eth0, underlay]
                  - [node1:eth0, underlay]
                cluster:
                  network: 10.1.0.0/16
                  etcd: etcd
                  nodes:
                    node1: {underlay: eth0, pods: {p1: }}
                """)).containsExactly(
                "8:7: interface node1:cni0 is made by the cluster (the bridge that joins the node's pods, line 19); remove it here",
                "9:7: interface node1:flannel.1 is the cluster's VXLAN device (backend vxlan makes it on every node); name this one otherwise",
                "10:30: vxlan node1:vx uses VNI 1 on port 4789, which flannel.1 of the cluster needs on node 'node1' (a node has one VXLAN device"
                        + " per VNI and port)",
                "11:17: pod 'p1' gets its default route from the cluster (via cni0 of node 'node1', 10.1.1.1); remove its own",
                "11:40: interface p1:eth0 is made by the cluster (the pod's end of its veth pair to node 'node1', line 19); remove it here");
    }

    @Test
    void hostGwNeedsOneL2Segment() {
        String routed = """
                name: lab
                switches:
                  a: {subnet: 192.168.0.0/24}
                  b: {subnet: 192.168.1.0/24}
                nodes:
                  etcd: {}
                  r1: {forwarding: true}
                  node1: {gateway: r1}
                  node2: {gateway: r1}
                links:
                  - [etcd:eth0, a]
                  - [r1:eth0, a]
                  - [r1:eth1, b]
                  - [node1:eth0, a]
                  - [node2:eth0, b]
                cluster:
                  network: 10.1.0.0/16
                  backend: host-gw
                  etcd: etcd
                  nodes: {node1: {underlay: eth0}, node2: {underlay: eth0}}
                """;
        assertThat(errors(routed)).containsExactly(
                "18:12: backend host-gw routes each node's pod subnet via that node's underlay address, so the nodes must share one L2 segment,"
                        + " but node1:eth0 is on switch a and node2:eth0 is on switch b; use backend vxlan across routers");
        assertThat(errors(routed.replace("backend: host-gw", "backend: vxlan"))).as("vxlan crosses routers").isEmpty();
        assertThat(errors(routed.replace("  - [r1:eth1, b]\n", "  - [r1:eth1, b]\n  - [a, b]\n")))
                .as("two switches joined by a link are one segment").isEmpty();
    }

    @Test
    void anUnderlayNeedsAnAddress() {
        assertThat(errors("""
                name: lab
                switches:
                  underlay: {}
                nodes:
                  etcd: {interfaces: {eth0: 192.168.0.2/24}}
                  node1: {}
                links:
                  - [etcd:eth0, underlay]
                  - [node1:eth0, underlay]
                cluster:
                  network: 10.1.0.0/16
                  etcd: etcd
                  nodes: {node1: {underlay: eth0}}
                """)).containsExactly(
                "13:29: underlay node1:eth0 has no IPv4 address: its address is the node's public IP, which the other nodes send to (give the"
                        + " interface an address, or its switch a subnet)");
    }

    @Test
    void services() {
        assertThat(errors(lab("""
                network: 10.1.0.0/16
                etcd: etcd
                service_network: 10.96.0.0/12
                nodes:
                  node1: {underlay: eth0, pods: {p1: , p2: }}
                services:
                  Web: {cluster_ip: 10.1.0.10, port: 80, endpoints: [p1, p9, p1]}
                  api: {cluster_ip: 10.200.0.1, port: 8080, protocol: sctp, node_port: 80, endpoints: p2}
                  db: {cluster_ip: 192.168.0.1, endpoints: [p2], load_balancer: {node: lb, address: 203.0.113.1}}
                  dup: {cluster_ip: 10.96.0.5, port: 80, node_port: 30080, endpoints: [p1]}
                  dup2: {cluster_ip: 10.96.0.5, port: 80, node_port: 30080, endpoints: [p1]}
                """))).containsExactly(
                "22:5: service name 'Web' may only use lower-case letters, digits and '-', starting with a letter (at most 40 characters)",
                "22:23: 'cluster_ip' 10.1.0.10 of service 'Web' is inside the cluster network 10.1.0.0/16; a ClusterIP is a virtual address"
                        + " outside the pods' subnets",
                "22:23: 'cluster_ip' 10.1.0.10 of service 'Web' is outside the cluster's service_network 10.96.0.0/12",
                "22:60: endpoint 'p9' of service 'Web' is not a pod of the cluster (did you mean 'p1'?)",
                "22:64: endpoint 'p1' is listed twice in service 'Web'",
                "23:23: 'cluster_ip' 10.200.0.1 of service 'api' is outside the cluster's service_network 10.96.0.0/12",
                "23:57: 'protocol' of service 'api' must be tcp or udp, not 'sctp'",
                "23:74: 'node_port' in service 'api' must be between 30000 and 32767, not 80",
                "24:9: service 'db' needs 'port': the port its ClusterIP answers on",
                "24:22: 'cluster_ip' 192.168.0.1 of service 'db' is outside the cluster's service_network 10.96.0.0/12",
                "24:67: the load balancer of service 'db' forwards to the service's NodePort on every node; give service 'db' a 'node_port'"
                        + " (30000-32767)",
                "26:41: service 'dup2' answers on 10.96.0.5 tcp port 80 like service 'dup'",
                "26:56: node_port 30080 of service 'dup2' is already service 'dup''s");
    }

    @Test
    void aLoadBalancerIsANodeInFrontOfTheCluster() {
        assertThat(errors("""
                name: lab
                switches:
                  underlay: {subnet: 192.168.0.0/24}
                nodes:
                  etcd: {}
                  node1: {}
                  lb: {interfaces: {eth0: 192.168.0.100/24}}
                  p1: {}
                links:
                  - [etcd:eth0, underlay]
                  - [node1:eth0, underlay]
                  - [lb:eth0, underlay]
                cluster:
                  network: 10.1.0.0/16
                  etcd: etcd
                  nodes: {node1: {underlay: eth0, pods: {p1: }}}
                  services:
                    a: {cluster_ip: 10.96.0.1, port: 80, node_port: 30001, endpoints: [p1], load_balancer: {node: lb, address: 203.0.113.1}}
                    b: {cluster_ip: 10.96.0.2, port: 80, node_port: 30002, endpoints: [p1], load_balancer: {node: p1, address: 10.1.1.2}}
                """)).containsExactly(
                "18:92: the load balancer of service 'a' answers on 203.0.113.1, which is not an address of node 'lb'",
                "19:99: the load balancer of service 'b' is 'p1', which is part of the cluster; a load balancer is a node in front of it");
    }

    @Test
    void clusterChecksNeedACluster() {
        assertThat(errors("""
                name: lab
                nodes: {h1: {}}
                checks:
                  - lease: {node: h1}
                  - needs_lease: {node: h1, probe: {ping: {from: h1, to: h2}}}
                  - spread: {from: h1, url: "http://10.0.0.1/", requests: 1, over: [h1, h3]}
                """)).containsExactly(
                "4:19: a lease check needs a cluster: the lab has no 'cluster' section",
                "5:25: a needs_lease check needs a cluster: the lab has no 'cluster' section",
                "5:58: ping to 'h2': there is no node 'h2' (did you mean 'h1'?)",
                "6:20: a spread check of 1 requests cannot reach all 2 nodes of 'over'",
                "6:69: spread over 'h1': it runs no http service, so no answer can name it (add services: [http])",
                "6:73: spread over 'h3': there is no node 'h3' (did you mean 'h1'?)");
        assertThat(errors(lab("""
                network: 10.1.0.0/16
                etcd: etcd
                nodes: {node1: {underlay: eth0, pods: {p1: }}}
                """) + """
                checks:
                  - lease: {node: p1, on: [node1, nodex]}
                  - needs_lease: {node: node1}
                """)).containsExactly(
                "20:19: 'p1' (the node of a lease check) is not a node of the cluster; its nodes: node1",
                "20:35: 'nodex' (in 'on' of a lease check) is not a node of the cluster (did you mean 'node1'?); its nodes: node1",
                "21:18: a needs_lease check needs 'probe': the probe that must fail without the lease");
    }
}
