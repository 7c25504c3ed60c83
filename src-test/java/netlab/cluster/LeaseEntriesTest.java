package netlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.net.MacAddress;
import netlab.plan.BatchOp;
import netlab.plan.BridgeOp;
import netlab.plan.IpOp;
import netlab.testing.Topologies;
import org.junit.jupiter.api.Test;

/** What a node must hold for the leases in etcd, and the changes that take it there from what it holds. */
class LeaseEntriesTest {
    private static ClusterSpec cluster(String backend) {
        return ClusterSpec.of(Topologies.load("""
                name: lab
                switches:
                  underlay: {subnet: 192.168.0.0/24}
                nodes: {etcd: {}, node1: {}, node2: {}, node3: {}}
                links:
                  - [etcd:eth0, underlay]
                  - [node1:eth0, underlay]
                  - [node2:eth0, underlay]
                  - [node3:eth0, underlay]
                cluster:
                  network: 10.1.0.0/16
                  backend: %s
                  etcd: etcd
                  nodes:
                    node1: {underlay: eth0, subnet: 10.1.15.0/24}
                    node2: {underlay: eth0, subnet: 10.1.20.0/24}
                    node3: {underlay: eth0, subnet: 10.1.30.0/24}
                """.formatted(backend)).topology()).orElseThrow();
    }

    private static Lease vxlan(String subnet, String ip, String mac) {
        return new Lease(Cidr.of(subnet), IpAddress.of(ip), "vxlan", MacAddress.parse(mac));
    }

    /** The ops as the batch lines that run them (and that the dry run prints). */
    private static List<String> lines(List<? extends BatchOp> ops) {
        return ops.stream().map(BatchOp::batchLine).toList();
    }

    private static final LivePodNetwork NOTHING = new LivePodNetwork(List.of(), List.of(), List.of());
    private static final Optional<IpAddress> NODE1_IP = Optional.of(IpAddress.of("192.168.0.2"));

    @Test
    void vxlanNeedsARouteANeighbourAndAnFdbEntryPerRemoteLease() {
        ClusterSpec c = cluster("vxlan");
        List<Lease> leases = List.of(vxlan("10.1.15.0/24", "192.168.0.2", "0e:00:00:00:00:01"), vxlan("10.1.20.0/24", "192.168.0.3", "0e:00:00:00:00:02"));
        LeaseEntries e = LeaseEntries.of(c, c.nodes().get("node1"), "eth0", NODE1_IP, leases);
        LeaseEntries.Changes ch = e.changesFrom(NOTHING, c);
        assertThat(lines(ch.bridge())).containsExactly("fdb replace 0e:00:00:00:00:02 dev flannel.1 dst 192.168.0.3 self permanent");
        assertThat(lines(ch.ip())).containsExactly(
                "neigh replace 10.1.20.0 lladdr 0e:00:00:00:00:02 dev flannel.1 nud permanent",
                "route replace 10.1.20.0/24 via 10.1.20.0 dev flannel.1 onlink");
        assertThat(ch.removed()).isEmpty();
        assertThat(e.ignored()).isEmpty();
    }

    @Test
    void aNodeInStepNeedsNothing() {
        ClusterSpec c = cluster("vxlan");
        LeaseEntries e = LeaseEntries.of(c, c.nodes().get("node1"), "eth0", NODE1_IP, List.of(vxlan("10.1.20.0/24", "192.168.0.3", "0e:00:00:00:00:02")));
        LivePodNetwork have = new LivePodNetwork(
                List.of(new LivePodNetwork.Route(Cidr.of("10.1.20.0/24"), Optional.of("10.1.20.0"), "flannel.1", true)),
                List.of(new LivePodNetwork.Neighbour("10.1.20.0", Optional.of("0e:00:00:00:00:02"), "PERMANENT", "flannel.1")),
                List.of(new LivePodNetwork.Fdb("0e:00:00:00:00:02", Optional.of("192.168.0.3"), "flannel.1")));
        assertThat(e.changesFrom(have, c).none()).isTrue();
    }

