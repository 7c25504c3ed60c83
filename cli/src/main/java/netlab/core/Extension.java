package netlab.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.check.CheckKind;
import netlab.doctor.Feature;
import netlab.drift.Drift;
import netlab.drift.Expected;
import netlab.model.LabModel;
import netlab.plan.Naming;
import netlab.plan.PlanBuilder;
import netlab.plan.Tool;
import netlab.process.ProcessRunner;
import netlab.runtime.ToolRunner;
import netlab.runtime.netlink.KernelState;
import netlab.source.Diagnostics;
import netlab.state.StateStore;
import netlab.topology.LinkSpec;
import netlab.topology.NodeSpec;
import netlab.topology.Sections;
import netlab.topology.Topology;
import netlab.yaml.Fields;

/**
 * A feature that plugs into the core at fixed points instead of being named by it: it reads its own keys of a
 * topology or of a node, checks them against the resolved lab, adds its steps to the plan, says what the machine
 * must have, compares what it made with the kernel, and brings its own check kinds and the runners of its own ops.
 * Every point has a default that does nothing, so an extension implements only what it adds. The cluster
 * ({@code netlab.cluster.ClusterExtension}) uses nearly all of them; a node's firewall rules
 * ({@code netlab.rules.RulesExtension}) and servers ({@code netlab.services.ServicesExtension}) are extensions too.
 *
 * <p>Extensions are registered, in order, by the composition root ({@code netlab.app.BuiltIn}); that order is the order
 * their keys are read and their steps planned. What an extension reads is kept in the topology's or the node's
 * {@link Sections} under a {@link netlab.topology.Section} key of its own, and read back typed from there.
 */
public interface Extension {
    /** What it is, for messages ("cluster", "rules"). */
    String name();

    /** The top-level keys of a topology it reads ({@code cluster}). */
    default Set<String> topologyKeys() {
        return Set.of();
    }

    /** The keys of a node it reads ({@code rules}, {@code services}). */
    default Set<String> nodeKeys() {
        return Set.of();
    }

    /**
     * Reads its keys of one node into the node's sections (problems to {@code fields.diags()}, reading on). Called for
     * every node, after the node's own keys (interfaces, routes, sysctls, exec) and before its kind's.
     *
     * @param fields the node's mapping, where its {@link #nodeKeys()} are allowed
     */
    default void readNode(String node, Fields fields, Sections.Builder sections) {}

    /**
     * Reads its top-level keys into the topology's sections, once nodes, switches and links are read and before the
     * checks. It may expand into ordinary topology that the rest of netlab treats like anything written by hand: add
     * links, and replace a node with an edited copy (the cluster gives its nodes a bridge, veth ends and rules).
     */
    default void readTopology(Fields fields, Map<String, NodeSpec> nodes, List<LinkSpec> links, Sections.Builder sections) {}

    /**
     * Limits on what it adds (as {@link netlab.source.Budget}s: a cluster's nodes and rules), reported like the lab's
     * own limits. Called before the model is built.
     */
    default void checkLimits(Topology topology, Diagnostics d) {}

    /** Checks what it read against the resolved lab (names, addresses, interfaces it needs); every problem to {@code d}. */
    default void validate(LabModel model, Diagnostics d) {}

    /**
     * Adds its steps to the plan, after the nodes' own (their interfaces, addresses, routes and commands) and, in
     * registration order, after the extensions before it. Its ops may be of a tool of its own ({@link #runners}).
     */
    default void plan(LabModel model, Naming naming, PlanBuilder plan) {}

    /** What the machine must have for what it adds to this lab (kernel features, programs). */
    default Set<Feature> features(LabModel model) {
        return Set.of();
    }

    /** The check kinds it brings; registered after the core's. */
    default List<CheckKind> checkKinds() {
        return List.of();
    }

    /**
     * Runners for the tools of its own ops. A runner gets the lab's record through its run context: processes it
     * starts are recorded there, and {@code down} stops them with the lab's other processes.
     *
     * @param store where labs keep their records and work files (a runner's files go under the lab's work directory,
     *              which {@code down} removes)
     */
    default Map<Tool, ToolRunner> runners(StateStore store) {
        return Map.of();
    }

    /**
     * The command line that runs {@code argv} in a node when the extension must run it its own way, or empty (the
     * node's kind runs it, as any command). A routing node's {@code vtysh} runs in the node's FRR view, where its
     * daemons' sockets are. Used by {@code netlab exec}, the shell's exec, exec checks and the extension's own checks.
     *
     * @param workDir the lab's work directory
     */
    default Optional<List<String>> nodeCommand(LabModel model, Naming naming, Path workDir, String node, List<String> argv) {
        return Optional.empty();
    }

    /**
     * Kernel entries it programs at run time rather than through the plan (flannel's routes, neighbours and FDB
     * entries, from etcd), per namespace: status does not take them for drift; {@link #drift} compares them itself.
     */
    default Map<String, Expected.PodNetwork> dynamicEntries(LabModel model, Naming naming) {
        return Map.of();
    }

    /**
     * How what it made differs from what it should be, beyond what status reads from the plan (a cluster's entries
     * against etcd, a routing node's daemons that no longer run). A converging {@code up} repairs it by running the
     * plan again: the extension's ops must then put back what it reports.
     *
     * @param states  every namespace of the lab as status read it, by namespace name (a namespace missing here is
     *                reported elsewhere)
     * @param workDir the lab's work directory, where the extension's runners keep a node's files (a routing node's
     *                daemons' pid files)
     */
    default List<Drift> drift(LabModel model, Naming naming, ProcessRunner processes, Map<String, KernelState> states, Path workDir)
            throws InterruptedException {
        return List.of();
    }
}
