package netlab.core;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import netlab.doctor.Feature;
import netlab.kind.Kind;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.plan.PlanBuilder;
import netlab.process.ProcResult;
import netlab.source.Diagnostics;
import netlab.topology.NodeKindSpec;
import netlab.yaml.Fields;

/**
 * One kind of node ({@code kind:} of a node): how it is written, how it comes into being, how commands run in
 * it. Whatever the kind, a node ends up as a named network namespace {@link netlab.plan.Naming#nodeNetns}, so
 * links, addresses, routes, rules and checks work the same on every kind.
 */
public interface NodeKind extends Kind {
    String name();

    @Override
    default String key() {
        return name();
    }

    /** Keys this kind adds to a node's mapping. */
    Set<String> fields();

    NodeKindSpec parse(Fields fields, String node);

    default void validate(ModelNode node, LabModel model, Diagnostics diags) {}

    /** Adds the ops that make the node exist with its named network namespace. */
    void planCreate(ModelNode node, KindRuntime rt, PlanBuilder plan);

    /** Runs a command in the node (its own file system, for containers) and waits. */
    ProcResult exec(ModelNode node, String member, List<String> argv, Duration timeout, KindRuntime rt) throws InterruptedException;

    /** The command line that runs {@code argv} in the node with the user's terminal attached. */
    List<String> interactive(ModelNode node, String member, List<String> argv, KindRuntime rt);

    /** The command line that does what {@link #exec} does (no terminal): what {@code up --dry-run} prints for it. */
    default List<String> command(ModelNode node, String member, List<String> argv, KindRuntime rt) {
        return interactive(node, member, argv, rt);
    }

    default Set<Feature> features() {
        return Set.of();
    }

    /**
     * Where the node's commands ({@code exec:}, exec checks, servers) run and what they can reach, for
     * {@code validate --explain}. The default is the widest: a kind that does not say otherwise is taken to run
     * them as a namespace node does.
     */
    default String commandsRun() {
        return "as root in the node's network namespace, with the host's files and programs";
    }

    /** How the node differs from what the lab needs, beyond its namespace (a container that is not running). */
    default List<netlab.drift.Drift> drift(ModelNode node, KindRuntime rt) throws InterruptedException {
        return List.of();
    }

    /**
     * What would stop the node from being built here, found before anything is made (a container image that is
     * not on the machine); one message each. Called only once the kind's {@link #features()} are known present.
     */
    default List<String> preflight(ModelNode node, KindRuntime rt) throws InterruptedException {
        return List.of();
    }
}
