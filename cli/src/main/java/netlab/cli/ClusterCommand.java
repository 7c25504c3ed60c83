package netlab.cli;

import java.io.PrintStream;
import java.util.Optional;
import netlab.cluster.ClusterOps;
import netlab.cluster.ClusterSpec;
import netlab.console.LabSelector;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.lab.LabEnv;
import netlab.state.LabLock;
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
        if (ClusterSpec.of(r.lab().model().topology()).isEmpty()) {
            throw NetlabException.usage("lab '" + r.lab().name() + "' has no cluster");
        }
        netlab.doctor.Privileges.require();
        return new Selected(r, new ClusterOps(env.processes(), env.naming(r.lab().name()), r.lab().model()));
    }

    /** What a cluster command that changes the lab does, with the lab's lock held. */
    interface Change {
        void apply(ClusterOps ops, PrintStream out) throws Exception;
    }

    /** Runs a change of the lab's cluster under the lab's lock, so an up, down or check of the lab waits for it. */
    int changeLocked(String lab, Change change) throws Exception {
        LabEnv env = top.env();
        Selected s = select(lab, env);
        try (LabLock lock = LabLock.acquire(env.store(), s.running().lab().labName(), true, env.progress())) {
            change.apply(s.ops(), top.out());
        }
        return ExitCode.OK;
    }
}
