package netlab.cluster;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.check.CheckKind;
import netlab.core.Extension;
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
import netlab.source.Tally;
import netlab.state.StateStore;
import netlab.topology.LinkSpec;
import netlab.topology.NodeSpec;
import netlab.topology.Sections;
import netlab.topology.Topology;
import netlab.yaml.Fields;

/**
 * A Kubernetes-style pod network over some of the lab's nodes (a topology's {@code cluster:}), plugged into the
 * core: read and expanded into ordinary nodes, links and rules ({@link ClusterParser}, {@link ClusterExpander}),
 * validated against the model ({@link ClusterValidator}), planned after the nodes (flannel.1, etcd, the leases:
 * {@link ClusterPlan}) with ops of its own tool ({@link FlannelOp}, run by {@link FlannelRunner}), its pod network
 * compared with etcd by status ({@link ClusterDrift}), and its check kinds ({@code lease}, {@code needs_lease}).
 */
public final class ClusterExtension implements Extension {
    /** Each cluster node holds a route, a neighbour and an FDB entry for every other one. */
    public static final long NODES = 1000;
    /** kube-proxy rules: every cluster node holds a chain for every service and a rule for every endpoint. */
    public static final long SERVICE_RULES = 1_000_000;

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public Set<String> topologyKeys() {
        return Set.of("cluster");
    }

    @Override
    public void readTopology(Fields fields, Map<String, NodeSpec> nodes, List<LinkSpec> links, Sections.Builder sections) {
        Optional<ClusterSpec> cluster = fields.node("cluster").map(n -> ClusterParser.parse(n, fields.diags()));
        if (cluster.isEmpty()) return;
        sections.put(ClusterSpec.SECTION, cluster.get());
        ClusterExpander.expand(cluster.get(), nodes, links, fields.diags());
    }

    @Override
    public void checkLimits(Topology topology, Diagnostics d) {
        Optional<ClusterSpec> cluster = ClusterSpec.of(topology);
        if (cluster.isEmpty()) return;
        ClusterSpec c = cluster.get();
        Tally nodes = new Tally(NODES);
        for (var n : c.nodes().values()) nodes.add(1, n.pos());
        nodes.report(d, "the cluster has %d nodes (each holds an entry for every other)");

        Tally rules = new Tally(SERVICE_RULES);
        long clusterNodes = c.nodes().size();
        for (ServiceSpec s : c.services().values()) rules.add(clusterNodes * (1 + s.endpoints().size()), s.pos());
        rules.report(d, "the services make %d kube-proxy rules (a chain for each service and a rule for each endpoint, on every cluster node)");
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        ClusterValidator.validate(model, d);
    }

    @Override
    public void plan(LabModel model, Naming naming, PlanBuilder plan) {
        ClusterPlan.plan(model, naming, plan);
    }

    @Override
    public Set<Feature> features(LabModel model) {
        return ClusterFeatures.of(model);
    }

    @Override
    public List<CheckKind> checkKinds() {
        return List.of(new LeaseCheck.Kind(), new NeedsLeaseCheck.Kind(), new NeedsAnnouncementCheck.Kind());
    }

    @Override
    public Map<Tool, ToolRunner> runners(StateStore store) {
        return Map.of(Tool.FLANNEL, new FlannelRunner());
    }

    /** flannel's routes, neighbours and FDB entries on every cluster node: programmed from etcd, compared with it. */
    @Override
    public Map<String, Expected.PodNetwork> dynamicEntries(LabModel model, Naming naming) {
        Optional<ClusterSpec> cluster = ClusterSpec.of(model.topology());
        if (cluster.isEmpty() || !cluster.get().backend().usesEtcd()) return Map.of();
        ClusterSpec c = cluster.get();
        Expected.PodNetwork p = new Expected.PodNetwork(c.backend() == Backend.VXLAN ? Optional.of(Flannel.DEVICE) : Optional.empty(),
                Optional.of(c.network()), c.subnetLen());
        Map<String, Expected.PodNetwork> out = new LinkedHashMap<>();
        for (String node : c.nodes().keySet()) out.put(naming.nodeNetns(node), p);
        return out;
    }

    @Override
    public List<Drift> drift(LabModel model, Naming naming, ProcessRunner processes, Map<String, KernelState> states, Path workDir)
            throws InterruptedException {
        return ClusterDrift.of(model, naming, processes, states);
    }
}
