package netlab.cluster;

import java.util.List;
import netlab.model.LabModel;
import netlab.plan.Naming;
import netlab.plan.Op;
import netlab.plan.Tool;

/**
 * What netlab does in a cluster as flanneld would, one op per node: write the network config to etcd (on the etcd
 * node, once etcd runs), lease the node's pod subnet, and program the node from every lease in etcd. None creates a
 * named object, and each is idempotent: a converging {@code up} runs them again and changes nothing that is right.
 */
public sealed interface FlannelOp extends Op {
    @Override
    default Tool tool() {
        return Tool.FLANNEL;
    }

    /** The lab, to reach etcd and the nodes with. */
    LabModel model();

    Naming naming();

    /** {@code /coreos.com/network/config}: the cluster network, subnet length and backend, as flanneld reads them. */
    record WriteConfig(LabModel model, Naming naming, ClusterSpec cluster) implements FlannelOp {
        @Override
        public String describe() {
            return "put " + Flannel.CONFIG_KEY + " " + Flannel.config(cluster);
        }
    }

    /**
     * The node leases its subnet: {@code planned} is the lease with the VtepMAC netlab gives flannel.1 (the runner
     * writes the MAC the device really has).
     */
    record AcquireLease(LabModel model, Naming naming, ClusterSpec cluster, ClusterNodeSpec node, Lease planned) implements FlannelOp {
        @Override
        public String describe() {
            return "lease " + planned.describe() + " for node " + node.name();
        }
    }

    /** The node's routes, neighbour and FDB entries made to match the leases in etcd ({@code planned}: what up writes). */
    record ProgramNode(LabModel model, Naming naming, ClusterSpec cluster, ClusterNodeSpec node, List<Lease> planned) implements FlannelOp {
        public ProgramNode {
            planned = List.copyOf(planned);
        }

        @Override
        public String describe() {
            return "program node " + node.name() + " from the leases in etcd";
        }
    }
}
