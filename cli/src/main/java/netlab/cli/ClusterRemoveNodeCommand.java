package netlab.cli;

import java.util.concurrent.Callable;
import netlab.cluster.PodNetworkSync;
import netlab.console.NodeArgument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "remove-node", mixinStandardHelpOptions = true, description = {"Take a node out of the pod network: release its lease in etcd,",
        "then program the other nodes from etcd (they forget the way to its pods). 'add-node' or 'up' brings it back."})
public final class ClusterRemoveNodeCommand implements Callable<Integer> {
    @ParentCommand
    ClusterCommand cluster;

    @Parameters(index = "0", paramLabel = "NODE", description = "The cluster node.")
    String node;

    @Mixin
    LabOption lab;

    @Override
    public Integer call() throws Exception {
        NodeArgument.node(node);
        return cluster.changeLocked(lab.name(), (ops, out) -> {
            boolean released = ops.releaseLease(node);
            out.println(node + ": " + (released ? "lease released in etcd" : "held no lease in etcd"));
            for (PodNetworkSync.Result r : ops.syncOthers(node)) out.println(r.describe());
        });
    }
}
