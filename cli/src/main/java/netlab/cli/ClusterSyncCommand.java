package netlab.cli;

import java.util.concurrent.Callable;
import netlab.cluster.PodNetworkSync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "sync", mixinStandardHelpOptions = true, description = {"Program every node from the leases in etcd now (after etcd was changed",
        "by hand, say): add what a lease calls for, remove what none does."})
public final class ClusterSyncCommand implements Callable<Integer> {
    @ParentCommand
    ClusterCommand cluster;

    @Option(names = {"-l", "--lab"}, paramLabel = "LAB", description = "Lab name or topology file (default: the only lab that is up).")
    String lab;

    @Override
    public Integer call() throws Exception {
        return cluster.changeLocked(lab, (ops, out) -> {
            for (PodNetworkSync.Result r : ops.sync()) out.println(r.describe());
        });
    }
}
