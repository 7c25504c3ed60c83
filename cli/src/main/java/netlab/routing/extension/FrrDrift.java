package netlab.routing.extension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netlab.drift.Drift;
import netlab.model.LabModel;
import netlab.routing.config.FrrDaemon;
import netlab.routing.config.FrrNode;
import netlab.routing.runtime.FrrLayout;
import netlab.routing.runtime.FrrProcess;
import netlab.routing.runtime.FrrRuntime;

/**
 * The routing nodes' daemons as status sees them: each daemon a node needs ({@link FrrNode#daemons()}) must run in
 * the node's FRR directory, found the way a converging {@code up} finds them ({@link FrrRuntime#runningIn}: the pid
 * file names it, the process is that daemon and works in that directory). One that does not is drift ("r1: missing
 * routing daemon ospfd"); {@code up} repairs it, since its {@link StartFrr} starts the node's FRR again when not all
 * of its daemons run.
 */
final class FrrDrift {
    /** The daemons that run in one node's FRR directory. */
    interface Running {
        Set<FrrDaemon> in(String node, FrrLayout layout);
    }

    /** Through the process table and the daemons' pid files. */
    static Running of(FrrRuntime runtime) {
        return (node, layout) -> {
            Set<FrrDaemon> out = EnumSet.noneOf(FrrDaemon.class);
            for (FrrProcess p : runtime.runningIn(node, layout)) out.add(p.daemon());
            return out;
        };
    }

    private FrrDrift() {}

    static List<Drift> of(LabModel model, Path workDir, Running running) {
        List<Drift> out = new ArrayList<>();
        for (Map.Entry<String, FrrNode> e : RoutingNodes.resolved(model).entrySet()) {
            String node = e.getKey();
            Set<FrrDaemon> there = running.in(node, RoutingNodes.layout(workDir, model.name(), node));
            for (FrrDaemon d : e.getValue().daemons()) {
                if (!there.contains(d)) out.add(Drift.missing(node, Drift.Thing.DAEMON, d.program()));
            }
        }
        return out;
    }
}
