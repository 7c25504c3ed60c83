package netlab.model.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.check.CheckSpec;
import netlab.core.Catalog;
import netlab.core.Extension;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelLink;
import netlab.model.ModelNode;
import netlab.model.ModelSwitch;
import netlab.model.Segment;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.topology.Endpoint;
import netlab.topology.InterfaceSpec;
import netlab.topology.LinkSpec;
import netlab.topology.NodeSpec;
import netlab.topology.SwitchSpec;
import netlab.topology.Topology;

/**
 * Resolves a parsed topology into a {@link LabModel}: link ends to interfaces and switch ports, automatic
 * addresses from subnets, gateways to addresses. Reports every semantic error (dangling ends, interfaces used
 * twice, addresses outside their subnet or duplicated, unreachable gateways…) with its position; each node kind,
 * interface type and extension (from the catalog) checks its own part.
 */
public final class ModelBuilder {
    private final Topology topo;
    private final Diagnostics d;
    /** node → interface name → interface being built. */
    private final Map<String, Map<String, IfaceDraft>> ifaces = new LinkedHashMap<>();
    private final Map<String, List<ModelSwitch.Port>> ports = new LinkedHashMap<>();
    private final List<LinkDraft> links = new ArrayList<>();
    private final PortNamer portNamer;
    private final Catalog catalog;

    private ModelBuilder(Topology topo, Diagnostics d, Catalog catalog) {
        this.topo = topo;
        this.d = d;
        this.catalog = catalog;
        this.portNamer = new PortNamer(topo.switches().keySet());
    }

    public static LabModel build(Topology topo, Diagnostics d, Catalog catalog) {
        return new ModelBuilder(topo, d, catalog).build();
    }

    /** An interface while the model is being resolved. */
    static final class IfaceDraft {
        final String node;
        final InterfaceSpec spec;
        String segment;
        String peer;
        Pos linkPos;
        List<netlab.net.Cidr> addresses = new ArrayList<>();

        IfaceDraft(String node, InterfaceSpec spec) {
            this.node = node;
            this.spec = spec;
        }

        String ref() {
            return node + ":" + spec.name();
        }
    }

    record LinkDraft(LinkSpec spec, IfaceDraft a, IfaceDraft b, ModelSwitch.Port port, String switchName,
                     ModelSwitch.Port otherPort, String otherSwitch) {}

    private LabModel build() {
        for (NodeSpec n : topo.nodes().values()) {
            Map<String, IfaceDraft> m = new LinkedHashMap<>();
            n.interfaces().values().forEach(i -> m.put(i.name(), new IfaceDraft(n.name(), i)));
            ifaces.put(n.name(), m);
        }
        topo.switches().keySet().forEach(s -> ports.put(s, new ArrayList<>()));
        topo.links().forEach(this::resolveLink);
        reportUnlinkedInterfaces();

        List<Segment> segments = new Addressing(topo, d).assign(ifaces, links);

        Map<String, ModelNode> nodes = new LinkedHashMap<>();
        for (NodeSpec n : topo.nodes().values()) {
            Map<String, ModelInterface> mi = new LinkedHashMap<>();
            for (IfaceDraft i : ifaces.get(n.name()).values()) {
                mi.put(i.spec.name(), new ModelInterface(n.name(), i.spec.name(), i.spec, i.addresses,
                        Optional.ofNullable(i.segment), Optional.ofNullable(i.peer)));
            }
            nodes.put(n.name(), new ModelNode(n, mi, List.of()));
        }
        Map<String, ModelNode> routed = new LinkedHashMap<>();
        for (ModelNode n : nodes.values()) routed.put(n.name(), new ModelNode(n.spec(), n.interfaces(), new RouteResolver(nodes, d).resolve(n)));

        Map<String, ModelSwitch> switches = new LinkedHashMap<>();
        for (SwitchSpec s : topo.switches().values()) switches.put(s.name(), new ModelSwitch(s, ports.get(s.name())));

        List<ModelLink> modelLinks = new ArrayList<>();
        for (LinkDraft l : links) {
            if (l.a == null) continue; // switch-to-switch: no node interface
            ModelInterface a = routed.get(l.a.node).interfaces().get(l.a.spec.name());
            Optional<ModelInterface> b = l.b == null ? Optional.empty() : Optional.of(routed.get(l.b.node).interfaces().get(l.b.spec.name()));
            modelLinks.add(new ModelLink(l.spec, a, b, Optional.ofNullable(l.port), Optional.ofNullable(l.switchName)));
        }
        LabModel model = new LabModel(topo, routed, switches, modelLinks, segments);
        validateNodes(model);
        LinkOptionsValidator.validate(model, d);
        for (Extension e : catalog.extensions()) e.validate(model, d);
        for (CheckSpec c : CheckSpec.of(topo)) c.body().validate(model, d);
        return model;
    }

