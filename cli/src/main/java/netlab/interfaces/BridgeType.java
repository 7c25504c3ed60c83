package netlab.interfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import netlab.core.InterfaceType;
import netlab.doctor.Feature;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.net.Cidr;
import netlab.plan.IpOp;
import netlab.plan.Naming;
import netlab.plan.PlanBuilder;
import netlab.plan.StageName;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.topology.InterfaceTypeSpec;
import netlab.yaml.Fields;

/**
 * {@code type: bridge}: a Linux bridge inside the node, joining some of the node's own interfaces into one L2
 * segment: link ends to local hosts with a VXLAN or gretap tunnel (a VTEP host), or pods' veths (cni0). It may
 * have addresses itself (the node's address on that segment). Lab-wide switches are {@code switches:} instead.
 */
public final class BridgeType implements InterfaceType {
    public static final String NAME = "bridge";

    public record Spec(List<Located> ports, Pos pos) implements InterfaceTypeSpec {
        public Spec {
            ports = List.copyOf(ports);
        }

        @Override
        public String type() {
            return NAME;
        }

        @Override
        public List<String> dependsOn() {
            return ports.stream().map(Located::text).toList();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> fields() {
        return Set.of("ports");
    }

    @Override
    public InterfaceTypeSpec parse(Fields f, String node, String iface) {
        String where = "bridge " + node + ":" + iface;
        List<Located> ports = new ArrayList<>();
        for (Located p : f.textList("ports")) TypeFields.ifname(p, "a port of " + where, f.diags()).ifPresent(ports::add);
        return new Spec(ports, f.pos());
    }

    @Override
    public void validate(ModelNode node, ModelInterface iface, LabModel model, Diagnostics d) {
        Spec s = (Spec) iface.spec().typeSpec();
        String what = "bridge " + iface.ref();
        List<String> seen = new ArrayList<>();
        for (Located p : s.ports()) {
            if (seen.contains(p.text())) {
                d.error(p.pos(), "port " + p.text() + " is listed twice in " + what);
                continue;
            }
            seen.add(p.text());
            Endpoints.sibling(node, iface, p, "port", d).ifPresent(port -> checkPort(node, iface, port, p, d));
        }
        Endpoints.noCycle(node, iface, d);
    }

    private static void checkPort(ModelNode node, ModelInterface bridge, ModelInterface port, Located written, Diagnostics d) {
        if (port.spec().typeSpec() instanceof GreTunnel g && g.type().equals(GreType.NAME)) {
            d.error(written.pos(), "port " + port.ref() + " of bridge " + bridge.ref() + " is a gre tunnel, which carries IP, not Ethernet;"
                    + " use type gretap to bridge over GRE");
        }
        if (!port.addresses().isEmpty()) {
            d.error(written.pos(), "port " + port.ref() + " of bridge " + bridge.ref() + " has addresses (" + String.join(", ",
                    port.addresses().stream().map(Cidr::toString).toList()) + "); a bridge port has none: put them on "
                    + bridge.name() + (port.spec().autoAddress() ? ", or give the port 'addresses: []'" : ""));
        }
        for (ModelInterface other : node.interfaces().values()) {
            if (other == bridge) break;
            if (other.spec().typeSpec() instanceof Spec o && o.ports().stream().anyMatch(x -> x.text().equals(port.name()))) {
                d.error(written.pos(), "port " + port.ref() + " is already a port of bridge " + other.ref() + "; an interface has one bridge");
            }
        }
    }

    @Override
    public void planCreate(ModelNode node, ModelInterface iface, Naming naming, PlanBuilder plan) {
        Spec s = (Spec) iface.spec().typeSpec();
        String ns = naming.nodeNetns(node.name());
        IpOp.NewLink link = new IpOp.NewLink(iface.name(), iface.spec().mac(), iface.spec().mtu(), java.util.Optional.empty());
        plan.addToNode(StageName.NODES, naming, node.name(), new IpOp.AddBridge(link, false, false, link.madeIn(ns)));
        for (Located p : s.ports()) plan.addToNode(StageName.NODES, naming, node.name(), new IpOp.LinkMaster(p.text(), iface.name()));
    }

    @Override
    public Set<Feature> features() {
        return Set.of(Feature.BRIDGE);
    }
}
