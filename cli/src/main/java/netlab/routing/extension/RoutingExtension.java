package netlab.routing.extension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.check.CheckKind;
import netlab.core.Extension;
import netlab.doctor.Feature;
import netlab.drift.Drift;
import netlab.model.LabModel;
import netlab.plan.Naming;
import netlab.plan.PlanBuilder;
import netlab.plan.StageName;
import netlab.plan.Tool;
import netlab.process.ProcessRunner;
import netlab.routing.config.BgpConfig;
import netlab.routing.config.FrrConfigWriter;
import netlab.routing.config.FrrNode;
import netlab.routing.runtime.FrrInstall;
import netlab.routing.runtime.FrrLayout;
import netlab.routing.runtime.FrrRuntime;
import netlab.routing.runtime.FrrView;
import netlab.routing.spec.RoutingParser;
import netlab.runtime.ToolRunner;
import netlab.runtime.netlink.KernelState;
import netlab.source.Diagnostics;
import netlab.state.StateStore;
import netlab.topology.Sections;
import netlab.yaml.Fields;

/**
 * Dynamic routing in nodes ({@code routing:}: OSPF, BGP, raw FRR text), plugged into the core: parsed strictly
 * ({@link RoutingParser}), resolved and validated against the model ({@code RoutingResolver}), planned as one
 * {@link StartFrr} per routing node in the routing stage (after every node's links, addresses and routes), run by
 * {@link FrrRunner}, whose daemons are recorded in the lab's record and stopped by {@code down}. Its check kinds
 * ({@code route}, {@code ospf}, {@code bgp}) read the kernel and FRR, {@code converge} cuts a link and measures the
 * reroute; status reports a daemon that no longer runs ({@link FrrDrift}); a node's {@code vtysh} runs in the node's FRR
 * view ({@link #nodeCommand}), so {@code netlab exec r1 vtysh -c 'show ip route'} reaches the node's daemons.
 */
public final class RoutingExtension implements Extension {
    private final FrrInstall install = FrrInstall.DEBIAN;

    @Override
    public String name() {
        return "routing";
    }

    @Override
    public Set<String> nodeKeys() {
        return Set.of(RoutingParser.KEY);
    }

    @Override
    public void readNode(String node, Fields fields, Sections.Builder sections) {
        fields.node(RoutingParser.KEY).flatMap(v -> RoutingParser.parse(v, node, fields.diags())).ifPresent(s -> sections.put(RoutingNodes.SECTION, s));
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        if (RoutingNodes.any(model)) RoutingNodes.resolve(model, d);
    }

    @Override
    public void plan(LabModel model, Naming naming, PlanBuilder plan) {
        if (!RoutingNodes.any(model)) return;
        for (FrrNode n : RoutingNodes.resolved(model).values()) {
            plan.addToNode(StageName.ROUTING, naming, n.node(), new StartFrr(model.name(), n.node(), FrrConfigWriter.write(n), n.daemons(),
                    n.bgp().map(BgpConfig::advertiseAllVni).orElse(false)));
        }
    }

    @Override
    public Set<Feature> features(LabModel model) {
        return RoutingNodes.any(model) ? EnumSet.of(Feature.FRR) : Set.of();
    }

    @Override
    public List<CheckKind> checkKinds() {
        return List.of(new RouteCheck.Kind(), new OspfCheck.Kind(), new BgpCheck.Kind(), new ConvergeCheck.Kind(), new EvpnCheck.Kind());
    }

    /** A daemon a routing node needs that no longer runs ({@link FrrDrift}); up starts the node's FRR again. */
    @Override
    public List<Drift> drift(LabModel model, Naming naming, ProcessRunner processes, Map<String, KernelState> states, Path workDir) {
        if (!RoutingNodes.any(model)) return List.of();
        return FrrDrift.of(model, workDir, FrrDrift.of(new FrrRuntime()));
    }

    @Override
    public Map<Tool, ToolRunner> runners(StateStore store) {
        return Map.of(Tool.ROUTING, new FrrRunner(store));
    }

    /**
     * {@code vtysh ARGS} in a routing node: FRR's vtysh in the node's namespace and FRR view, told where the node's
     * configuration and sockets are ({@code --config_dir /run --vty_socket /run}), then the user's arguments. The
     * arguments are the user's own command, as any command {@code netlab exec} runs in a node.
     */
    @Override
    public Optional<List<String>> nodeCommand(LabModel model, Naming naming, Path workDir, String node, List<String> argv) {
        if (argv.isEmpty() || !(argv.get(0).equals("vtysh") || argv.get(0).equals(install.vtysh().toString()))) return Optional.empty();
        if (model.node(node).flatMap(n -> RoutingNodes.of(n.spec())).isEmpty()) return Optional.empty();
        FrrLayout layout = RoutingNodes.layout(workDir, model.name(), node);
        List<String> vtysh = new ArrayList<>(List.of(install.vtysh().toString(), "--config_dir", FrrLayout.INSIDE, "--vty_socket", FrrLayout.INSIDE));
        vtysh.addAll(argv.subList(1, argv.size()));
        return Optional.of(FrrView.argv(naming.nodeNetns(node), layout, false, vtysh));
    }
}