    private void resolveLink(LinkSpec link) {
        Endpoint ea = link.a(), eb = link.b();
        boolean okA = checkEndpoint(ea), okB = checkEndpoint(eb);
        if (!okA || !okB) return;
        if (ea.toString().equals(eb.toString())) {
            d.error(link.pos(), "a link cannot connect " + ea + " to itself");
            return;
        }
        if (ea.isSwitch() && eb.isSwitch()) {
            if (link.subnet4().isPresent() || link.subnet6().isPresent()) {
                d.error(link.pos(), "a link between two switches carries no addresses; put subnets on the switches");
            }
            String pa = portNamer.forSwitchLink(ea.name(), eb.name());
            String pb = portNamer.forSwitchLink(eb.name(), ea.name());
            ModelSwitch.Port portA = new ModelSwitch.Port(pa, new ModelSwitch.SwitchPort(eb.name(), pb), link.vlans(), link.impairment());
            ModelSwitch.Port portB = new ModelSwitch.Port(pb, new ModelSwitch.SwitchPort(ea.name(), pa), link.vlans(), link.impairment());
            ports.get(ea.name()).add(portA);
            ports.get(eb.name()).add(portB);
            links.add(new LinkDraft(link, null, null, portA, ea.name(), portB, eb.name()));
            return;
        }
        Endpoint nodeEnd = ea.isSwitch() ? eb : ea;
        Endpoint other = ea.isSwitch() ? ea : eb;
        IfaceDraft a = claim(nodeEnd, link);
        if (other.isSwitch()) {
            if (link.subnet4().isPresent() || link.subnet6().isPresent()) {
                d.error(link.pos(), "this link goes to switch '" + other.name() + "': put 'subnet' on the switch, not on the link");
            }
            if (a == null) return;
            ModelSwitch.Port port = new ModelSwitch.Port(portNamer.forNode(a.node, a.spec.name()),
                    new ModelSwitch.NodeIface(a.node, a.spec.name()), link.vlans(), link.impairment());
            ports.get(other.name()).add(port);
            a.segment = other.name();
            a.peer = "switch " + other.name() + " (port " + port.portName() + ")";
            links.add(new LinkDraft(link, a, null, port, other.name(), null, null));
        } else {
            IfaceDraft b = claim(other, link);
            if (a == null || b == null) return;
            String seg = a.ref() + " -- " + b.ref();
            a.segment = seg;
            b.segment = seg;
            a.peer = b.ref();
            b.peer = a.ref();
            links.add(new LinkDraft(link, a, b, null, null, null, null));
        }
    }