    @Test
    void entriesNoLeaseCallsForAreRemovedAndWrongOnesReplaced() {
        ClusterSpec c = cluster("vxlan");
        // node3 left the table; node2's flannel.1 got a new MAC
        LeaseEntries e = LeaseEntries.of(c, c.nodes().get("node1"), "eth0", NODE1_IP, List.of(vxlan("10.1.20.0/24", "192.168.0.3", "0e:00:00:00:00:22")));
        LivePodNetwork have = new LivePodNetwork(
                List.of(new LivePodNetwork.Route(Cidr.of("10.1.20.0/24"), Optional.of("10.1.20.0"), "flannel.1", true),
                        new LivePodNetwork.Route(Cidr.of("10.1.30.0/24"), Optional.of("10.1.30.0"), "flannel.1", true)),
                List.of(new LivePodNetwork.Neighbour("10.1.20.0", Optional.of("0e:00:00:00:00:02"), "PERMANENT", "flannel.1"),
                        new LivePodNetwork.Neighbour("10.1.30.0", Optional.of("0e:00:00:00:00:03"), "PERMANENT", "flannel.1")),
                List.of(new LivePodNetwork.Fdb("0e:00:00:00:00:02", Optional.of("192.168.0.3"), "flannel.1"),
                        new LivePodNetwork.Fdb("0e:00:00:00:00:03", Optional.of("192.168.0.4"), "flannel.1")));
        LeaseEntries.Changes ch = e.changesFrom(have, c);
        assertThat(lines(ch.bridge())).containsExactly(
                "fdb del 0e:00:00:00:00:02 dev flannel.1 dst 192.168.0.3 self",
                "fdb del 0e:00:00:00:00:03 dev flannel.1 dst 192.168.0.4 self",
                "fdb replace 0e:00:00:00:00:22 dev flannel.1 dst 192.168.0.3 self permanent");
        assertThat(lines(ch.ip())).containsExactly(
                "route del 10.1.30.0/24 dev flannel.1",
                "neigh del 10.1.30.0 dev flannel.1",
                "neigh replace 10.1.20.0 lladdr 0e:00:00:00:00:22 dev flannel.1 nud permanent");
        assertThat(ch.removed()).extracting(LeaseEntries.Change::kind).containsExactly(LeaseEntries.Kind.ROUTE, LeaseEntries.Kind.NEIGHBOUR,
                LeaseEntries.Kind.FDB, LeaseEntries.Kind.FDB);
        assertThat(LeaseEntries.words(ch.removed())).containsExactly("route 10.1.30.0/24 via 10.1.30.0 dev flannel.1 onlink",
                "neighbour 10.1.30.0 lladdr 0e:00:00:00:00:03 PERMANENT dev flannel.1", "fdb 0e:00:00:00:00:02 dst 192.168.0.3 dev flannel.1",
                "fdb 0e:00:00:00:00:03 dst 192.168.0.4 dev flannel.1");
    }

