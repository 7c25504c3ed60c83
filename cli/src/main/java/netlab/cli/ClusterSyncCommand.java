package netlab.cli;

import java.util.concurrent.Callable;
import netlab.cluster.PodNetworkSync;
import netlab.errors.ExitCode;
import netlab.lab.LabEnv;
import netlab.state.LabLock;
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
        NetlabCommand top = cluster.top;
        LabEnv env = top.env();
        ClusterCommand.Selected s = cluster.select(lab, env);
        String name = s.running().lab().name();
        try (LabLock lock = LabLock.acquire(env.store().lockFile(name), name, true, env.progress())) {
            for (PodNetworkSync.Result r : s.ops().sync()) top.out().println(r.describe());
        }
        return ExitCode.OK;
    }
}
