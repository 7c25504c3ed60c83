package netlab.plan.build;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import netlab.core.Catalog;
import netlab.core.Extension;
import netlab.core.KindRuntime;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelLink;
import netlab.model.ModelNode;
import netlab.model.ModelRoute;
import netlab.model.ModelSwitch;
import netlab.net.Cidr;
import netlab.plan.IpOp;
import netlab.plan.Naming;
import netlab.plan.ObjectRef;
import netlab.plan.Op;
import netlab.plan.Plan;
import netlab.plan.PlanBuilder;
import netlab.plan.ShellOp;
import netlab.plan.StageName;
import netlab.plan.SysctlOp;
import netlab.source.Located;
import netlab.traffic.Impairments;

/**
 * Turns a lab model into the plan that builds it. Everything is created inside namespaces the lab owns: bridges
 * and switch ports in the lab's fabric namespace, veth ends created straight into their node's namespace (they
 * never appear in the host's), then each node configured from inside.
 */
public final class Planner {
    private final LabModel model;
    private final KindRuntime rt;
    private final Naming naming;
    private final PlanBuilder plan;
    private final Catalog catalog;

    private Planner(LabModel model, KindRuntime rt, Catalog catalog) {
        this.model = model;
        this.rt = rt;
        this.catalog = catalog;
        this.naming = rt.naming();
        this.plan = new PlanBuilder(model.name());
    }

    /** @param catalog the node kinds and interface types the model's nodes name, and the extensions that add steps */
    public static Plan plan(LabModel model, KindRuntime rt, Catalog catalog) {
        return new Planner(model, rt, catalog).build();
    }

    private Plan build() {
        String fabric = naming.fabricNetns();
        plan.add(StageName.NAMESPACES, "host", null, IpOp.creating(new ObjectRef.Netns(fabric), "netns add " + fabric));
        for (ModelNode n : model.nodes().values()) catalog.nodeKinds().get(n.kind()).planCreate(n, rt, plan);

        fabric(IpOp.of("link set dev lo alias " + naming.mark()));
        for (ModelSwitch s : model.switches().values()) planSwitch(s);
        for (ModelLink l : model.links()) planLink(l);
        planSwitchToSwitchLinks();
        SwitchVlans.plan(model, naming, plan);

        for (ModelNode n : model.nodes().values()) planNode(n);
        for (Extension e : catalog.extensions()) e.plan(model, naming, plan);
        Impairments.plan(model, naming, plan);
        return plan.build();
    }

    private void fabric(Op op) {
        plan.add(StageName.LINKS, "fabric", naming.fabricNetns(), op);
    }

    private void planSwitch(ModelSwitch s) {
        String name = s.name();
        fabric(IpOp.creating(new ObjectRef.Link(naming.fabricNetns(), name),
                "link add name " + name + " type bridge stp_state 0" + (s.spec().hub() ? " ageing_time 0" : "") + SwitchVlans.bridgeOptions(s)));
        fabric(IpOp.of("link set dev " + name + " addrgenmode none"));
        fabric(IpOp.of("link set dev " + name + " up"));
    }

    private void planLink(ModelLink l) {
        ModelInterface a = l.a();
        if (l.toSwitch()) {
            String port = l.switchPort().get().portName();
            fabric(IpOp.creating(new ObjectRef.Link(naming.fabricNetns(), port),
                    "link add name " + port + mtu(a) + " type veth peer name " + a.name() + end(a)));
            switchPort(l.switchName().get(), port);
        } else {
            ModelInterface b = l.b().get();
            fabric(IpOp.creating(new ObjectRef.Link(naming.nodeNetns(a.node()), a.name()),
                    "link add name " + a.name() + end(a) + " type veth peer name " + b.name() + end(b)));
        }
    }

