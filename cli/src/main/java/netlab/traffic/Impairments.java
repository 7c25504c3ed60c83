package netlab.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelLink;
import netlab.model.ModelNode;
import netlab.model.ModelSwitch;
import netlab.plan.Naming;
import netlab.plan.PlanBuilder;
import netlab.plan.StageName;
import netlab.plan.TcOp;
import netlab.topology.Impairment;

/**
 * Where a lab's declared impairments go. An impairment on a link is put on the egress of both its ends, so each
 * direction gets it (a delay of 100ms adds 200ms to a round trip); one on an interface only on what that interface
 * sends. Switch ports are in the fabric namespace.
 */
public final class Impairments {
    private Impairments() {}

    public static List<ImpairedEnd> of(LabModel model, Naming naming) {
        List<ImpairedEnd> out = new ArrayList<>();
        for (ModelLink l : model.links()) {
            if (l.spec().impairment().isEmpty()) continue;
            Impairment imp = l.spec().impairment().get();
            out.add(nodeEnd(l.a(), naming, imp));
            l.b().ifPresent(b -> out.add(nodeEnd(b, naming, imp)));
            l.switchPort().ifPresent(p -> out.add(portEnd(p, l.switchName().get(), naming, imp)));
        }
        for (ModelSwitch s : model.switches().values()) {
            for (ModelSwitch.Port p : s.ports()) {
                if (p.peer() instanceof ModelSwitch.SwitchPort && p.impairment().isPresent()) out.add(portEnd(p, s.name(), naming, p.impairment().get()));
            }
        }
        for (ModelNode n : model.nodes().values()) {
            for (ModelInterface i : n.interfaces().values()) i.spec().impairment().ifPresent(imp -> out.add(nodeEnd(i, naming, imp)));
        }
        return out;
    }

    /** Adds the lab's impairments to the traffic stage: one {@code tc -batch} per namespace that has any. */
    public static void plan(LabModel model, Naming naming, PlanBuilder plan) {
        for (ImpairedEnd e : of(model, naming)) {
            plan.add(StageName.TRAFFIC, e.label(), e.netns(), new TcOp(e.dev(), e.impairment()));
        }
    }

    /** True when any declared impairment needs netem (false: tbf alone, or none). */
    public static boolean needNetem(LabModel model) {
        return of(model, new Naming(model.name(), "")).stream().anyMatch(e -> e.impairment().needsNetem());
    }

    public static boolean needTbf(LabModel model) {
        return of(model, new Naming(model.name(), "")).stream().anyMatch(e -> !e.impairment().needsNetem());
    }

    static ImpairedEnd nodeEnd(ModelInterface i, Naming naming, Impairment imp) {
        return new ImpairedEnd(naming.nodeNetns(i.node()), "node " + i.node(), i.name(), i.ref(), imp);
    }

    static ImpairedEnd portEnd(ModelSwitch.Port p, String sw, Naming naming, Impairment imp) {
        return new ImpairedEnd(naming.fabricNetns(), "fabric", p.portName(), "port " + p.portName() + " of switch " + sw, imp);
    }

    /** The device at the other end of {@code i}'s link: a node's interface or a switch port. */
    public static Optional<ImpairedEnd> peerOf(LabModel model, Naming naming, ModelInterface i, Impairment imp) {
        for (ModelLink l : model.links()) {
            boolean isA = l.a().ref().equals(i.ref());
            boolean isB = l.b().map(b -> b.ref().equals(i.ref())).orElse(false);
            if (isA && l.b().isPresent()) return Optional.of(nodeEnd(l.b().get(), naming, imp));
            if (isA && l.switchPort().isPresent()) return Optional.of(portEnd(l.switchPort().get(), l.switchName().get(), naming, imp));
            if (isB) return Optional.of(nodeEnd(l.a(), naming, imp));
        }
        return Optional.empty();
    }
}
