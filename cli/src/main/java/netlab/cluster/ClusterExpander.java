package netlab.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.interfaces.BridgeType;
import netlab.routing.extension.RoutingNodes;
import netlab.routing.spec.RoutingSpec;
import netlab.rules.NodeRules;
import netlab.rules.Rule;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.topology.AddressSpec;
import netlab.topology.Endpoint;
import netlab.topology.InterfaceSpec;
import netlab.topology.LinkSpec;
import netlab.topology.NodeSpec;
import netlab.topology.RouteSpec;
import netlab.topology.Sections;
import netlab.topology.VethInterface;

/**
 * Turns the {@code cluster:} section into ordinary topology parts, so the rest of netlab (addresses, validation,
 * the plan, status, checks) treats them like anything written by hand:
 * <ul>
 * <li>each pod gets {@code eth0} with its address, linked by a veth pair to its node, and a default route via cni0;</li>
 * <li>each cluster node gets the pods' veth ends, the bridge {@code cni0} (the pods' gateway, .1 of its subnet) with
 * them as ports, forwarding, kube-proxy's service chains and flannel's masquerade as rules;</li>
 * <li>with backend bgp, each cluster node gets a {@code routing:} section ({@link CalicoBgp}): the routing extension
 * runs its FRR like any routing node's;</li>
 * <li>a load-balancer node gets forwarding and its DNAT rules.</li>
 * </ul>
 * What depends on etcd (flannel.1's routes, neighbours and FDB entries) is not in the topology: {@link ClusterPlan}
 * programs it from what etcd holds. Generated parts carry the positions of the cluster entries that made them.
 */
public final class ClusterExpander {
    private ClusterExpander() {}

    /** Adds the cluster's parts to {@code nodes} (replacing the nodes it extends) and {@code links}. */
    public static void expand(ClusterSpec c, Map<String, NodeSpec> nodes, List<LinkSpec> links, Diagnostics d) {
        Map<String, Edit> edits = new LinkedHashMap<>();
        for (ClusterNodeSpec n : c.nodes().values()) {
            if (!exists(n.name(), n.pos(), "cluster node", nodes, d)) continue;
            Edit node = edits.computeIfAbsent(n.name(), k -> new Edit(nodes.get(k)));
            int mtu = podMtu(c, nodes.get(n.name()), n);
            node.forwarding = true;
            List<Located> ports = new ArrayList<>();
            for (PodAttachment p : n.pods().values()) {
                if (!exists(p.pod(), p.pos(), "pod", nodes, d)) continue;
                Edit pod = edits.computeIfAbsent(p.pod(), k -> new Edit(nodes.get(k)));
                pod.addInterface(new InterfaceSpec(Flannel.POD_IFACE, VethInterface.INSTANCE, List.of(new AddressSpec(p.address(), p.pos())), false,
                        Optional.empty(), OptionalInt.of(mtu), p.pos()), "the pod's end of its veth pair to node '" + n.name() + "'", d);
                pod.defaultRoute(new RouteSpec(Optional.empty(), false, Optional.of(n.bridgeAddress().address().toString()), Optional.empty(),
                        OptionalInt.empty(), p.pos()), n, d);
                node.addInterface(new InterfaceSpec(p.hostVeth(), VethInterface.INSTANCE, List.of(), false, Optional.empty(),
                        OptionalInt.of(mtu), p.pos()), "the node's end of pod " + p.pod() + "'s veth pair", d);
                ports.add(new Located(p.hostVeth(), p.pos()));
                links.add(new LinkSpec(new Endpoint(p.pod(), Optional.of(Flannel.POD_IFACE), p.pos()),
                        new Endpoint(n.name(), Optional.of(p.hostVeth()), p.pos()), Optional.empty(), Optional.empty(), p.pos()));
            }
            node.addInterface(new InterfaceSpec(Flannel.BRIDGE, new BridgeType.Spec(ports, n.pos()),
                    List.of(new AddressSpec(n.bridgeAddress(), n.pos())), false, Optional.empty(), OptionalInt.of(mtu), n.pos()),
                    "the bridge that joins the node's pods", d);
            for (ServiceSpec s : c.services().values()) node.rules.add(new KubeServiceRule(c, s, s.pos()));
            if (!c.services().isEmpty()) {
                node.rules.add(new KubeProxyRule(c, c.pos()));
                // A pod reaching a service whose chosen endpoint is on its own bridge gets the answer bridged straight back:
                // only with bridged frames passing iptables does conntrack undo the DNAT (kubelet asks for the same).
                node.sysctls.put("net.bridge.bridge-nf-call-iptables", new Located("1", c.pos()));
            }
            if (c.masquerade()) node.rules.add(new FlannelMasqueradeRule(c, n, c.pos()));
            if (c.backend() == Backend.BGP) node.routing(CalicoBgp.routing(c, n), d);
        }
        c.etcd().ifPresent(e -> exists(e.text(), e.pos(), "etcd node", nodes, d));
        for (ServiceSpec s : c.services().values()) {
            if (s.loadBalancer().isEmpty()) continue;
            Located lbNode = s.loadBalancer().get().node();
            if (!exists(lbNode.text(), lbNode.pos(), "load-balancer node", nodes, d)) continue;
            if (c.isNode(lbNode.text()) || c.pod(lbNode.text()).isPresent()) {
                d.error(lbNode.pos(), "the load balancer of service '" + s.name() + "' is '" + lbNode.text() + "', which is part of the cluster;"
                        + " a load balancer is a node in front of it");
                continue;
            }
            Edit lb = edits.computeIfAbsent(lbNode.text(), k -> new Edit(nodes.get(k)));
            lb.forwarding = true;
            lb.rules.add(new LoadBalancerRule(c, s, s.loadBalancer().get().pos()));
        }
        edits.forEach((name, e) -> nodes.put(name, e.build()));
    }