    /** A link joining two switches: one veth with both ends in the fabric, each a port of its switch. */
    private void planSwitchToSwitchLinks() {
        Set<String> made = new HashSet<>();
        for (ModelSwitch s : model.switches().values()) {
            for (ModelSwitch.Port p : s.ports()) {
                if (!(p.peer() instanceof ModelSwitch.SwitchPort other) || made.contains(other.port())) continue;
                made.add(p.portName());
                fabric(IpOp.creating(new ObjectRef.Link(naming.fabricNetns(), p.portName()),
                        "link add name " + p.portName() + " type veth peer name " + other.port()));
                switchPort(s.name(), p.portName());
                switchPort(other.sw(), other.port());
            }
        }
    }

    private void switchPort(String sw, String port) {
        fabric(IpOp.of("link set dev " + port + " addrgenmode none"));
        fabric(IpOp.of("link set dev " + port + " master " + sw));
        if (model.switches().get(sw).spec().hub()) fabric(IpOp.of("link set dev " + port + " type bridge_slave learning off flood on"));
        fabric(IpOp.of("link set dev " + port + " up"));
    }

    /** The node side of a veth, created directly in the node's namespace, with its MAC and MTU. */
    private String end(ModelInterface i) {
        return i.spec().mac().map(m -> " address " + m).orElse("") + mtu(i) + " netns " + naming.nodeNetns(i.node());
    }

    private static String mtu(ModelInterface i) {
        return i.spec().mtu().isPresent() ? " mtu " + i.spec().mtu().getAsInt() : "";
    }

    private void planNode(ModelNode n) {
        // Set explicitly: a new namespace copies the host's IPv4 settings, and a host running Docker forwards.
        node(n, new SysctlOp("net.ipv4.ip_forward", n.spec().forwarding() ? "1" : "0"));
        if (n.spec().forwarding()) node(n, new SysctlOp("net.ipv6.conf.all.forwarding", "1"));
        for (var e : n.spec().sysctls().entrySet()) node(n, new SysctlOp(e.getKey(), e.getValue().text()));

        node(n, IpOp.of("link set dev lo up"));
        node(n, IpOp.of("link set dev lo alias " + naming.mark()));
        for (ModelInterface i : InterfaceOrder.creationOrder(n)) {
            catalog.interfaceTypes().get(i.spec().typeSpec().type()).planCreate(n, i, naming, plan);
            if (!i.name().equals("lo")) {
                if (i.addresses().stream().noneMatch(Cidr::isV6)) node(n, IpOp.of("link set dev " + i.name() + " addrgenmode none"));
                node(n, IpOp.of("link set dev " + i.name() + " up"));
            }
            for (Cidr c : i.addresses()) {
                node(n, IpOp.of("addr replace " + c + " dev " + i.name() + (c.isV6() ? " nodad" : "")));
            }
        }
        for (ModelRoute r : n.routes()) node(n, IpOp.of(route(r)));
        int index = 0;
        for (Located cmd : n.spec().exec()) {
            plan.addToNode(StageName.EXEC, naming, n.name(), new ShellOp(n.name(), cmd.text(),
                    java.util.Optional.of(new ObjectRef.Done("exec:" + n.name() + ":" + index++))));
        }
    }

    private void node(ModelNode n, Op op) {
        plan.addToNode(StageName.NODES, naming, n.name(), op);
    }

    public static String route(ModelRoute r) {
        List<String> words = new ArrayList<>(List.of("route", "replace"));
        String dst = r.destination();
        // "default" without a gateway would be read as IPv4; name the IPv6 default explicitly.
        if (dst.equals("default") && r.via().isEmpty()) dst = r.v6() ? "::/0" : "0.0.0.0/0";
        words.add(dst);
        r.via().ifPresent(v -> words.addAll(List.of("via", v.toString())));
        r.dev().ifPresent(dv -> words.addAll(List.of("dev", dv)));
        if (r.metric().isPresent()) words.addAll(List.of("metric", Integer.toString(r.metric().getAsInt())));
        return String.join(" ", words);
    }
}
