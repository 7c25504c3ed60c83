package netlab.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.cluster.ClusterSpec;
import netlab.console.LabSelector;
import netlab.console.NodeArgument;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.json.Json;
import netlab.lab.LabEnv;
import netlab.lab.LabStatus;
import netlab.lab.ServiceStatus;
import netlab.rules.NodeRules;
import netlab.runtime.LiveRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "inspect", description = "Show one node of a running lab in detail: interfaces, addresses, routes, neighbours, firewall and NAT rules with packet counters, services, drift.")
public final class InspectCommand implements Callable<Integer> {
    @ParentCommand
    NetlabCommand top;

    @Parameters(index = "0", paramLabel = "NODE", description = "The node to show.")
    String node;

    @Mixin
    LabOption lab;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        NodeArgument.node(node);
        LabEnv env = top.env();
        LabSelector.Running r = LabSelector.running(lab.name(), Optional.empty(), env);
        if (r.lab().model().node(node).isEmpty()) {
            throw NetlabException.usage("lab '" + r.lab().name() + "' has no node '" + node + "'"
                    + netlab.source.Suggest.hint(node, r.lab().model().nodes().keySet()));
        }
        netlab.doctor.Privileges.require();
        LabStatus status = new LabStatus(env);
        LabStatus.Snapshot s = status.snapshot(r.lab().model(), r.state().status(), r.state().topologyPath(), Optional.of(node));
        String netns = env.naming(r.lab().name()).nodeNetns(node);
        List<String> neighbours = status.neighbours(netns);
        LiveRules rules = LiveRules.read(env.processes(), netns).managedTables();
        List<ServiceStatus> services = ServiceStatus.of(r.lab().model().node(node).get(), r.state(), netns, env.processes());
        Optional<netlab.cluster.PodNetworkView> podNetwork = ClusterSpec.of(r.lab().model().topology()).filter(c -> c.isNode(node)).isPresent()
                ? Optional.of(netlab.cluster.PodNetworkView.read(env.processes(), env.naming(r.lab().name()), r.lab().model(), node)) : Optional.empty();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("node", s.nodes().get(0));
            doc.put("neighbours", neighbours);
            doc.put("rules", rules);
            doc.put("services", services);
            podNetwork.ifPresent(p -> doc.put("pod_network", p));
            doc.put("drift", s.drift().stream().map(netlab.drift.Drift::json).toList());
            top.out().println(Json.write(doc));
        } else {
            StatusCommand.print(s, top.out());
            top.out().println();
            top.out().println("neighbours of " + node + ":");
            if (neighbours.isEmpty()) top.out().println("  (none)");
            neighbours.forEach(n -> top.out().println("  " + n));
            top.out().println();
            top.out().println("all routes of " + node + ":");
            s.nodes().get(0).routes().forEach(x -> top.out().println("  " + x));
            if (!rules.rules().isEmpty() || !NodeRules.of(r.lab().model().node(node).get().spec()).isEmpty()) {
                top.out().println();
                RulesView.print(node, r.lab().name(), rules, top.out());
            }
            if (podNetwork.isPresent()) {
                top.out().println();
                PodNetworkPrinter.table(podNetwork.get(), top.out());
                PodNetworkPrinter.problems(podNetwork.get(), top.out());
            }
            if (!services.isEmpty()) {
                top.out().println();
                top.out().println("services of " + node + ":");
                services.forEach(x -> top.out().println("  " + x.service() + "  " + x.describe()));
            }
        }
        return s.drift().isEmpty() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}
