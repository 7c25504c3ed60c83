package netlab.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.net.MacAddress;
import netlab.source.Pos;
import netlab.topology.Impairment;

/**
 * One or more op records of every type iproute2 runs, each with the batch line it must render to (the text the planner
 * and the drift repairs wrote before ops were records). Tests that go over every record type use these, and check that
 * they cover every permitted subclass, so a new record needs a sample here.
 */
public final class OpSamples {
    private OpSamples() {}

    static final MacAddress MAC = MacAddress.parse("02:00:00:00:00:01").orElseThrow();

    private static IpOp.NewLink link(String name) {
        return IpOp.NewLink.named(name);
    }

    /** Every sample op, with its line. */
    public static Map<BatchOp, String> lines() {
        Map<BatchOp, String> m = new LinkedHashMap<>();
        IpOp.NewLink nodeEnd = new IpOp.NewLink("eth1", Optional.of(MAC), OptionalInt.of(1400), Optional.of("netlab.lab.h1"));
        IpOp.NewLink port = new IpOp.NewLink("h1-eth1", Optional.empty(), OptionalInt.of(1400), Optional.empty());
        m.put(new IpOp.NetnsAdd("netlab.lab"), "netns add netlab.lab");
        m.put(new IpOp.AddBridge(link("sw1"), false, false, link("sw1").madeIn("netlab.lab")), "link add name sw1 type bridge stp_state 0");
        m.put(new IpOp.AddBridge(link("hub"), true, true, link("hub").madeIn("netlab.lab")),
                "link add name hub type bridge stp_state 0 ageing_time 0 vlan_filtering 1 vlan_default_pvid 0");
        IpOp.NewLink br = new IpOp.NewLink("br0", Optional.of(MAC), OptionalInt.of(9000), Optional.empty());
        m.put(new IpOp.AddBridge(br, false, false, br.madeIn("netlab.lab.h1")), "link add name br0 address 02:00:00:00:00:01 mtu 9000 type bridge stp_state 0");
        m.put(new IpOp.AddVeth(port, nodeEnd, port.madeIn("netlab.lab")),
                "link add name h1-eth1 mtu 1400 type veth peer name eth1 address 02:00:00:00:00:01 mtu 1400 netns netlab.lab.h1");
        m.put(new IpOp.AddVeth(nodeEnd, new IpOp.NewLink("eth2", Optional.empty(), OptionalInt.empty(), Optional.of("netlab.lab.h2")),
                nodeEnd.madeIn("netlab.lab")),
                "link add name eth1 address 02:00:00:00:00:01 mtu 1400 netns netlab.lab.h1 type veth peer name eth2 netns netlab.lab.h2");
        IpOp.NewLink vlan = new IpOp.NewLink("eth1.10", Optional.of(MAC), OptionalInt.of(1400), Optional.empty());
        m.put(new IpOp.AddVlan(vlan, "eth1", 10, vlan.madeIn("netlab.lab.h1")),
                "link add link eth1 name eth1.10 address 02:00:00:00:00:01 mtu 1400 type vlan id 10");
        IpOp.NewLink vx = link("vx100");
        m.put(new IpOp.AddVxlan(vx, 100, Optional.of(IpAddress.of("10.0.1.1")), Optional.of(IpAddress.of("10.0.2.1")), Optional.empty(),
                Optional.of("eth1"), 4789, false, vx.madeIn("netlab.lab.h1")),
                "link add name vx100 type vxlan id 100 local 10.0.1.1 remote 10.0.2.1 dev eth1 dstport 4789 nolearning");
        m.put(new IpOp.AddVxlan(vx, 200, Optional.empty(), Optional.empty(), Optional.of(IpAddress.of("239.1.1.1")), Optional.of("eth1"), 8472,
                true, vx.madeIn("netlab.lab.h1")), "link add name vx100 type vxlan id 200 group 239.1.1.1 dev eth1 dstport 8472");
        IpOp.NewLink gre = new IpOp.NewLink("gre1", Optional.empty(), OptionalInt.of(1400), Optional.empty());
        m.put(new IpOp.AddGre(gre, false, IpAddress.of("10.0.1.1"), IpAddress.of("10.0.2.1"), OptionalLong.of(7), OptionalInt.of(64),
                Optional.of("eth1"), gre.madeIn("netlab.lab.r1")), "link add name gre1 mtu 1400 type gre local 10.0.1.1 remote 10.0.2.1 key 7 ttl 64 dev eth1");
        m.put(new IpOp.AddGre(link("gt1"), true, IpAddress.of("10.0.1.1"), IpAddress.of("10.0.2.1"), OptionalLong.empty(), OptionalInt.empty(),
                Optional.empty(), link("gt1").madeIn("netlab.lab.r1")), "link add name gt1 type gretap local 10.0.1.1 remote 10.0.2.1");
        m.put(new IpOp.LinkUp("eth1"), "link set dev eth1 up");
        m.put(new IpOp.LinkMtu("eth1", 1500), "link set dev eth1 mtu 1500");
        m.put(new IpOp.LinkAddress("eth1", MAC), "link set dev eth1 address 02:00:00:00:00:01");
        m.put(new IpOp.LinkMaster("h1-eth1", "sw1"), "link set dev h1-eth1 master sw1");
        m.put(new IpOp.LinkNoMaster("eth1"), "link set dev eth1 nomaster");
        m.put(new IpOp.LinkAlias("lo", "netlab:lab:71885d1b"), "link set dev lo alias netlab:lab:71885d1b");
        m.put(new IpOp.AddrGenModeNone("eth1"), "link set dev eth1 addrgenmode none");
        m.put(new IpOp.BridgePortFlags("p1", Optional.of(false), Optional.of(true), Optional.empty()),
                "link set dev p1 type bridge_slave learning off flood on");
        m.put(new IpOp.BridgePortFlags("veth1", Optional.empty(), Optional.empty(), Optional.of(true)), "link set dev veth1 type bridge_slave hairpin on");
        m.put(new IpOp.BridgeSettings("sw1", OptionalLong.of(30000), OptionalInt.of(0), Optional.of(true)),
                "link set dev sw1 type bridge ageing_time 30000 stp_state 0 vlan_filtering 1");
        m.put(new IpOp.AddrReplace(Cidr.of("10.0.0.1/24"), "eth1"), "addr replace 10.0.0.1/24 dev eth1");
        m.put(new IpOp.AddrReplace(Cidr.of("2001:db8::1/64"), "eth1"), "addr replace 2001:db8::1/64 dev eth1 nodad");
        m.put(IpOp.RouteReplace.to(Optional.empty(), false, Optional.of(IpAddress.of("10.0.0.254")), Optional.empty(), OptionalInt.empty()),
                "route replace default via 10.0.0.254");
        m.put(IpOp.RouteReplace.to(Optional.empty(), true, Optional.empty(), Optional.of("eth1"), OptionalInt.empty()), "route replace ::/0 dev eth1");
        m.put(IpOp.RouteReplace.to(Optional.empty(), false, Optional.empty(), Optional.of("eth1"), OptionalInt.empty()), "route replace 0.0.0.0/0 dev eth1");
        m.put(IpOp.RouteReplace.to(Optional.of(Cidr.of("10.2.0.0/16")), false, Optional.of(IpAddress.of("10.0.0.1")), Optional.of("eth1"),
                OptionalInt.of(10)), "route replace 10.2.0.0/16 via 10.0.0.1 dev eth1 metric 10");
        m.put(new IpOp.RouteReplace(Optional.of(Cidr.of("10.1.20.0/24")), false, Optional.of(IpAddress.of("10.1.20.0")), Optional.of("flannel.1"),
                OptionalInt.empty(), true), "route replace 10.1.20.0/24 via 10.1.20.0 dev flannel.1 onlink");
        m.put(new IpOp.ConnectedRouteReplace(Cidr.of("10.0.0.1/24"), "eth1"), "route replace 10.0.0.0/24 dev eth1 proto kernel scope link src 10.0.0.1");
        m.put(new IpOp.ConnectedRouteReplace(Cidr.of("2001:db8::1/64"), "eth1"), "route replace 2001:db8::/64 dev eth1 proto kernel metric 256");
        m.put(new IpOp.RouteDel(Cidr.of("10.1.20.0/24"), "flannel.1"), "route del 10.1.20.0/24 dev flannel.1");
        m.put(new IpOp.NeighReplace(IpAddress.of("10.1.20.0"), MAC, "flannel.1"), "neigh replace 10.1.20.0 lladdr 02:00:00:00:00:01 dev flannel.1 nud permanent");
        m.put(new IpOp.NeighDel(IpAddress.of("10.1.20.0"), "flannel.1"), "neigh del 10.1.20.0 dev flannel.1");

        m.put(new BridgeOp.VlanAdd(10, "p1", true), "vlan add vid 10 dev p1 pvid untagged");
        m.put(new BridgeOp.VlanAdd(20, "p1", false), "vlan add vid 20 dev p1");
        m.put(new BridgeOp.VlanDel(30, "sw1", true), "vlan del vid 30 dev sw1 self");
        m.put(new BridgeOp.VlanDel(30, "p1", false), "vlan del vid 30 dev p1");
        m.put(new BridgeOp.FdbFlood("vx100", IpAddress.of("10.0.2.1")), "fdb append 00:00:00:00:00:00 dev vx100 dst 10.0.2.1");
        m.put(new BridgeOp.FdbReplace(MAC, "vx100", IpAddress.of("10.0.2.1"), false), "fdb replace 02:00:00:00:00:01 dev vx100 dst 10.0.2.1");
        m.put(new BridgeOp.FdbReplace(MAC, "flannel.1", IpAddress.of("192.168.0.12"), true),
                "fdb replace 02:00:00:00:00:01 dev flannel.1 dst 192.168.0.12 self permanent");
        m.put(new BridgeOp.FdbDel(MAC, "flannel.1", Optional.of(IpAddress.of("192.168.0.12"))), "fdb del 02:00:00:00:00:01 dev flannel.1 dst 192.168.0.12 self");
        m.put(new BridgeOp.FdbDel(MAC, "flannel.1", Optional.empty()), "fdb del 02:00:00:00:00:01 dev flannel.1 self");

        Impairment netem = new Impairment(OptionalLong.of(100_000), OptionalLong.of(10_000), OptionalDouble.of(1.5), OptionalLong.empty(), Pos.unknown("t"));
        m.put(new TcOp("eth1", netem), "qdisc replace dev eth1 root netem delay 100ms 10ms loss 1.5%");
        return m;
    }

    /** The sample ip ops. */
    public static List<IpOp> ipOps() {
        List<IpOp> out = new ArrayList<>();
        for (BatchOp op : lines().keySet()) if (op instanceof IpOp ip) out.add(ip);
        return out;
    }
}
