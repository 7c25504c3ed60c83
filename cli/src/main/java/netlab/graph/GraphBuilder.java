package netlab.graph;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.graph.LabGraph.Box;
import netlab.graph.LabGraph.End;
import netlab.graph.LabGraph.Hub;
import netlab.graph.LabGraph.Row;
import netlab.graph.LabGraph.Tunnel;
import netlab.graph.LabGraph.Wire;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelLink;
import netlab.model.ModelNode;
import netlab.model.ModelSwitch;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.nodes.NamespaceNode;

/** Turns a lab model into a {@link LabGraph}: what to draw, decided once for every output format. */
public final class GraphBuilder {
    /** Settings of a node kind that name the node it lives in (a pod's cluster node). */
    private static final List<String> CONTAINER_FIELDS = List.of("cluster", "host", "parent", "on", "node");

    /** Components of a link a picture draws itself (ends, subnets); the others are shown by their description. */
    private static final Set<String> LINK_DRAWN = Set.of("a", "b", "subnet4", "subnet6", "pos");
    private static final Set<String> INTERFACE_DRAWN = Set.of("name", "typeSpec", "addresses", "autoAddress", "mac", "mtu", "pos");
    private static final Set<String> SWITCH_DRAWN = Set.of("name", "hub", "subnet4", "subnet6", "pos");

    private GraphBuilder() {}

    public static LabGraph build(LabModel m) {
        List<Box> boxes = new ArrayList<>();
        for (ModelNode n : m.nodes().values()) boxes.add(box(n, m));
        List<Hub> hubs = new ArrayList<>();
        for (ModelSwitch s : m.switches().values()) {
            List<String> subnets = new ArrayList<>();
            s.spec().subnet4().ifPresent(c -> subnets.add(c.toString()));
            s.spec().subnet6().ifPresent(c -> subnets.add(c.toString()));
            String extra = ExtraSettings.of(s.spec(), SWITCH_DRAWN);
            if (!extra.isEmpty()) subnets.add(extra);
            hubs.add(new Hub(s.name(), s.name(), String.join(" ", subnets), s.spec().hub() ? "hub" : "switch"));
        }
        List<Wire> wires = new ArrayList<>();
        for (ModelLink l : m.links()) {
            End a = new End(l.a().node(), Optional.of(l.a().name()));
            String extra = ExtraSettings.of(l.spec(), LINK_DRAWN);
            if (l.toSwitch()) {
                wires.add(new Wire(a, new End(l.switchName().get(), Optional.empty()), extra));
            } else {
                ModelInterface b = l.b().get();
                String label = l.spec().subnet4().map(Cidr::toString).orElse(sharedSubnet(l.a(), b));
                wires.add(new Wire(a, new End(b.node(), Optional.of(b.name())), (label + " " + extra).strip()));
            }
        }
        for (netlab.topology.LinkSpec spec : m.topology().links()) {
            if (!spec.a().isSwitch() || !spec.b().isSwitch()) continue;
            String extra = ExtraSettings.of(spec, LINK_DRAWN);
            wires.add(new Wire(new End(spec.a().name(), Optional.empty()), new End(spec.b().name(), Optional.empty()), extra));
        }
        List<Tunnel> tunnels = new ArrayList<>();
        tunnels(m, hubs, tunnels);
        return new LabGraph(m.name(), m.topology().description() == null ? "" : m.topology().description(), boxes, hubs, wires, tunnels);
    }

    private static Box box(ModelNode n, LabModel m) {
        String role = n.kind().equals(NamespaceNode.NAME) && n.spec().forwarding() ? "router" : n.kind();
        List<Row> rows = new ArrayList<>();
        for (ModelInterface i : n.interfaces().values()) {
            if (i.name().equals("lo") && i.addresses().isEmpty()) continue;
            List<String> detail = new ArrayList<>();
            i.addresses().forEach(c -> detail.add(c.toString()));
            String type = i.spec().typeSpec().type();
            if (!type.equals("veth") && !type.equals("loopback")) {
                StringBuilder t = new StringBuilder(type);
                InterfaceFacts.settings(i.spec().typeSpec()).forEach((k, v) -> t.append(' ').append(k).append('=').append(v));
                detail.add(t.toString());
            }
            i.spec().mac().ifPresent(mac -> detail.add(mac.toString()));
            String extra = ExtraSettings.of(i.spec(), INTERFACE_DRAWN);
            if (!extra.isEmpty()) detail.add(extra);
            rows.add(new Row(i.name(), i.name(), String.join(" ", detail), InterfaceFacts.isTunnel(i)));
        }
        rows.addAll(KindFacts.rows(n.spec().kindSpec()));
        rows.addAll(NodeFacts.rows(n.spec()));
        return new Box(n.name(), n.name(), role, rows, inside(n, m));
    }

