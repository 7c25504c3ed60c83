package netlab.nodes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import netlab.core.KindRuntime;
import netlab.core.NodeKind;
import netlab.model.ModelNode;
import netlab.plan.IpOp;
import netlab.plan.PlanBuilder;
import netlab.plan.StageName;
import netlab.process.ProcResult;
import netlab.topology.NodeKindSpec;
import netlab.yaml.Fields;

/** The default node kind: a bare network namespace sharing the host's file system and programs. */
public final class NamespaceNode implements NodeKind {
    public static final String NAME = "namespace";

    public enum Spec implements NodeKindSpec {
        INSTANCE;

        @Override
        public String kind() {
            return NAME;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> fields() {
        return Set.of();
    }

    @Override
    public NodeKindSpec parse(Fields fields, String node) {
        return Spec.INSTANCE;
    }

    @Override
    public void planCreate(ModelNode node, KindRuntime rt, PlanBuilder plan) {
        String ns = rt.naming().nodeNetns(node.name());
        plan.add(StageName.NAMESPACES, "host", null, new IpOp.NetnsAdd(ns));
    }

    @Override
    public ProcResult exec(ModelNode node, String member, List<String> argv, Duration timeout, KindRuntime rt)
            throws InterruptedException {
        return rt.processes().run(interactive(node, member, argv, rt), null, timeout);
    }

    @Override
    public List<String> interactive(ModelNode node, String member, List<String> argv, KindRuntime rt) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", rt.naming().nodeNetns(node.name())));
        full.addAll(argv);
        return full;
    }
}
