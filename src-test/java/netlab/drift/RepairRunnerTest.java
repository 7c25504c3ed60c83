package netlab.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.net.IpAddress;
import netlab.plan.Op;
import netlab.runtime.netlink.KernelState;
import org.junit.jupiter.api.Test;

/**
 * A converging up's deletions are records of the object as the kernel dumped it: the runner sends that dump back with
 * the deletion's type, and prints each as the command of the program that deletes it (ip, bridge or tc).
 */
class RepairRunnerTest {
    private static final byte[] DUMPED = {1, 2, 3, 4};

    @Test
    void eachDeletionSendsTheDumpedObjectWithItsDeletionType() {
        KernelState.Address a = new KernelState.Address(2, false, IpAddress.of("10.0.0.1"), 16, 0, DUMPED);
        KernelState.Route r = new KernelState.Route(false, 254, 1, 4, "10.77.0.0/16", 0, IpAddress.of("10.0.0.9"), 2, 5, false, false, DUMPED);
        KernelState.Neighbour n = new KernelState.Neighbour(false, 2, IpAddress.of("10.0.0.99"), "02:00:00:00:00:99", 0x80, DUMPED);
        KernelState.Fdb f = new KernelState.Fdb(2, "02:00:00:00:00:77", null, 0, 0x80, true, false, DUMPED);
        KernelState.Qdisc q = new KernelState.Qdisc(2, 0x80010000, KernelState.Qdisc.ROOT, "pfifo", new byte[0], DUMPED);
        KernelState.PolicyRule p = new KernelState.PolicyRule(false, 100, 100, 1, true, "priority 100 lookup 100", DUMPED);
        Map<RepairOp.Delete, Integer> types = Map.of(new RepairOp.DeleteAddress(a, "eth1"), RepairOp.Delete.RTM_DELADDR,
                new RepairOp.DeleteRoute(r, Optional.of("eth1")), RepairOp.Delete.RTM_DELROUTE,
                new RepairOp.DeleteNeighbour(n, "eth1"), RepairOp.Delete.RTM_DELNEIGH,
                new RepairOp.DeleteFdb(f, "eth1"), RepairOp.Delete.RTM_DELNEIGH,
                new RepairOp.DeleteQdisc(q, "eth1"), RepairOp.Delete.RTM_DELQDISC,
                new RepairOp.DeletePolicyRule(p), RepairOp.Delete.RTM_DELRULE);
        types.forEach((d, type) -> {
            assertThat(d.type()).as(d.describe()).isEqualTo(type);
            assertThat(d.body()).as(d.describe()).isEqualTo(DUMPED);
        });
        RepairOp.DeleteLink link = new RepairOp.DeleteLink(7, "xbr");
        assertThat(link.type()).isEqualTo(RepairOp.Delete.RTM_DELLINK);
        assertThat(link.body()).hasSize(16); // an ifinfomsg naming index 7
        assertThat(link.body()[4] | link.body()[5] | link.body()[6] | link.body()[7]).isEqualTo(7);
    }

    @Test
    void theRepairsPrintAsTheCommandsOfTheProgramsThatDoTheSame() {
        KernelState.Fdb f = new KernelState.Fdb(2, "02:00:00:00:00:77", IpAddress.of("192.168.0.4"), 0, 0x80, true, false, DUMPED);
        KernelState.Qdisc root = new KernelState.Qdisc(2, 0x80010000, KernelState.Qdisc.ROOT, "pfifo", new byte[0], DUMPED);
        KernelState.Qdisc ingress = new KernelState.Qdisc(2, 0xFFFF0000, KernelState.Qdisc.INGRESS, "ingress", new byte[0], DUMPED);
        KernelState.Neighbour n = new KernelState.Neighbour(false, 2, IpAddress.of("10.0.0.99"), "02:00:00:00:00:99", 0x80, DUMPED);
        List<Op> ops = List.of(new RepairOp.DeleteLink(7, "xbr"), new RepairOp.DeleteNeighbour(n, "eth1"), new RepairOp.DeleteFdb(f, "vx0"),
                new RepairOp.DeleteQdisc(root, "eth1"), new RepairOp.DeleteQdisc(ingress, "eth1"), new RepairOp.AddDefaultRule(false, 32766, 254),
                new RepairOp.DeleteNftTable(true, "filter"));
        assertThat(new RepairRunner().render("netlab.t.h1", ops, null).lines()).containsExactly(
                "ip -n netlab.t.h1 link del xbr",
                "ip -n netlab.t.h1 neigh del 10.0.0.99 dev eth1",
                "bridge -n netlab.t.h1 fdb del 02:00:00:00:00:77 dev vx0 dst 192.168.0.4 self",
                "tc -n netlab.t.h1 qdisc del dev eth1 root",
                "tc -n netlab.t.h1 qdisc del dev eth1 ingress",
                "ip -n netlab.t.h1 rule add priority 32766 lookup main",
                "ip netns exec netlab.t.h1 nft delete table ip6 filter");
    }
}
