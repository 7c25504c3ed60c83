package netlab.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import netlab.net.IpAddress;
import netlab.routing.config.BgpSession;
import netlab.routing.config.FrrConfigText;
import netlab.routing.config.FrrConfigWriter;
import netlab.routing.config.FrrDaemon;
import netlab.routing.config.FrrNode;
import netlab.routing.config.RoutingResolver;
import netlab.routing.spec.RemoteAs;
import netlab.routing.spec.RoutingSpec;
import netlab.source.Diagnostics;
import netlab.yaml.YMap;
import netlab.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

/** Routing sections checked against the rest of the lab (a fake: nodes, interfaces, addresses) and resolved. */
class RoutingResolverTest {
    static final String LAB = """
            r1: {eth1: [10.0.12.1/30, 2001:db8:12::1/64], eth2: [10.0.13.1/30], eth3: [], lo: [10.255.0.1/32]}
            r2: {eth1: [10.0.12.2/30, 2001:db8:12::2/64], lo: [10.255.0.2/32, 2001:db8:ff::2/128]}
            r3: {eth1: [10.0.13.2/30]}
            h1: {eth1: [192.168.9.1/24]}
            """;

    private record Result(Map<String, FrrNode> nodes, List<String> errors) {}

    private static Result resolve(String lab, String routing) {
        Diagnostics d = new Diagnostics();
        Map<String, RoutingSpec> specs = RoutingYaml.parse(routing, d);
        assertThat(d.all()).as("the routing sections parse").isEmpty();
        YMap labTree = (YMap) YamlLoader.parse(lab, "lab.yaml", d).orElseThrow();
        Map<String, FrrNode> nodes = RoutingResolver.resolve(specs, FakeRoutingLab.of(labTree), d);
        return new Result(nodes, d.all().stream().map(x -> x.pos().line() + ":" + x.pos().col() + ": " + x.message()).toList());
    }

    @Test
    void aNodeNeighbourIsTheNodesAddressOnASharedSubnetInItsOwnAs() {
        Result r = resolve(LAB, """
                r1:
                  bgp: {as: 65001, families: [ipv4, ipv6], neighbors: [{node: r2}, {node: r2, via: loopback, as: 65002}, {node: r3, as: 65003}]}
                r2:
                  bgp: {as: 65002}
                """);
        assertThat(r.errors()).isEmpty();
        List<BgpSession> s = r.nodes().get("r1").bgp().orElseThrow().sessions();
        assertThat(s).extracting(BgpSession::peer).as("IPv4 before IPv6; the loopback for via: loopback")
                .containsExactly("10.0.12.2", "10.255.0.2", "10.0.13.2");
        assertThat(s.get(0).remoteAs()).as("r2's own AS").isEqualTo(RemoteAs.number(65002));
        assertThat(s.get(0).updateSource()).isEmpty();
        assertThat(s.get(1).updateSource()).contains("lo");
        assertThat(s.get(0).families()).as("the node's families").hasSize(2);
    }

    @Test
    void routerIdsComeFromTheProtocolTheSectionOrTheLoopback() {
        Result r = resolve(LAB, """
                r1:
                  router_id: 1.1.1.1
                  ospf: {router_id: 9.9.9.9, interfaces: {eth1: {}}}
                  bgp: {as: 1}
                r2:
                  bgp: {as: 2}
                r3:
                  bgp: {as: 3}
                """);
        assertThat(r.errors()).isEmpty();
        assertThat(r.nodes().get("r1").ospf().orElseThrow().routerId()).contains(IpAddress.of("9.9.9.9"));
        assertThat(r.nodes().get("r1").bgp().orElseThrow().routerId()).contains(IpAddress.of("1.1.1.1"));
        assertThat(r.nodes().get("r2").bgp().orElseThrow().routerId()).as("lo's first IPv4").contains(IpAddress.of("10.255.0.2"));
        assertThat(r.nodes().get("r3").bgp().orElseThrow().routerId()).as("no loopback: FRR chooses").isEmpty();
    }

