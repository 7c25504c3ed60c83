package netlab.nodes;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.core.KindRuntime;
import netlab.core.NodeKind;
import netlab.docker.DockerCommands;
import netlab.docker.LabContainers;
import netlab.doctor.Feature;
import netlab.errors.NetlabException;
import netlab.model.ModelNode;
import netlab.plan.ContainerConfig;
import netlab.plan.DockerOp;
import netlab.plan.Naming;
import netlab.plan.PlanBuilder;
import netlab.plan.StageName;
import netlab.process.ProcResult;
import netlab.topology.NodeKindSpec;
import netlab.yaml.Fields;

/**
 * {@code kind: container}: a Docker container created with networking off, whose network namespace netlab then
 * names {@code netlab.LAB.NODE}; from there on it is wired, addressed, routed and checked exactly like a namespace
 * node. Commands ({@code exec}, checks) run inside the container, with its own file system and programs.
 */
public final class ContainerNode implements NodeKind {
    public static final String NAME = "container";

    public record Spec(ContainerSettings settings) implements NodeKindSpec {
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
        return ContainerSettings.FIELDS;
    }

    @Override
    public NodeKindSpec parse(Fields fields, String node) {
        return new Spec(ContainerSettings.parse(fields, "node '" + node + "'"));
    }

    @Override
    public void planCreate(ModelNode node, KindRuntime rt, PlanBuilder plan) {
        Naming naming = rt.naming();
        String container = naming.containerName(node.name());
        String netns = naming.nodeNetns(node.name());
        ContainerConfig config = settings(node).config(container, ContainerSettings.marks(naming, node.name(), null), "none",
                Optional.empty(), Optional.empty(), Optional.of(node.name()));
        String unit = "node " + node.name();
        plan.add(StageName.CONTAINERS, unit, null, new DockerOp.Run(config, Optional.of(netns)));
        plan.add(StageName.CONTAINERS, unit, null, new DockerOp.AttachNetns(container, netns));
    }

    @Override
    public ProcResult exec(ModelNode node, String member, List<String> argv, Duration timeout, KindRuntime rt) throws InterruptedException {
        noMember(node, member);
        return rt.docker().engine().exec(rt.naming().containerName(node.name()), argv, timeout);
    }

    @Override
    public List<String> interactive(ModelNode node, String member, List<String> argv, KindRuntime rt) {
        noMember(node, member);
        return DockerCommands.exec(rt.naming().containerName(node.name()), argv, System.console() != null);
    }

    @Override
    public List<String> command(ModelNode node, String member, List<String> argv, KindRuntime rt) {
        noMember(node, member);
        return DockerCommands.exec(rt.naming().containerName(node.name()), argv, false);
    }

    @Override
    public Set<Feature> features() {
        return Set.of(Feature.DOCKER);
    }

    @Override
    public List<String> preflight(ModelNode node, KindRuntime rt) {
        return settings(node).problems(rt.docker().engine(), "node '" + node.name() + "'");
    }

    @Override
    public List<netlab.drift.Drift> drift(ModelNode node, KindRuntime rt) {
        String name = rt.naming().containerName(node.name());
        return new LabContainers(rt.docker().engine(), rt.naming()).live(name) ? List.of()
                : List.of(netlab.drift.Drift.missing(node.name(), netlab.drift.Drift.Thing.CONTAINER, name + " (not running)"));
    }

    @Override
    public String commandsRun() {
        return "inside the container, with its image's files and programs (servers: the host's, in its network namespace)";
    }

    private static ContainerSettings settings(ModelNode node) {
        return ((Spec) node.spec().kindSpec()).settings();
    }

    private static void noMember(ModelNode node, String member) {
        if (member != null) {
            throw NetlabException.usage("node '" + node.name() + "' is a container, not a pod: write '" + node.name() + "', not '"
                    + node.name() + "/" + member + "'");
        }
    }
}