    /** The node this node is drawn inside: a setting of its kind whose value is another node's name. */
    private static Optional<String> inside(ModelNode n, LabModel m) {
        Object spec = n.spec().kindSpec();
        if (!spec.getClass().isRecord()) return Optional.empty();
        for (RecordComponent c : spec.getClass().getRecordComponents()) {
            if (!CONTAINER_FIELDS.contains(c.getName())) continue;
            try {
                Object v = c.getAccessor().invoke(spec);
                if (v instanceof Optional<?> o) v = o.orElse(null);
                if (v != null && m.nodes().containsKey(v.toString()) && !v.toString().equals(n.name())) return Optional.of(v.toString());
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not readable: drawn on its own
            }
        }
        return Optional.empty();
    }

    private static String sharedSubnet(ModelInterface a, ModelInterface b) {
        for (Cidr ca : a.addresses()) {
            for (Cidr cb : b.addresses()) if (ca.contains(cb.address())) return ca.network().toString();
        }
        return "";
    }

    /**
     * Tunnel ends sharing a type and id (VNI, key) are one tunnel: two ends are joined directly, more meet at an
     * overlay segment. An end without a partner is drawn to the node owning its remote address, or to a remote
     * outside the lab.
     */
    private static void tunnels(LabModel m, List<Hub> hubs, List<Tunnel> tunnels) {
        Map<String, List<ModelInterface>> groups = new LinkedHashMap<>();
        List<ModelInterface> loners = new ArrayList<>();
        for (ModelNode n : m.nodes().values()) {
            for (ModelInterface i : n.interfaces().values()) {
                if (!InterfaceFacts.isTunnel(i)) continue;
                Optional<String> id = InterfaceFacts.tunnelId(i);
                if (id.isPresent()) groups.computeIfAbsent(i.spec().typeSpec().type() + " " + id.get(), k -> new ArrayList<>()).add(i);
                else loners.add(i);
            }
        }
        for (Map.Entry<String, List<ModelInterface>> g : groups.entrySet()) {
            List<ModelInterface> ends = g.getValue();
            if (ends.size() == 1) loners.add(ends.get(0));
            else if (ends.size() == 2) tunnels.add(new Tunnel(end(ends.get(0)), end(ends.get(1)), label(g.getKey())));
            else {
                String hub = "overlay " + g.getKey();
                hubs.add(new Hub(hub, label(g.getKey()), ends.size() + " ends", "overlay"));
                for (ModelInterface e : ends) tunnels.add(new Tunnel(end(e), new End(hub, Optional.empty()), ""));
            }
        }
        Set<String> paired = new HashSet<>();
        for (ModelInterface i : loners) {
            if (paired.contains(i.ref())) continue;
            Optional<String> remote = InterfaceFacts.remote(i);
            String label = label(i.spec().typeSpec().type() + InterfaceFacts.tunnelId(i).map(s -> " " + s).orElse(""));
            Optional<ModelInterface> owner = remote.flatMap(IpAddress::parse).flatMap(m::ownerOf);
            if (owner.isPresent()) {
                Optional<ModelInterface> partner = loners.stream().filter(o -> o.node().equals(owner.get().node())
                        && o.spec().typeSpec().type().equals(i.spec().typeSpec().type()) && !paired.contains(o.ref()) && o != i).findFirst();
                paired.add(i.ref());
                partner.ifPresent(p -> paired.add(p.ref()));
                tunnels.add(new Tunnel(end(i), partner.map(GraphBuilder::end).orElse(new End(owner.get().node(), Optional.empty())), label));
            } else {
                String hub = "remote " + remote.orElse(i.ref());
                hubs.add(new Hub(hub, remote.map(r -> "remote " + r).orElse("unknown remote"), "outside the lab", "overlay"));
                tunnels.add(new Tunnel(end(i), new End(hub, Optional.empty()), label));
            }
        }
    }

    /** "vxlan vni 42" → "VXLAN VNI 42". */
    private static String label(String typeAndId) {
        String[] w = typeAndId.split(" ", 2);
        return w[0].toUpperCase() + (w.length > 1 ? " " + w[1].toUpperCase() : "");
    }

    private static End end(ModelInterface i) {
        return new End(i.node(), Optional.of(i.name()));
    }
}
