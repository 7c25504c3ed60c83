package netlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import netlab.cluster.ClusterSpec;
import netlab.cluster.PodNetworkView;
import netlab.errors.ExitCode;
import netlab.json.Json;
import netlab.lab.LabEnv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "leases", mixinStandardHelpOptions = true, description = {"Show the subnet table in etcd and whether every node holds the",
        "routes, neighbour and FDB entries it calls for (exit code 1 when one does not)."})
public final class ClusterLeasesCommand implements Callable<Integer> {
    @ParentCommand
    ClusterCommand cluster;

    @Mixin
    LabOption lab;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        NetlabCommand top = cluster.top;
        LabEnv env = top.env();
        ClusterCommand.Selected s = cluster.select(lab.name(), env);
        List<PodNetworkView> views = new ArrayList<>();
        for (String node : ClusterSpec.of(s.running().lab().model().topology()).get().nodes().keySet()) {
            views.add(PodNetworkView.read(env.processes(), env.naming(s.running().lab().name()), s.running().lab().model(), node));
        }
        boolean inStep = views.stream().allMatch(PodNetworkView::inStep);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("lab", s.running().lab().name());
            doc.put("nodes", views);
            top.out().println(Json.write(doc));
        } else {
            PodNetworkPrinter.table(views.get(0), top.out());
            for (PodNetworkView v : views) {
                top.out().println(v.node() + ": " + (v.inStep() ? "in step with etcd" : "NOT in step with etcd ('netlab cluster sync' fixes it)"));
                PodNetworkPrinter.problems(v, top.out());
            }
        }
        return inStep ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}
