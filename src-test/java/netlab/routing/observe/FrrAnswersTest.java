package netlab.routing.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.net.MacAddress;
import netlab.process.ProcResult;
import netlab.testing.Labs;
import org.junit.jupiter.api.Test;

/**
 * The query classes read FRR 8.4's real answers, captured from two namespaces running FRR (src-test/resources/
 * netlab/routing/frr-8.4: OSPF point-to-point and broadcast, eBGP unnumbered with an address peer that never came
 * up, EVPN with one remote VTEP); anything else in an answer is an error, never "nothing there".
 */
class FrrAnswersTest {
    static String captured(String file) throws IOException {
        return Files.readString(Labs.repo().resolve("src-test/resources/netlab/routing/frr-8.4").resolve(file));
    }

    @Test
    void ospfNeighbours() throws IOException {
        assertThat(OspfNeighbor.parse(captured("ospf-neighbor-p2p-full.json"))).containsExactly(
                new OspfNeighbor(IpAddress.of("2.2.2.2"), "Full", "-", IpAddress.of("10.0.0.2"), "eth1"));
        List<OspfNeighbor> broadcast = OspfNeighbor.parse(captured("ospf-neighbor-broadcast-full.json"));
        assertThat(broadcast).singleElement().satisfies(n -> {
            assertThat(n.isFull()).isTrue();
            assertThat(n.role()).isEqualTo("DR");
        });
        assertThat(OspfNeighbor.parse(captured("ospf-neighbor-none.json"))).as("an instance without neighbours").isEmpty();
        assertThat(OspfNeighbor.parse(captured("ospf-neighbor-no-instance.json"))).as("ospfd without 'router ospf'").isEmpty();
        assertThat(OspfNeighbor.parse("{\"neighbors\":{\"2.2.2.2\":[{\"nbrState\":\"Init/DROther\",\"ifaceAddress\":\"10.0.0.2\","
                + "\"ifaceName\":\"eth1:10.0.0.1\"}]}}")).singleElement().satisfies(n -> {
                    assertThat(n.state()).isEqualTo("Init");
                    assertThat(n.isFull()).isFalse();
                });
    }

    @Test
    void bgpSessions() throws IOException {
        assertThat(BgpPeerState.parse(captured("bgp-summary.json"))).containsExactly(
                new BgpPeerState("ipv4Unicast", "eth1", 65002, "Established", 1, 3),
                new BgpPeerState("ipv4Unicast", "1.2.3.4", 99, "Active", 0, 0),
                new BgpPeerState("l2VpnEvpn", "eth1", 65002, "Established", 0, 0));
        assertThat(BgpPeerState.parse(captured("bgp-summary-notup.json"))).extracting(BgpPeerState::state).containsExactly("Idle", "Idle");
        assertThat(BgpPeerState.parse("{}")).as("bgpd without 'router bgp'").isEmpty();
    }

