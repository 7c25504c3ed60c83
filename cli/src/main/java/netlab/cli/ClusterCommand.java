package netlab.cli;

import java.util.Optional;
import netlab.cluster.ClusterOps;
import netlab.errors.NetlabException;
import netlab.lab.LabEnv;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code netlab cluster leases|sync|remove-node|add-node}: a running lab's pod network and its subnet table in etcd. */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = {"Show or change a running cluster's subnet table in etcd, and program",
        "its nodes from it (as flanneld does). Example: netlab cluster remove-node -l mylab node2"},
        subcommands = {ClusterLeasesCommand.class, ClusterSyncCommand.class, ClusterRemoveNodeCommand.class, ClusterAddNodeCommand.class})
public final class ClusterCommand implements Runnable {
    @ParentCommand
    NetlabCommand top;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(top.out());
    }

    /** The running lab (it must have a cluster) and its cluster's operations. */
    record Selected(LabSelector.Running running, ClusterOps ops) {}

    Selected select(String lab, LabEnv env) {
        LabSelector.Running r = LabSelector.running(lab, Optional.empty(), env);
        if (r.lab().model().topology().cluster().isEmpty()) {
            throw NetlabException.usage("lab '" + r.lab().name() + "' has no cluster");
        }
        netlab.doctor.Privileges.require();
        return new Selected(r, new ClusterOps(env.processes(), env.naming(r.lab().name()), r.lab().model()));
    }
}
