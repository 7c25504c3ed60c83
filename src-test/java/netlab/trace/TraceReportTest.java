package netlab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.json.Json;
import netlab.net.IpAddress;
import org.junit.jupiter.api.Test;

/** How a trace reads: headers where they change, tunnel headers around the probe's own, owners named. */
class TraceReportTest {
    static final String H1 = "02:00:00:00:00:01", H2 = "02:00:00:00:00:02", V1 = "02:00:00:00:10:01", R1 = "02:00:00:00:01:01";

    private static TraceResult result() {
        CapturePoint h1 = PathOrderTest.node("h1a", "eth1", H1, "ns.vtep1/eth2");
        CapturePoint v1 = PathOrderTest.node("vtep1", "eth1", V1, "ns.r1/eth1");
        byte[] inner = Frames.ethernet(H1, H2).ipv4("192.168.0.1", "192.168.0.2", 64, 1, 7).icmpEcho(8, 9, 1, "m").build();
        byte[] outer = Frames.ethernet(V1, R1).ipv4("10.0.1.1", "10.0.2.1", 64, 17, 3).udp(51000, 4789, 16 + inner.length)
                .u32(0x08000000L).u32(100L << 8).bytes(inner).build();
        Hop a = new Hop(PathOrderTest.at(h1, 1000, inner), "out", true, List.of());
        Hop b = new Hop(PathOrderTest.at(v1, 5000, outer), "out", true, List.of("encapsulated by vtep1: VXLAN VNI 100, outer 10.0.1.1 -> 10.0.2.1"));
        Probe probe = new Probe("icmp", IpAddress.of("192.168.0.2"), 0, Optional.empty(), "nltrace-00000000".getBytes(StandardCharsets.US_ASCII));
        return new TraceResult("vxlan", "h1a", "h2a", "192.168.0.2", probe, false, "not delivered: test", "no answer", List.of(a, b), List.of(),
                List.of(), List.of("vtep2:eth9 (down)"), Map.of(H1, "h1a:eth1", V1, "vtep1:eth1"), Map.of("192.168.0.1", "h1a:eth1", "10.0.1.1", "vtep1:eth1"));
    }

    @Test
    void anEncapsulatedHopShowsTheTunnelAroundTheProbe() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        TraceReport.human(result(), new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("trace h1a -> h2a (192.168.0.2): ICMP echo, lab vxlan")
                .contains("  1  h1a:eth1                     out\n"
                        + "       L2  02:00:00:00:00:01 (h1a:eth1) -> 02:00:00:00:00:02\n"
                        + "       L3  192.168.0.1 (h1a:eth1) -> 192.168.0.2  ttl 64  id 7  ICMP echo request id 9 seq 1\n")
                .contains("  2  vtep1:eth1                   out\n"
                        + "       * encapsulated by vtep1: VXLAN VNI 100, outer 10.0.1.1 -> 10.0.2.1\n"
                        + "       L2  02:00:00:00:10:01 (vtep1:eth1) -> 02:00:00:00:01:01\n"
                        + "       L3  10.0.1.1 (vtep1:eth1) -> 10.0.2.1  ttl 64  id 3  UDP 51000 -> 4789\n"
                        + "           VXLAN VNI 100, carrying:\n"
                        + "         L2  02:00:00:00:00:01 (h1a:eth1) -> 02:00:00:00:00:02\n"
                        + "         L3  192.168.0.1 (h1a:eth1) -> 192.168.0.2  ttl 64  id 7  ICMP echo request id 9 seq 1\n")
                .contains("=> not delivered: test")
                .contains("not listened on: vtep2:eth9 (down)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonCarriesTheTunnelWithTheInnerPacket() {
        Map<String, Object> doc = (Map<String, Object>) Json.parse(TraceReport.json(result()));
        List<Object> hops = (List<Object>) doc.get("hops");
        Map<String, Object> second = (Map<String, Object>) hops.get(1);
        Map<String, Object> encap = (Map<String, Object>) second.get("encapsulation");
        assertThat(encap.get("type")).isEqualTo("vxlan");
        assertThat(encap.get("id")).isEqualTo(100L);
        Map<String, Object> inner = (Map<String, Object>) encap.get("inner");
        assertThat(((Map<String, Object>) inner.get("ip")).get("dst")).isEqualTo("192.168.0.2");
        assertThat(second.get("time_us")).isEqualTo(4.0);
        assertThat(doc.get("delivered")).isEqualTo(false);
    }
}
