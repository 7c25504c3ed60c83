package netlab.cli;

import java.util.concurrent.Callable;
import netlab.cluster.Lease;
import netlab.cluster.PodNetworkSync;
import netlab.console.NodeArgument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "add-node", mixinStandardHelpOptions = true, description = {"Bring a node of the topology (back) into the pod network: it leases",
        "its subnet in etcd, then every node is programmed from etcd. A node new to the topology joins with 'netlab up'."})
public final class ClusterAddNodeCommand implements Callable<Integer> {
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
            Lease l = ops.acquireLease(node);
            out.println(node + ": leased " + l.describe());
            for (PodNetworkSync.Result r : ops.sync()) out.println(r.describe());
        });
    }
}