    @Test
    void theDaemonsANodeNeeds() {
        Result r = resolve(LAB, """
                r1:
                  ospf: {interfaces: {eth1: {}}}
                r2:
                  frr: |
                    router bgp 65002
                r3:
                  bgp: {as: 3}
                h1:
                  frr: |
                    router rip
                     network 10.0.0.0/8
                    router ripng
                    router ospf6
                """);
        assertThat(r.nodes().get("r1").daemons()).containsExactly(FrrDaemon.ZEBRA, FrrDaemon.STATICD, FrrDaemon.OSPFD);
        assertThat(r.nodes().get("h1").daemons()).as("the raw text's router rip, ripng, ospf6")
                .containsExactly(FrrDaemon.ZEBRA, FrrDaemon.STATICD, FrrDaemon.RIPD, FrrDaemon.RIPNGD, FrrDaemon.OSPF6D);
        assertThat(r.nodes().get("r2").daemons()).as("the raw text's router bgp").containsExactly(FrrDaemon.ZEBRA, FrrDaemon.STATICD, FrrDaemon.BGPD);
        assertThat(r.nodes().get("r3").daemons()).containsExactly(FrrDaemon.ZEBRA, FrrDaemon.STATICD, FrrDaemon.BGPD);
    }

    @Test
    void ospfInterfacesMustBeTheNodesAndCarryIpv4() {
        assertThat(resolve(LAB, """
                r1:
                  ospf: {interfaces: {eth4: {}, eth3: {}, lo: {}}}
                r3:
                  ospf: {interfaces: {lo: {passive: true}}}
                """).errors()).containsExactly(
                "2:23: OSPF interface 'eth4': node 'r1' has no such interface (did you mean 'eth1'?); its interfaces: eth1, eth2, eth3",
                "2:33: OSPF interface 'eth3' of node 'r1' has no IPv4 address; OSPFv2 runs over IPv4",
                "4:23: OSPF interface 'lo' of node 'r3': lo has no IPv4 address but 127.0.0.1, so OSPF has nothing to advertise from it; give"
                        + " the node one (interfaces: {lo: [10.255.0.1/32]})");
    }

    @Test
    void neighbourMistakesThatNeedTheLab() {
        assertThat(resolve(LAB, """
                r1:
                  bgp:
                    as: 65001
                    neighbors:
                      - {node: r4}
                      - {node: r1, as: 1}
                      - {node: r3}
                      - {node: h1, as: 65009}
                      - {node: r3, via: loopback, as: 65003}
                      - {node: r2, as: 65099}
                      - {interface: eth9, as: external}
                      - {address: 10.0.13.1, as: 65003}
                      - {address: 10.0.12.2, as: 65002}
                r2:
                  bgp:
                    as: 65002
                    neighbors:
                      - {node: r1, as: internal}
                """).errors()).containsExactly(
                "5:16: BGP neighbour node r4 of node 'r1': the lab has no node 'r4' (did you mean 'r1'?)",
                "6:16: node 'r1' cannot be its own BGP neighbour",
                "7:16: BGP neighbour node r3 of node 'r1': node 'r3' runs no BGP of its own (no routing bgp section); give the neighbour's 'as'",
                "8:16: BGP neighbour node h1 of node 'r1': nodes 'r1' and 'h1' share no subnet; with via: loopback the session runs between their"
                        + " loopback addresses (over a route to them), or name the neighbour by 'address'",
                "9:16: BGP neighbour node r3 of node 'r1': node 'r3' has no loopback address for via: loopback (interfaces: {lo: [10.255.0.2/32]})",
                "10:16: BGP neighbour node r2 of node 'r1' is given AS 65099, but node 'r2' runs BGP in AS 65002",
                "11:21: BGP neighbour interface 'eth9': node 'r1' has no such interface (did you mean 'eth1'?); its interfaces: eth1, eth2, eth3",
                "12:19: BGP neighbour 10.0.13.1 of node 'r1' is the node's own address",
                "13:9: BGP neighbour 10.0.12.2 of node 'r1' is 10.0.12.2, which the neighbour at line 10 is too",
                "18:16: BGP neighbour node r1 of node 'r2' is 'internal', but node 'r1' is in AS 65001, not node 'r2''s AS 65002");
    }

