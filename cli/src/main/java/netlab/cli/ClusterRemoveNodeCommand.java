package netlab.cli;

import java.util.concurrent.Callable;
import netlab.cluster.PodNetworkSync;
import netlab.errors.ExitCode;
import netlab.lab.LabEnv;
import netlab.state.LabLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "remove-node", mixinStandardHelpOptions = true, description = {"Take a node out of the pod network: release its lease in etcd,",
        "then program the other nodes from etcd (they forget the way to its pods). 'add-node' or 'up' brings it back."})
public final class ClusterRemoveNodeCommand implements Callable<Integer> {
    @ParentCommand
    ClusterCommand cluster;

    @Parameters(index = "0", paramLabel = "NODE", description = "The cluster node.")
    String node;

    @Option(names = {"-l", "--lab"}, paramLabel = "LAB", description = "Lab name or topology file (default: the only lab that is up).")
    String lab;

    @Override
    public Integer call() throws Exception {
        NetlabCommand top = cluster.top;
        LabEnv env = top.env();
        ClusterCommand.Selected s = cluster.select(lab, env);
        String name = s.running().lab().name();
        try (LabLock lock = LabLock.acquire(env.store().lockFile(name), name, true, env.progress())) {
            boolean released = s.ops().releaseLease(node);
            top.out().println(node + ": " + (released ? "lease released in etcd" : "held no lease in etcd"));
            for (PodNetworkSync.Result r : s.ops().syncOthers(node)) top.out().println(r.describe());
        }
        return ExitCode.OK;
    }
}
