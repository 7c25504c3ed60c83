package netlab.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.text.Fingerprint;
import netlab.topology.Names;
import netlab.yaml.Fields;
import netlab.yaml.NetValues;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YScalar;

/**
 * Reads a topology's {@code cluster:} section: the cluster network and its backend, the nodes with their pods, the
 * services. Pod subnets and pod addresses that are not written are given here, in file order (subnets from the
 * network's second one up, as flannel's SubnetMin skips the first; pod addresses from .2 up, .1 being cni0), so the
 * plan, the checks and {@code up --dry-run} all know every address before anything runs.
 */
public final class ClusterParser {
    static final Set<String> KEYS = Set.of("network", "subnet_len", "backend", "etcd", "masquerade", "service_network", "nodes", "services");
    static final Set<String> NODE_KEYS = Set.of("underlay", "subnet", "pods");
    static final Set<String> POD_KEYS = Set.of("address");
    static final Set<String> SERVICE_KEYS = Set.of("cluster_ip", "port", "target_port", "protocol", "node_port", "endpoints", "load_balancer");
    static final Set<String> LB_KEYS = Set.of("node", "address", "port");
    static final List<String> PROTOCOLS = List.of("tcp", "udp");
    /** Kubernetes' default NodePort range (kube-apiserver --service-node-port-range). */
    static final int NODE_PORT_MIN = 30000, NODE_PORT_MAX = 32767;
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z]([a-z0-9-]*[a-z0-9])?");
    private static final Cidr PLACEHOLDER = Cidr.of("10.1.0.0/16");

    private ClusterParser() {}

    public static ClusterSpec parse(YNode value, Diagnostics d) {
        String where = "the cluster";
        YMap map = Fields.asMap(value, d, "'cluster'").orElse(new YMap(List.of(), value.pos()));
        Fields f = Fields.of(map, d, where, KEYS);

        Optional<Cidr> network = f.has("network") ? NetValues.subnet(f, "network", false, where, d) : Optional.empty();
        if (!f.has("network")) d.error(map.pos(), "the cluster needs 'network': the address range its pods' subnets are cut from, like 10.1.0.0/16");
        int subnetLen = (int) f.integer("subnet_len", 24, 1, 30);
        network.ifPresent(n -> {
            if (subnetLen <= n.prefix()) {
                d.error(f.posOf("subnet_len"), "'subnet_len' " + subnetLen + " must be longer than the prefix of network " + n
                        + ": each node's pod subnet is a part of the network");
            }
        });
        boolean usable = network.isPresent() && subnetLen > network.get().prefix();

        String backendWord = f.string("backend").orElse(Backend.VXLAN.word());
        Optional<Backend> backend = Backend.of(backendWord);
        if (backend.isEmpty()) {
            d.error(f.posOf("backend"), "'backend' of the cluster must be " + String.join(", ", Backend.words()) + ", not '" + backendWord + "'"
                    + Suggest.hint(backendWord, Backend.words()));
        }
        Backend b = backend.orElse(Backend.VXLAN);

        Optional<Located> etcd = f.string("etcd").map(t -> new Located(t.trim(), f.posOf("etcd")));
        if (b.usesEtcd() && etcd.isEmpty() && backend.isPresent()) {
            d.error(f.posOf("backend"), "backend " + b.word() + " keeps the cluster's subnet table in etcd: name the node that runs it with"
                    + " 'etcd: NODE'");
        }
        if (!b.usesEtcd() && etcd.isPresent()) {
            d.error(etcd.get().pos(), "backend " + b.word() + (b == Backend.BGP ? " announces each node's subnet over BGP"
                    : " programs no routes between nodes") + ", so it keeps no subnet table in etcd; remove 'etcd' or choose backend vxlan or host-gw");
        }
        boolean masquerade = f.bool("masquerade", true);
        Optional<Cidr> serviceNetwork = NetValues.subnet(f, "service_network", false, where, d);

        Map<String, NodeDraft> drafts = new LinkedHashMap<>();
        Optional<YMap> nodesMap = f.mapping("nodes");
        if (!f.has("nodes")) d.error(map.pos(), "the cluster needs 'nodes': the lab nodes that are its nodes, with their pods");
        else nodesMap.filter(m -> m.entries().isEmpty()).ifPresent(m -> d.error(m.pos(), "the cluster's 'nodes' is empty; it needs at least one node"));
        nodesMap.ifPresent(m -> {
            for (YMap.Entry e : m.entries()) drafts.put(e.key().value(), readNode(e, b, d));
        });

        Cidr net = usable ? network.get() : PLACEHOLDER;
        int len = usable ? subnetLen : 24;
        Map<String, ClusterNodeSpec> nodes = new LinkedHashMap<>();
        if (usable) checkWrittenSubnets(drafts, net, len, d);
        allocateSubnets(drafts, net, len, usable, d);
        Map<String, String> podOwner = new LinkedHashMap<>();
        for (NodeDraft n : drafts.values()) nodes.put(n.name, finish(n, podOwner, drafts.keySet(), d));

        Map<String, ServiceSpec> services = new LinkedHashMap<>();
        f.mapping("services").ifPresent(m -> {
            for (YMap.Entry e : m.entries()) readService(e, net, usable, serviceNetwork, podOwner, services, d).ifPresent(s -> services.put(s.name(), s));
        });
        return new ClusterSpec(net, len, b, etcd, masquerade, serviceNetwork, nodes, services, map.pos(), f.posOf("backend"));
    }

    /** A node while its subnet may still have to be chosen. */
    private static final class NodeDraft {
        final String name;
        final Pos pos;
        Optional<Located> underlay = Optional.empty();
        Optional<Cidr> subnet = Optional.empty();
        Pos subnetPos;
        final List<PodDraft> pods = new ArrayList<>();

        NodeDraft(String name, Pos pos) {
            this.name = name;
            this.pos = pos;
        }
    }

    private record PodDraft(String name, Optional<IpAddress> address, Pos pos, Pos addressPos) {}

    private static NodeDraft readNode(YMap.Entry e, Backend backend, Diagnostics d) {
        String name = e.key().value();
        String where = "cluster node '" + name + "'";
        NodeDraft n = new NodeDraft(name, e.key().pos());
        YMap m = Fields.asMap(e.value(), d, where).orElse(new YMap(List.of(), e.key().pos()));
        Fields f = Fields.of(m, d, where, NODE_KEYS);
        n.underlay = f.string("underlay").map(t -> new Located(t.trim(), f.posOf("underlay")));
        n.underlay.ifPresent(u -> Names.checkIfname(u.text(), "'underlay' of " + where).ifPresent(msg -> d.error(u.pos(), msg)));
        if (n.underlay.isEmpty() && backend != Backend.NONE) {
            d.error(e.key().pos(), where + " needs 'underlay': its interface towards the other nodes, whose address is the node's public IP");
        }
        n.subnet = f.string("subnet").flatMap(t -> NetValues.cidr(new Located(t, f.posOf("subnet")), "'subnet' of " + where, d));
        n.subnetPos = f.posOf("subnet");
        f.mapping("pods").ifPresent(pm -> {
            for (YMap.Entry p : pm.entries()) n.pods.add(readPod(p, name, d));
        });
        return n;
    }

    private static PodDraft readPod(YMap.Entry e, String node, Diagnostics d) {
        String pod = e.key().value();
        String where = "pod '" + pod + "' of cluster node '" + node + "'";
        YNode v = e.value();
        if (v instanceof YScalar s && !s.isNull()) return new PodDraft(pod, address(s.value(), s.pos(), where, d), e.key().pos(), s.pos());
        YMap m = Fields.asMap(v, d, where).orElse(new YMap(List.of(), e.key().pos()));
        Fields f = Fields.of(m, d, where, POD_KEYS);
        return new PodDraft(pod, f.string("address").flatMap(t -> address(t, f.posOf("address"), where, d)), e.key().pos(), f.posOf("address"));
    }

    private static Optional<IpAddress> address(String text, Pos pos, String where, Diagnostics d) {
        Optional<IpAddress> a = IpAddress.parse(text.trim());
        if (a.isEmpty()) {
            d.error(pos, "the address of " + where + ": '" + text + "' is not an IPv4 address"
                    + (text.contains("/") ? " (write it without a prefix length: the node's subnet gives it)" : ""));
        } else if (a.get().isV6()) {
            d.error(pos, "the address of " + where + " must be IPv4, from its node's pod subnet");
            return Optional.empty();
        }
        return a;
    }

    private static void checkWrittenSubnets(Map<String, NodeDraft> drafts, Cidr net, int len, Diagnostics d) {
        Map<Cidr, String> taken = new LinkedHashMap<>();
        for (NodeDraft n : drafts.values()) {
            if (n.subnet.isEmpty()) continue;
            Cidr s = n.subnet.get();
            String what = "pod subnet " + s + " of cluster node '" + n.name + "'";
            if (s.isV6()) {
                d.error(n.subnetPos, what + " must be IPv4");
            } else if (!s.isNetwork()) {
                d.error(n.subnetPos, what + " has host bits set; did you mean " + s.network() + "?");
            } else if (!net.contains(s.address())) {
                d.error(n.subnetPos, what + " is outside the cluster network " + net);
            } else if (s.prefix() != len) {
                d.error(n.subnetPos, what + " must be a /" + len + " (the cluster's subnet_len)");
            } else {
                String other = taken.putIfAbsent(s, n.name);
                if (other != null) d.error(n.subnetPos, what + " is already cluster node '" + other + "''s; each node leases its own");
                continue;
            }
            n.subnet = Optional.empty(); // reported; keep going with one chosen for it
        }
    }

    /** Gives nodes without a written subnet the next free one, from the network's second subnet up. */
    private static void allocateSubnets(Map<String, NodeDraft> drafts, Cidr net, int len, boolean usable, Diagnostics d) {
        java.util.Set<IpAddress> taken = new java.util.HashSet<>();
        for (NodeDraft n : drafts.values()) n.subnet.ifPresent(s -> taken.add(s.address()));
        long count = 1L << Math.min(62, len - net.prefix());
        long next = 1;
        for (NodeDraft n : drafts.values()) {
            if (n.subnet.isPresent()) continue;
            Cidr candidate = null;
            while (next < count) {
                Cidr c = new Cidr(net.network().address().plus(next++ << (32 - len)), len);
                if (!taken.contains(c.address())) {
                    candidate = c;
                    break;
                }
            }
            if (candidate == null) {
                if (usable) d.error(n.pos, "the cluster network " + net + " has no free /" + len + " left for cluster node '" + n.name + "'");
                candidate = new Cidr(net.network().address(), len);
            }
            taken.add(candidate.address());
            n.subnet = Optional.of(candidate);
        }
    }

    private static ClusterNodeSpec finish(NodeDraft n, Map<String, String> podOwner, java.util.Set<String> clusterNodes, Diagnostics d) {
        Cidr subnet = n.subnet.orElseThrow();
        Map<String, PodAttachment> pods = new LinkedHashMap<>();
        java.util.Set<IpAddress> used = new java.util.HashSet<>();
        used.add(subnet.host(1).orElseThrow().address());
        java.util.Set<String> badAddress = new java.util.HashSet<>();
        for (PodDraft p : n.pods) {
            if (p.address().isEmpty()) continue;
            IpAddress a = p.address().get();
            Cidr c = new Cidr(a, subnet.prefix());
            String what = "address " + a + " of pod '" + p.name() + "'";
            String wrong = null;
            if (!subnet.contains(a)) wrong = what + " is outside the pod subnet " + subnet + " of cluster node '" + n.name + "'";
            else if (c.isNetworkAddressOfSubnet()) wrong = what + " is the network address of " + subnet + " (flannel.1 has it)";
            else if (c.isBroadcastAddressOfSubnet()) wrong = what + " is the broadcast address of " + subnet;
            else if (a.equals(subnet.host(1).orElseThrow().address())) wrong = what + " is cni0's, the pods' gateway on node '" + n.name + "'";
            else if (!used.add(a)) wrong = what + " is already another pod's";
            if (wrong != null) {
                d.error(p.addressPos(), wrong);
                badAddress.add(p.name()); // reported; it gets a free address so nothing else trips over it
            }
        }
        long next = 2;
        for (PodDraft p : n.pods) {
            String owner = podOwner.putIfAbsent(p.name(), n.name);
            if (owner != null) {
                d.error(p.pos(), "pod '" + p.name() + "' is already on cluster node '" + owner + "'; a pod runs on one node");
                continue;
            }
            if (clusterNodes.contains(p.name())) {
                d.error(p.pos(), "'" + p.name() + "' is a cluster node; it cannot also be a pod");
                continue;
            }
            Cidr address;
            if (p.address().isPresent() && !badAddress.contains(p.name())) {
                address = new Cidr(p.address().get(), subnet.prefix());
            } else {
                Optional<Cidr> free;
                while ((free = subnet.host(next)).isPresent() && used.contains(free.get().address())) next++;
                if (free.isEmpty() || free.get().isBroadcastAddressOfSubnet()) {
                    d.error(p.pos(), "pod subnet " + subnet + " of cluster node '" + n.name + "' has no free address left for pod '" + p.name() + "'");
                    continue;
                }
                address = free.get();
                used.add(address.address());
            }
            pods.put(p.name(), new PodAttachment(p.name(), n.name, address, hostVeth(p.name()), p.pos()));
        }
        return new ClusterNodeSpec(n.name, n.underlay, subnet, pods, n.pos);
    }

    /** The node's end of a pod's veth: "veth" and the pod's name when that fits an interface name, else a short hash. */
    static String hostVeth(String pod) {
        String readable = "veth" + pod;
        if (Names.checkIfname(readable, "").isEmpty()) return readable;
        return "veth" + Fingerprint.hex(4, pod);
    }

    private static Optional<ServiceSpec> readService(YMap.Entry e, Cidr net, boolean usable, Optional<Cidr> serviceNetwork,
                                                     Map<String, String> podOwner, Map<String, ServiceSpec> others, Diagnostics d) {
        String name = e.key().value();
        String where = "service '" + name + "'";
        if (!SERVICE_NAME.matcher(name).matches() || name.length() > 40) {
            d.error(e.key().pos(), "service name '" + name + "' may only use lower-case letters, digits and '-', starting with a letter"
                    + " (at most 40 characters)");
        }
        YMap m = Fields.asMap(e.value(), d, where).orElse(new YMap(List.of(), e.key().pos()));
        Fields f = Fields.of(m, d, where, SERVICE_KEYS);
        Optional<IpAddress> clusterIp = f.requiredString("cluster_ip").flatMap(t -> {
            Optional<IpAddress> a = IpAddress.parse(t.trim());
            if (a.isEmpty() || a.get().isV6()) {
                d.error(f.posOf("cluster_ip"), "'cluster_ip' of " + where + ": '" + t + "' is not an IPv4 address");
                return Optional.empty();
            }
            return a;
        });
        clusterIp.ifPresent(ip -> {
            if (usable && net.contains(ip)) {
                d.error(f.posOf("cluster_ip"), "'cluster_ip' " + ip + " of " + where + " is inside the cluster network " + net
                        + "; a ClusterIP is a virtual address outside the pods' subnets");
            }
            serviceNetwork.filter(sn -> !sn.contains(ip)).ifPresent(sn -> d.error(f.posOf("cluster_ip"), "'cluster_ip' " + ip + " of "
                    + where + " is outside the cluster's service_network " + sn));
        });
        int port = f.has("port") ? (int) f.integer("port", 0, 1, 65535) : 0;
        if (!f.has("port")) d.error(m.pos(), where + " needs 'port': the port its ClusterIP answers on");
        int targetPort = (int) f.integer("target_port", port, 1, 65535);
        String protocol = f.string("protocol").map(p -> p.trim().toLowerCase()).orElse("tcp");
        if (!PROTOCOLS.contains(protocol)) {
            d.error(f.posOf("protocol"), "'protocol' of " + where + " must be tcp or udp, not '" + protocol + "'" + Suggest.hint(protocol, PROTOCOLS));
        }
        OptionalInt nodePort = f.integer("node_port", NODE_PORT_MIN, NODE_PORT_MAX).map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
        List<Located> endpoints = new ArrayList<>();
        for (Located ep : f.textList("endpoints")) {
            if (!podOwner.containsKey(ep.text())) {
                d.error(ep.pos(), "endpoint '" + ep.text() + "' of " + where + " is not a pod of the cluster"
                        + Suggest.hint(ep.text(), podOwner.keySet()));
            } else if (endpoints.stream().anyMatch(x -> x.text().equals(ep.text()))) {
                d.error(ep.pos(), "endpoint '" + ep.text() + "' is listed twice in " + where);
            } else {
                endpoints.add(ep);
            }
        }
        if (!f.has("endpoints")) d.error(m.pos(), where + " needs 'endpoints': the pods behind it");
        Optional<LoadBalancerSpec> lb = f.mapping("load_balancer").flatMap(lm -> loadBalancer(lm, port, where, d));
        if (lb.isPresent() && !f.has("node_port")) {
            d.error(f.posOf("load_balancer"), "the load balancer of " + where + " forwards to the service's NodePort on every node; give "
                    + where + " a 'node_port' (" + NODE_PORT_MIN + "-" + NODE_PORT_MAX + ")");
        }
        for (ServiceSpec o : others.values()) {
            if (clusterIp.isPresent() && o.clusterIp().equals(clusterIp.get()) && o.port() == port && o.protocol().equals(protocol)) {
                d.error(f.posOf("port"), where + " answers on " + clusterIp.get() + " " + protocol + " port " + port + " like service '" + o.name() + "'");
            }
            if (nodePort.isPresent() && o.nodePort().equals(nodePort) && o.protocol().equals(protocol)) {
                d.error(f.posOf("node_port"), "node_port " + nodePort.getAsInt() + " of " + where + " is already service '" + o.name() + "''s");
            }
        }
        if (clusterIp.isEmpty() || port == 0) return Optional.empty();
        return Optional.of(new ServiceSpec(name, clusterIp.get(), port, targetPort, protocol, nodePort, endpoints, lb, e.key().pos()));
    }

    private static Optional<LoadBalancerSpec> loadBalancer(YMap m, int servicePort, String service, Diagnostics d) {
        String where = "the load balancer of " + service;
        Fields f = Fields.of(m, d, where, LB_KEYS);
        Optional<Located> node = f.requiredString("node").map(t -> new Located(t.trim(), f.posOf("node")));
        Optional<IpAddress> address = f.requiredString("address").flatMap(t -> {
            Optional<IpAddress> a = IpAddress.parse(t.trim());
            if (a.isEmpty() || a.get().isV6()) d.error(f.posOf("address"), "'address' of " + where + ": '" + t + "' is not an IPv4 address");
            return a.filter(x -> !x.isV6());
        });
        int port = (int) f.integer("port", servicePort, 1, 65535);
        if (node.isEmpty() || address.isEmpty()) return Optional.empty();
        return Optional.of(new LoadBalancerSpec(node.get(), address.get(), port, m.pos()));
    }
}
