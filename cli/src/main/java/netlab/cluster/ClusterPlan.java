package netlab.cluster;

import netlab.text.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.interfaces.AddressAt;
import netlab.interfaces.VxlanType;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.net.IpAddress;
import netlab.net.MacAddress;
import netlab.plan.IpOp;
import netlab.plan.Naming;
import netlab.plan.ObjectRef;
import netlab.plan.PlanBuilder;
import netlab.plan.ServiceOp;
import netlab.plan.StageName;

/**
 * The part of a cluster's plan that is not ordinary topology (that part the {@link ClusterExpander} made): on every
 * node flannel.1 (vxlan backend: VNI 1, port 4789, learning off, its address the subnet's .0/32) and hairpin mode on
 * the pods' bridge ports; etcd started in the etcd node with the network config written to it; then each node leases
 * its subnet, and then each node is programmed from every lease in etcd.
 */
public final class ClusterPlan {
    private ClusterPlan() {}

    public static void plan(LabModel model, Naming naming, PlanBuilder plan) {
        Optional<ClusterSpec> cluster = ClusterSpec.of(model.topology());
        if (cluster.isEmpty()) return;
        ClusterSpec c = cluster.get();
        for (ClusterNodeSpec n : c.nodes().values()) {
            List<IpOp> ops = new ArrayList<>();
            if (c.backend() == Backend.VXLAN) ops.add(vtep(model, naming, n));
            // as the CNI bridge plugin's hairpinMode: a pod may reach itself through a service
            for (PodAttachment p : n.pods().values()) {
                ops.add(new IpOp.BridgePortFlags(p.hostVeth(), Optional.empty(), Optional.empty(), Optional.of(true)));
            }
            if (c.backend() == Backend.VXLAN) {
                ops.add(new IpOp.AddrGenModeNone(Flannel.DEVICE));
                ops.add(new IpOp.AddrReplace(n.vtepAddress(), Flannel.DEVICE));
                ops.add(new IpOp.LinkUp(Flannel.DEVICE));
            }
            ops.forEach(op -> plan.addToNode(StageName.NODES, naming, n.name(), op));
        }
        if (!c.backend().usesEtcd()) return;

        String etcdNode = c.etcd().orElseThrow().text();
        IpAddress etcdAddress = ClusterAddresses.etcd(model, c).orElseThrow();
        plan.addToNode(StageName.SERVICES, naming, etcdNode, new ServiceOp(model.name(), etcdNode, new EtcdServer(etcdAddress, c.etcd().get().pos()),
                Optional.of(new ObjectRef.Listener(naming.nodeNetns(etcdNode), EtcdServer.CLIENT_PORT))));
        plan.addToNode(StageName.SERVICES, naming, etcdNode, new FlannelOp.WriteConfig(model, naming, c));

        List<Lease> planned = new ArrayList<>();
        for (ClusterNodeSpec n : c.nodes().values()) planned.add(plannedLease(model, c, n));
        for (int i = 0; i < planned.size(); i++) {
            ClusterNodeSpec n = new ArrayList<>(c.nodes().values()).get(i);
            plan.addToNode(StageName.LEASES, naming, n.name(), new FlannelOp.AcquireLease(model, naming, c, n, planned.get(i)));
            plan.addToNode(StageName.POD_NETWORK, naming, n.name(), new FlannelOp.ProgramNode(model, naming, c, n, planned));
        }
    }

    /** flannel.1: VXLAN with VNI 1 to port 4789 from the node's public IP out of its underlay, learning off. */
    private static IpOp.AddVxlan vtep(LabModel model, Naming naming, ClusterNodeSpec n) {
        IpAddress local = ClusterAddresses.publicIp(model, n).orElseThrow();
        VxlanType.Spec spec = new VxlanType.Spec(Flannel.VNI, Optional.of(new AddressAt(local, n.pos())), Optional.empty(), Optional.empty(),
                Flannel.PORT, n.underlay(), false, List.of(), n.pos());
        return spec.createOp(Flannel.DEVICE, Optional.of(vtepMac(n.name())), OptionalInt.of(vtepMtu(model, n)), naming.nodeNetns(n.name()));
    }

    /** The lease {@code up} writes for a node (the VtepMAC it gives flannel.1). */
    static Lease plannedLease(LabModel model, ClusterSpec c, ClusterNodeSpec n) {
        return new Lease(n.subnet(), ClusterAddresses.publicIp(model, n).orElseThrow(), c.backend().word(),
                c.backend() == Backend.VXLAN ? Optional.of(vtepMac(n.name())) : Optional.empty());
    }

    /** The underlay's MTU (1500 unless written) less the 50 bytes VXLAN adds. */
    private static int vtepMtu(LabModel model, ClusterNodeSpec n) {
        int underlay = ClusterAddresses.underlay(model, n).map(ModelInterface::spec).filter(s -> s.mtu().isPresent())
                .map(s -> s.mtu().getAsInt()).orElse(1500);
        return underlay - Flannel.VXLAN_OVERHEAD;
    }

    /**
     * flannel.1's MAC: fixed per node (locally administered, 0e:6e:...), so the plan, the lease in etcd and a device
     * made again after a crash all agree, and {@code up --dry-run} shows the real value.
     */
    static MacAddress vtepMac(String node) {
        byte[] h = Fingerprint.bytes(Flannel.DEVICE, node);
        return MacAddress.parse(String.format("0e:6e:%02x:%02x:%02x:%02x", h[0], h[1], h[2], h[3])).orElseThrow();
    }
}