    private static boolean exists(String name, Pos pos, String what, Map<String, NodeSpec> nodes, Diagnostics d) {
        if (nodes.containsKey(name)) return true;
        d.error(pos, what + " '" + name + "' is not a node of the lab" + Suggest.hint(name, nodes.keySet())
                + "; add it under 'nodes' (" + name + ": {} makes a plain namespace)");
        return false;
    }

    /** The MTU of the pod network: the underlay's (1500 unless written), less what VXLAN adds. */
    private static int podMtu(ClusterSpec c, NodeSpec node, ClusterNodeSpec n) {
        int underlay = n.underlay().map(u -> node.interfaces().get(u.text())).flatMap(i -> i == null ? Optional.empty()
                : i.mtu().isPresent() ? Optional.of(i.mtu().getAsInt()) : Optional.empty()).orElse(1500);
        return c.backend() == Backend.VXLAN ? underlay - Flannel.VXLAN_OVERHEAD : underlay;
    }

    /** What the cluster adds to one node, then the node rebuilt with it. */
    private static final class Edit {
        final NodeSpec spec;
        final Map<String, InterfaceSpec> interfaces;
        final List<RouteSpec> routes;
        final Map<String, Located> sysctls;
        final List<Rule> rules;
        boolean forwarding;
        Optional<RoutingSpec> routing = Optional.empty();

        Edit(NodeSpec spec) {
            this.spec = spec;
            this.interfaces = new LinkedHashMap<>(spec.interfaces());
            this.routes = new ArrayList<>(spec.routes());
            this.sysctls = new LinkedHashMap<>(spec.sysctls());
            this.rules = new ArrayList<>(NodeRules.of(spec));
            this.forwarding = spec.forwarding();
        }

        /** Adds a generated interface; one the node writes itself under that name is reported, and replaced. */
        void addInterface(InterfaceSpec i, String what, Diagnostics d) {
            InterfaceSpec written = spec.interfaces().get(i.name());
            if (written != null) {
                d.error(written.pos(), "interface " + spec.name() + ":" + i.name() + " is made by the cluster (" + what + ", line "
                        + i.pos().line() + "); remove it here");
            }
            interfaces.put(i.name(), i);
        }

        void defaultRoute(RouteSpec r, ClusterNodeSpec node, Diagnostics d) {
            for (RouteSpec own : spec.routes()) {
                if (own.to().isEmpty() && !own.v6()) {
                    d.error(own.pos(), "pod '" + spec.name() + "' gets its default route from the cluster (via cni0 of node '" + node.name()
                            + "', " + node.bridgeAddress().address() + "); remove its own");
                    return;
                }
            }
            routes.add(r);
        }

        /** The node's routing, made by the cluster (backend bgp); a routing section the node writes itself is reported. */
        void routing(RoutingSpec r, Diagnostics d) {
            RoutingNodes.of(spec).ifPresent(own -> d.error(own.pos(), "node '" + spec.name() + "' gets its routing from the cluster (backend bgp:"
                    + " it announces its pod subnet to the other nodes, line " + r.pos().line() + "); remove its own 'routing'"));
            routing = Optional.of(r);
        }

        NodeSpec build() {
            Sections.Builder sections = spec.sections().toBuilder().put(NodeRules.SECTION, List.copyOf(rules));
            routing.ifPresent(r -> sections.put(RoutingNodes.SECTION, r));
            return new NodeSpec(spec.name(), spec.kind(), spec.kindSpec(), interfaces, routes, forwarding, sysctls, spec.exec(), spec.pos(),
                    sections.build(), spec.keepExtra());
        }
    }
}