    @Test
    void routingTableWithProtocols() throws IOException {
        List<RibRoute> rib = RibRoute.parse(captured("ip-route-ospf-bgp.json"), false);
        assertThat(rib).filteredOn(r -> r.prefix().equals(Cidr.of("2.2.2.2/32"))).extracting(RibRoute::protocol, RibRoute::selected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bgp", true), org.assertj.core.groups.Tuple.tuple("ospf", false));
        RibRoute viaBgp = rib.stream().filter(r -> r.protocol().equals("bgp")).findFirst().orElseThrow();
        assertThat(viaBgp.installed()).isTrue();
        assertThat(viaBgp.distance()).isEqualTo(20);
        assertThat(viaBgp.nexthops()).containsExactly(new RibRoute.Nexthop(Optional.of(IpAddress.of("10.0.0.2")), Optional.of("eth1"), true));
        assertThat(RibRoute.parse(captured("ip-route.json"), false)).extracting(RibRoute::protocol).contains("ospf", "connected");
    }

    @Test
    void kernelRoutesWithTheirProtocol() throws IOException {
        assertThat(KernelRoute.parse(captured("kernel-route.json"), false)).containsExactly(
                new KernelRoute(Cidr.of("2.2.2.2/32"), Optional.of(IpAddress.of("10.0.0.2")), Optional.of("eth1"), "ospf"),
                new KernelRoute(Cidr.of("10.0.0.0/30"), Optional.empty(), Optional.of("eth1"), "kernel"));
        assertThat(KernelRoute.parse("[{\"dst\":\"default\",\"gateway\":\"fe80::1\",\"dev\":\"eth1\",\"protocol\":\"bgp\"}]", true))
                .containsExactly(new KernelRoute(Cidr.of("::/0"), Optional.of(IpAddress.of("fe80::1")), Optional.of("eth1"), "bgp"));
    }

    @Test
    void evpnVnis() throws IOException {
        assertThat(EvpnVni.parse(captured("evpn-vni.json"))).containsExactly(new EvpnVni(100, "L2", "vxlan100", List.of(IpAddress.of("2.2.2.2"))));
    }

    @Test
    void evpnMacs() throws IOException {
        assertThat(EvpnMac.parse(captured("evpn-mac.json"))).containsExactly(
                new EvpnMac(100, MacAddress.parse("22:e4:e3:94:03:fa").orElseThrow(), "local", Optional.empty()),
                new EvpnMac(100, MacAddress.parse("46:76:27:34:62:cc").orElseThrow(), "remote", Optional.of(IpAddress.of("10.255.0.13"))));
        assertThat(EvpnMac.parse("{}")).as("zebra without VNIs").isEmpty();
        assertThat(EvpnMac.parse("")).as("zebra with EVPN off answers nothing").isEmpty();
        assertThat(EvpnVni.parse("")).as("zebra with EVPN off answers nothing").isEmpty();
        assertThatThrownBy(() -> EvpnMac.parse("{\"100\":{\"macs\":{\"46:76:27:34:62:cc\":{\"remoteVtep\":\"10.255.0.13\"}}}}"))
                .isInstanceOf(FrrQueryException.class).hasMessageEndingWith("MAC 46:76:27:34:62:cc of VNI 100 has no 'type'");
    }

    @Test
    void anAnswerNetlabCannotReadIsAnErrorNotNothing() {
        assertThatThrownBy(() -> OspfNeighbor.parse("% Unknown command")).isInstanceOf(FrrQueryException.class)
                .hasMessageStartingWith("FRR's answer to 'show ip ospf neighbor json' is not what netlab reads: not JSON");
        assertThatThrownBy(() -> OspfNeighbor.parse("{\"neighbors\":{\"2.2.2.2\":[{\"state\":\"Full/-\"}]}}"))
                .isInstanceOf(FrrQueryException.class).hasMessageEndingWith("neighbour 2.2.2.2 has no 'nbrState'");
        assertThatThrownBy(() -> BgpPeerState.parse("[]")).isInstanceOf(FrrQueryException.class);
        assertThatThrownBy(() -> RibRoute.parse("{\"nonsense\":[]}", false)).isInstanceOf(FrrQueryException.class)
                .hasMessageEndingWith("'nonsense' is not a prefix");
        assertThatThrownBy(() -> KernelRoute.parse("Cannot open network namespace", false)).isInstanceOf(FrrQueryException.class);
    }

    @Test
    void aDaemonThatDoesNotRunIsAnObservationOtherFailuresAreNot() {
        ProcResult notRunning = new ProcResult(List.of("vtysh"), 1, "", "ospfd is not running\n", false);
        FrrAnswer a = Vtysh.answer("r1", FrrShow.OSPF_NEIGHBORS, notRunning);
        assertThat(a.daemonRunning()).isFalse();
        // seen on a machine whose PAM configuration was incomplete: vtysh complains, then answers
        assertThat(Vtysh.answer("r1", FrrShow.OSPF_NEIGHBORS, new ProcResult(List.of("vtysh"), 1, "",
                "vtysh_pam: Failed in account validation: Permission denied(6)ospfd is not running\n", false)).daemonRunning()).isFalse();
        assertThat(Vtysh.answer("r1", FrrShow.OSPF_NEIGHBORS, new ProcResult(List.of("vtysh"), 0, "{}", "", false)).json()).isEqualTo("{}");
        assertThatThrownBy(() -> Vtysh.answer("r1", FrrShow.OSPF_NEIGHBORS,
                new ProcResult(List.of("vtysh"), 1, "", "Cannot open network namespace \"netlab.x.r1\": No such file or directory\n", false)))
                .isInstanceOf(FrrQueryException.class)
                .hasMessage("cannot ask FRR in node r1 'show ip ospf neighbor json': Cannot open network namespace \"netlab.x.r1\": No such file or"
                        + " directory");
        assertThatThrownBy(() -> Vtysh.answer("r1", FrrShow.BGP_SUMMARY, notRunning)).as("another daemon's message")
                .isInstanceOf(FrrQueryException.class);
    }
}