    private boolean checkEndpoint(Endpoint e) {
        if (e.isSwitch()) {
            if (topo.switches().containsKey(e.name())) return true;
            if (topo.nodes().containsKey(e.name())) {
                d.error(e.pos(), "'" + e.name() + "' is a node; a link to it needs an interface, like " + e.name() + ":eth1");
            } else {
                d.error(e.pos(), "link endpoint '" + e.name() + "' is not a switch" + Suggest.hint(e.name(), topo.switches().keySet())
                        + (topo.switches().isEmpty() ? " (the topology has no switches; write node:interface)" : ""));
            }
            return false;
        }
        if (!topo.nodes().containsKey(e.name())) {
            if (topo.switches().containsKey(e.name())) {
                d.error(e.pos(), "'" + e.name() + "' is a switch; write just '" + e.name() + "' (switch ports are named by netlab)");
            } else {
                d.error(e.pos(), "link endpoint " + e + ": there is no node '" + e.name() + "'" + Suggest.hint(e.name(), topo.nodes().keySet()));
            }
            return false;
        }
        String iface = e.iface().get();
        Optional<String> bad = netlab.topology.Names.checkIfname(iface, "interface name");
        if (bad.isPresent()) {
            d.error(e.pos(), bad.get());
            return false;
        }
        if (iface.equals("lo")) {
            d.error(e.pos(), "lo is the loopback interface; a link needs another interface name");
            return false;
        }
        return true;
    }

    /** The node interface a link end names, created implicitly if the node does not declare it. */
    private IfaceDraft claim(Endpoint e, LinkSpec link) {
        Map<String, IfaceDraft> m = ifaces.get(e.name());
        String name = e.iface().get();
        IfaceDraft i = m.computeIfAbsent(name, n -> new IfaceDraft(e.name(), InterfaceSpec.implicit(n, e.pos())));
        if (!i.spec.typeSpec().needsLink()) {
            d.error(e.pos(), "interface " + e + " is of type " + i.spec.typeSpec().type() + ", which is not the end of a link");
            return null;
        }
        if (i.linkPos != null) {
            d.error(e.pos(), "interface " + e + " is already used by the link at line " + i.linkPos.line() + "; an interface has one link");
            return null;
        }
        i.linkPos = link.pos();
        return i;
    }

    private void reportUnlinkedInterfaces() {
        for (Map<String, IfaceDraft> m : ifaces.values()) {
            for (IfaceDraft i : m.values()) {
                if (i.spec.typeSpec().needsLink() && i.linkPos == null) {
                    d.error(i.spec.pos(), "interface " + i.ref() + " is not connected by any link; add a link or remove it");
                }
            }
        }
    }

    private void validateNodes(LabModel model) {
        for (ModelNode n : model.nodes().values()) {
            for (Map.Entry<String, Located> s : n.spec().sysctls().entrySet()) {
                String key = s.getKey();
                if (!key.startsWith("net.")) {
                    d.error(s.getValue().pos(), "sysctl '" + key + "' is not per network namespace; setting it in a node would change the host"
                            + " (only net.* sysctls are allowed)");
                } else if (!key.matches("[A-Za-z0-9_.-]+")) {
                    d.error(s.getValue().pos(), "sysctl name '" + key + "' has characters a sysctl name cannot have");
                } else if (key.contains("..") || key.endsWith(".")) {
                    d.error(s.getValue().pos(), "sysctl name '" + key + "' has an empty part (two dots in a row, or a dot at the end)");
                }
                if (s.getValue().text().isBlank() || s.getValue().text().chars().anyMatch(c -> c < ' ' && c != '\t' || c == 0x7f)) {
                    d.error(s.getValue().pos(), "sysctl value '" + s.getValue().text() + "' for " + key + " is not a plain value");
                }
            }
            for (Located e : n.spec().exec()) {
                if (e.text().isBlank()) d.error(e.pos(), "an exec command of node '" + n.name() + "' is empty");
            }
            catalog.nodeKinds().byKey(n.kind()).ifPresent(k -> k.validate(n, model, d));
            for (ModelInterface i : n.interfaces().values()) {
                catalog.interfaceTypes().byKey(i.spec().typeSpec().type()).ifPresent(t -> t.validate(n, i, model, d));
            }
        }
    }
}
