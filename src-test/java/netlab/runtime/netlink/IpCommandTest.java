package netlab.runtime.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.testing.Labs;
import org.junit.jupiter.api.Test;

/** The iproute2 lines the planner writes parse into the netlink requests that mean the same thing. */
class IpCommandTest {
    @Test
    void linkSetLines() {
        assertThat(IpCommand.parse("link set dev eth1 up")).get().isInstanceOfSatisfying(IpCommand.LinkSet.class, s -> {
            assertThat(s.dev()).isEqualTo("eth1");
            assertThat(s.up()).contains(true);
        });
        assertThat(IpCommand.parse("link set dev h1-eth1 master sw1")).get()
                .isInstanceOfSatisfying(IpCommand.LinkSet.class, s -> assertThat(s.master()).contains("sw1"));
        assertThat(IpCommand.parse("link set dev p1 type bridge_slave learning off flood on")).get()
                .isInstanceOfSatisfying(IpCommand.LinkSet.class, s -> {
                    assertThat(s.learning()).contains(false);
                    assertThat(s.flood()).contains(true);
                });
        assertThat(IpCommand.parse("link set dev vethpod1 type bridge_slave hairpin on")).get()
                .isInstanceOfSatisfying(IpCommand.LinkSet.class, s -> assertThat(s.hairpin()).contains(true));
        assertThat(IpCommand.parse("link set dev lo alias netlab:lab:1234abcd")).get()
                .isInstanceOfSatisfying(IpCommand.LinkSet.class, s -> assertThat(s.alias()).contains("netlab:lab:1234abcd"));
    }

    @Test
    void linkAddLines() {
        assertThat(IpCommand.parse("link add name eth1 address 02:00:00:00:00:01 mtu 1400 netns A type veth peer name eth2 netns B"))
                .contains(new IpCommand.AddVeth(
                        new IpCommand.End("eth1", netlab.net.MacAddress.parse("02:00:00:00:00:01"), Optional.of(1400), Optional.of("A")),
                        new IpCommand.End("eth2", Optional.empty(), Optional.empty(), Optional.of("B"))));
        assertThat(IpCommand.parse("link add name sw1 type bridge stp_state 0 ageing_time 0"))
                .contains(new IpCommand.AddBridge("sw1", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(0), Optional.of(0)));
    }

    @Test
    void addressesAndRoutes() {
        assertThat(IpCommand.parse("addr replace 2001:db8::1/64 dev eth1 nodad"))
                .contains(new IpCommand.AddrAdd(Cidr.of("2001:db8::1/64"), "eth1", true, true));
        assertThat(IpCommand.parse("route replace default via 10.0.0.1"))
                .contains(new IpCommand.RouteAdd(Optional.empty(), false, Optional.of(IpAddress.of("10.0.0.1")), Optional.empty(), Optional.empty(), true));
        assertThat(IpCommand.parse("route replace ::/0 dev eth1"))
                .contains(new IpCommand.RouteAdd(Optional.empty(), true, Optional.empty(), Optional.of("eth1"), Optional.empty(), true));
        assertThat(IpCommand.parse("route replace 10.2.0.0/16 via 10.0.0.1 dev eth1 metric 10"))
                .contains(new IpCommand.RouteAdd(Optional.of(Cidr.of("10.2.0.0/16")), false, Optional.of(IpAddress.of("10.0.0.1")),
                        Optional.of("eth1"), Optional.of(10), true));
    }

    @Test
    void anythingElseIsLeftToIproute2() {
        assertThat(IpCommand.parse("link add vx0 type vxlan id 42 dstport 4789")).isEmpty();
        assertThat(IpCommand.parse("neigh replace 10.0.0.1 lladdr 02:00:00:00:00:01 dev eth1")).isEmpty();
        assertThat(IpCommand.parse("link set dev eth1 type vxlan learning off")).isEmpty();
        assertThat(IpCommand.parse("route replace 10.0.0.0/8 via fe80::1")).isEmpty();
        assertThat(IpCommand.parse("netns add x")).isEmpty();
    }

    /** Every ip line of every golden plan is understood, or deliberately left to iproute2 (never misread). */
    @Test
    void everyLineOfTheExamplesIsUnderstood() throws IOException {
        try (Stream<Path> s = Files.list(Labs.repo().resolve("src-test/resources/golden"))) {
            for (Path plan : s.filter(p -> p.toString().endsWith(".plan")).toList()) {
                boolean inIpBatch = false;
                for (String line : Files.readAllLines(plan)) {
                    if (line.startsWith("ip -n ")) inIpBatch = line.endsWith("-batch - <<'EOF'");
                    else if (line.equals("EOF")) inIpBatch = false;
                    else if (inIpBatch && (line.startsWith("link ") || line.startsWith("addr ") || line.startsWith("route "))) {
                        if (List.of("link add", "link set", "addr replace", "route replace").stream().anyMatch(line::startsWith)
                                && !line.contains(" type vxlan") && !line.contains(" type vlan") && !line.contains(" type gre")
                                && !line.contains(" onlink")) { // a cluster's flannel routes: applied by ip itself (FlannelRunner)
                            assertThat(IpCommand.parse(line)).as("%s: %s", plan.getFileName(), line).isPresent();
                        }
                    }
                }
            }
        }
    }
}
