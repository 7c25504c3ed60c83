package netlab.plan.build;

import java.util.HashSet;
import java.util.Optional;
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
        plan.add(StageName.NAMESPACES, "host", null, new IpOp.NetnsAdd(fabric));
        for (ModelNode n : model.nodes().values()) catalog.nodeKinds().get(n.kind()).planCreate(n, rt, plan);

        fabric(new IpOp.LinkAlias("lo", naming.mark()));
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
        IpOp.NewLink bridge = IpOp.NewLink.named(name);
        fabric(new IpOp.AddBridge(bridge, s.spec().hub(), s.vlanAware(), bridge.madeIn(naming.fabricNetns())));
        fabric(new IpOp.AddrGenModeNone(name));
        fabric(new IpOp.LinkUp(name));
    }

    private void planLink(ModelLink l) {
        ModelInterface a = l.a();
        if (l.toSwitch()) {
            String port = l.switchPort().get().portName();
            IpOp.NewLink portEnd = new IpOp.NewLink(port, Optional.empty(), a.spec().mtu(), Optional.empty());
            fabric(new IpOp.AddVeth(portEnd, end(a), portEnd.madeIn(naming.fabricNetns())));
            switchPort(l.switchName().get(), port);
        } else {
            IpOp.NewLink aEnd = end(a);
            fabric(new IpOp.AddVeth(aEnd, end(l.b().get()), aEnd.madeIn(naming.fabricNetns())));
        }
    }

    /** A link joining two switches: one veth with both ends in the fabric, each a port of its switch. */
    private void planSwitchToSwitchLinks() {
        Set<String> made = new HashSet<>();
        for (ModelSwitch s : model.switches().values()) {
            for (ModelSwitch.Port p : s.ports()) {
                if (!(p.peer() instanceof ModelSwitch.SwitchPort other) || made.contains(other.port())) continue;
                made.add(p.portName());
                IpOp.NewLink end = IpOp.NewLink.named(p.portName());
                fabric(new IpOp.AddVeth(end, IpOp.NewLink.named(other.port()), end.madeIn(naming.fabricNetns())));
                switchPort(s.name(), p.portName());
                switchPort(other.sw(), other.port());
            }
        }
    }

    private void switchPort(String sw, String port) {
        fabric(new IpOp.AddrGenModeNone(port));
        fabric(new IpOp.LinkMaster(port, sw));
        if (model.switches().get(sw).spec().hub()) fabric(new IpOp.BridgePortFlags(port, Optional.of(false), Optional.of(true), Optional.empty()));
        fabric(new IpOp.LinkUp(port));
    }

    /** The node side of a veth, created directly in the node's namespace, with its MAC and MTU. */
    private IpOp.NewLink end(ModelInterface i) {
        return new IpOp.NewLink(i.name(), i.spec().mac(), i.spec().mtu(), Optional.of(naming.nodeNetns(i.node())));
    }

    private void planNode(ModelNode n) {
        // Set explicitly: a new namespace copies the host's IPv4 settings, and a host running Docker forwards.
        node(n, new SysctlOp("net.ipv4.ip_forward", n.spec().forwarding() ? "1" : "0"));
        if (n.spec().forwarding()) node(n, new SysctlOp("net.ipv6.conf.all.forwarding", "1"));
        for (var e : n.spec().sysctls().entrySet()) node(n, new SysctlOp(e.getKey(), e.getValue().text()));

        node(n, new IpOp.LinkUp("lo"));
        node(n, new IpOp.LinkAlias("lo", naming.mark()));
        for (ModelInterface i : InterfaceOrder.creationOrder(n)) {
            catalog.interfaceTypes().get(i.spec().typeSpec().type()).planCreate(n, i, naming, plan);
            if (!i.name().equals("lo")) {
                // before the link is up, when the kernel makes the link-local address: without DAD it is usable at once
                if (!i.spec().dad()) node(n, new SysctlOp("net.ipv6.conf." + i.name() + ".accept_dad", "0"));
                if (noV6(i) && !i.spec().linkLocal()) node(n, new IpOp.AddrGenModeNone(i.name()));
                node(n, new IpOp.LinkUp(i.name()));
            }
            for (Cidr c : i.addresses()) node(n, new IpOp.AddrReplace(c, i.name()));
        }
        for (ModelRoute r : n.routes()) node(n, route(r));
        int index = 0;
        for (Located cmd : n.spec().exec()) {
            plan.addToNode(StageName.EXEC, naming, n.name(), new ShellOp(n.name(), cmd.text(),
                    Optional.of(new ObjectRef.Done("exec:" + n.name() + ":" + index++))));
        }
    }

    private static boolean noV6(ModelInterface i) {
        for (Cidr c : i.addresses()) if (c.isV6()) return false;
        return true;
    }

    private void node(ModelNode n, Op op) {
        plan.addToNode(StageName.NODES, naming, n.name(), op);
    }

    public static IpOp.RouteReplace route(ModelRoute r) {
        return IpOp.RouteReplace.to(r.to().isPresent() ? Optional.of(r.to().get().network()) : Optional.empty(), r.v6(), r.via(), r.dev(), r.metric());
    }
}
