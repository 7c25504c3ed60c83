package netlab.cli;

import java.util.concurrent.Callable;
import netlab.cluster.PodNetworkSync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "sync", mixinStandardHelpOptions = true, description = {"Program every node from the leases in etcd now (after etcd was changed",
        "by hand, say): add what a lease calls for, remove what none does."})
public final class ClusterSyncCommand implements Callable<Integer> {
    @ParentCommand
    ClusterCommand cluster;

    @Mixin
    LabOption lab;

    @Override
    public Integer call() throws Exception {
        return cluster.changeLocked(lab.name(), (ops, out) -> {
            for (PodNetworkSync.Result r : ops.sync()) out.println(r.describe());
        });
    }
}