    @Test
    void routeReflectorClientsAreIbgpAndEbgpIsBetweenAses() {
        assertThat(resolve(LAB, """
                r1:
                  bgp:
                    as: 65001
                    neighbors:
                      - {node: r2, as: external, route_reflector_client: true}
                      - {node: r3, as: 65003, route_reflector_client: true}
                r2:
                  bgp: {as: 65001, neighbors: [{node: r1, as: external}]}
                """).errors()).containsExactly(
                "5:9: BGP neighbour node r2 of node 'r1' is a route-reflector client, but it is in another AS, not the node's AS 65001; routes"
                        + " are reflected to iBGP neighbours only",
                "5:16: BGP neighbour node r2 of node 'r1' is 'external', but node 'r2' is in node 'r1''s own AS 65001",
                "6:9: BGP neighbour node r3 of node 'r1' is a route-reflector client, but it is in AS 65003, not the node's AS 65001; routes are"
                        + " reflected to iBGP neighbours only",
                "8:39: BGP neighbour node r1 of node 'r2' is 'external', but node 'r1' is in node 'r2''s own AS 65001");
    }

    @Test
    void evpnNeedsAVxlanDeviceUnlessTheNodeOnlyReflects() {
        String lab = """
                vtep: {eth1: [10.0.1.2/30], lo: [10.255.0.11/32], vx100: {type: vxlan}}
                spine: {eth1: [10.0.1.1/30], lo: [10.255.0.1/32]}
                plain: {eth1: [10.0.2.1/30], lo: [10.255.0.3/32]}
                """;
        Result r = resolve(lab, """
                vtep:
                  bgp: {as: 65000, families: [evpn], neighbors: [{node: spine, via: loopback}]}
                spine:
                  bgp: {as: 65000, families: [evpn], neighbors: [{node: vtep, via: loopback, route_reflector_client: true}]}
                plain:
                  bgp: {as: 65000, families: [ipv4, evpn], neighbors: [{node: spine, via: loopback}]}
                """);
        assertThat(r.errors()).containsExactly(
                "6:8: the bgp of node 'plain' carries evpn, but the node has no VXLAN device whose VNIs it could advertise (an interface with"
                        + " type: vxlan); only a route reflector of EVPN routes needs none");
        assertThat(r.nodes().get("vtep").bgp().orElseThrow().advertiseAllVni()).isTrue();
        assertThat(r.nodes().get("spine").bgp().orElseThrow().advertiseAllVni()).isFalse();
    }

    @Test
    void routerIdsMustDifferBetweenRouters() {
        assertThat(resolve(LAB, """
                r1:
                  ospf: {router_id: 10.255.0.2, interfaces: {eth1: {}}}
                r2:
                  ospf: {interfaces: {eth1: {}}}
                r3:
                  router_id: 10.255.0.2
                  ospf: {interfaces: {eth1: {}}}
                """).errors()).containsExactly(
                "4:9: OSPF router ID 10.255.0.2 of node 'r2' is node 'r1''s too; each router needs its own (set 'router_id', or give the node a"
                        + " loopback address of its own)",
                "7:9: OSPF router ID 10.255.0.2 of node 'r3' is node 'r1''s too; each router needs its own (set 'router_id', or give the node a"
                        + " loopback address of its own)");
    }

    @Test
    void aLineFrrRefusesIsTracedToTheTopology() {
        Result r = resolve(LAB, """
                r1:
                  ospf: {interfaces: {eth1: {}}}
                  frr: |
                    ip prefix-list A seq 5 permit 10.0.0.0/8
                    ip prefix-list A seq 10 deny any
                """);
        FrrConfigText text = FrrConfigWriter.write(r.nodes().get("r1"));
        List<String> lines = text.text().lines().toList();
        int raw = lines.indexOf("ip prefix-list A seq 10 deny any") + 1;
        assertThat(text.origin(raw)).isEqualTo("line 2 of the frr text of node 'r1' (t.yaml:3:8)");
        assertThat(text.origin(2)).isEqualTo("line 2 of the configuration netlab generated for node 'r1'");
        assertThat(lines.get(1)).isEqualTo("frr defaults traditional");
    }
}