    @Test
    void theChangesAreRecordsOfWhatTheyDo() {
        ClusterSpec c = cluster("vxlan");
        LeaseEntries e = LeaseEntries.of(c, c.nodes().get("node1"), "eth0", NODE1_IP, List.of(vxlan("10.1.20.0/24", "192.168.0.3", "0e:00:00:00:00:02")));
        LivePodNetwork have = new LivePodNetwork(List.of(new LivePodNetwork.Route(Cidr.of("10.1.30.0/24"), Optional.of("10.1.30.0"), "flannel.1", true)),
                List.of(), List.of(new LivePodNetwork.Fdb("0e:00:00:00:00:03", Optional.of("192.168.0.4"), "flannel.1")));
        LeaseEntries.Changes ch = e.changesFrom(have, c);
        MacAddress mac = MacAddress.parse("0e:00:00:00:00:02").orElseThrow();
        assertThat(ch.bridge()).containsExactly(
                new BridgeOp.FdbDel(MacAddress.parse("0e:00:00:00:00:03").orElseThrow(), "flannel.1", Optional.of(IpAddress.of("192.168.0.4"))),
                new BridgeOp.FdbReplace(mac, "flannel.1", IpAddress.of("192.168.0.3"), true));
        assertThat(ch.ip()).containsExactly(new IpOp.RouteDel(Cidr.of("10.1.30.0/24"), "flannel.1"),
                new IpOp.NeighReplace(IpAddress.of("10.1.20.0"), mac, "flannel.1"),
                new IpOp.RouteReplace(Optional.of(Cidr.of("10.1.20.0/24")), false, Optional.of(IpAddress.of("10.1.20.0")), Optional.of("flannel.1"),
                        OptionalInt.empty(), true));
        assertThat(ch.added()).extracting(LeaseEntries.Change::kind).containsExactly(LeaseEntries.Kind.FDB, LeaseEntries.Kind.NEIGHBOUR,
                LeaseEntries.Kind.ROUTE);
    }

    @Test
    void leasesANodeCannotUseAreIgnoredWithTheReason() {
        ClusterSpec c = cluster("vxlan");
        List<Lease> leases = List.of(
                new Lease(Cidr.of("10.1.20.0/24"), IpAddress.of("192.168.0.3"), "host-gw", Optional.empty()),
                vxlan("10.2.0.0/24", "192.168.0.5", "0e:00:00:00:00:05"),
                vxlan("10.1.40.0/24", "192.168.0.2", "0e:00:00:00:00:01"),
                new Lease(Cidr.of("10.1.30.0/24"), IpAddress.of("192.168.0.4"), "vxlan", Optional.empty()));
        LeaseEntries e = LeaseEntries.of(c, c.nodes().get("node1"), "eth0", NODE1_IP, leases);
        assertThat(e.routes()).isEmpty();
        assertThat(e.ignored()).containsExactly(
                "10.1.20.0/24 -> 192.168.0.3 (host-gw): backend host-gw, not vxlan",
                "10.2.0.0/24 -> 192.168.0.5 (vxlan, VtepMAC 0e:00:00:00:00:05): not a /24 of the cluster network 10.1.0.0/16",
                "10.1.40.0/24 -> 192.168.0.2 (vxlan, VtepMAC 0e:00:00:00:00:01): this node's own address, but not its subnet 10.1.15.0/24",
                "10.1.30.0/24 -> 192.168.0.4 (vxlan): no VtepMAC");
    }

    @Test
    void hostGwRoutesViaTheRemoteNodesAddressAndLeavesOtherRoutesAlone() {
        ClusterSpec c = cluster("host-gw");
        LeaseEntries e = LeaseEntries.of(c, c.nodes().get("node1"), "eth0", NODE1_IP,
                List.of(new Lease(Cidr.of("10.1.20.0/24"), IpAddress.of("192.168.0.3"), "host-gw", Optional.empty())));
        LivePodNetwork have = new LivePodNetwork(List.of(
                new LivePodNetwork.Route(Cidr.of("192.168.0.0/24"), Optional.empty(), "eth0", false),              // connected
                new LivePodNetwork.Route(Cidr.of("10.9.0.0/16"), Optional.of("192.168.0.9"), "eth0", false),       // the user's
                new LivePodNetwork.Route(Cidr.of("10.1.30.0/24"), Optional.of("192.168.0.4"), "eth0", false)),     // a lease gone
                List.of(), List.of());
        LeaseEntries.Changes ch = e.changesFrom(have, c);
        assertThat(lines(ch.bridge())).isEmpty();
        assertThat(lines(ch.ip())).containsExactly("route del 10.1.30.0/24 dev eth0", "route replace 10.1.20.0/24 via 192.168.0.3 dev eth0");
    }
}
