package netlab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ordering sightings into a path: timestamps first, corrected by the wiring (a veth's sender before its
 * receiver), with copies that went nowhere (flooding) set apart and every rewrite named.
 */
class PathOrderTest {
    static final String H1 = "02:00:00:00:00:01", H2 = "02:00:00:00:00:02", H3 = "02:00:00:00:00:03";
    static final String R1A = "02:00:00:00:01:01", R1B = "02:00:00:00:01:02";

    static CapturePoint node(String node, String iface, String mac, String peerKey) {
        return new CapturePoint("ns." + node, iface, node, Optional.of(node), node + ":" + iface, Optional.of(peerKey), mac);
    }

    static CapturePoint port(String sw, String port, String peerKey) {
        return new CapturePoint("fabric", port, "switch " + sw, Optional.empty(), sw + " port " + port, Optional.of(peerKey), "02:ff:00:00:00:00");
    }

    static Sighting at(CapturePoint p, long t, byte[] f) {
        return new Sighting(p, t, f, PacketDecoder.ethernet(f).orElseThrow());
    }

    static byte[] echo(String src, String dst, int ttl) {
        return Frames.ethernet(src, dst).ipv4("10.1.1.1", "10.1.2.1", ttl, 1, 1).icmpEcho(8, 1, 1, "m").build();
    }

    @Test
    void aRoutedPathInOrderWithTheRouterRewriteNamed() {
        CapturePoint h1 = node("h1", "eth1", H1, "fabric/h1-eth1"), p1 = port("lan1", "h1-eth1", "ns.h1/eth1");
        CapturePoint p2 = port("lan1", "r1-eth1", "ns.r1/eth1"), r1a = node("r1", "eth1", R1A, "fabric/r1-eth1");
        CapturePoint r1b = node("r1", "eth2", R1B, "ns.h2/eth1"), h2 = node("h2", "eth1", H2, "ns.r1/eth2");
        byte[] a = echo(H1, R1A, 64), b = echo(R1B, H2, 63);
        // ties between the two ends of a veth, listed in the wrong order on purpose: the wiring decides
        List<Sighting> s = new ArrayList<>(List.of(at(h2, 60, b), at(r1b, 60, b), at(r1a, 30, a), at(p2, 30, a), at(p1, 10, a), at(h1, 10, a)));
        List<Hop> hops = PathOrder.order(s, x -> x.at().node().equals(Optional.of("h2")));
        assertThat(hops).extracting(h -> h.at().label() + " " + h.direction())
                .containsExactly("h1:eth1 out", "lan1 port h1-eth1 in", "lan1 port r1-eth1 out", "r1:eth1 in", "r1:eth2 out", "h2:eth1 in");
        assertThat(hops).allMatch(Hop::onPath);
        assertThat(hops.get(4).changes()).containsExactly("routed by r1: ttl 64 -> 63", "new Ethernet header from r1");
        assertThat(hops.get(1).changes()).isEmpty();
    }

    @Test
    void floodedCopiesAreSetApartFromThePath() {
        CapturePoint h1 = node("h1", "eth1", H1, "fabric/h1-eth1"), p1 = port("hub", "h1-eth1", "ns.h1/eth1");
        CapturePoint p2 = port("hub", "h2-eth1", "ns.h2/eth1"), h2 = node("h2", "eth1", H2, "fabric/h2-eth1");
        CapturePoint p3 = port("hub", "h3-eth1", "ns.h3/eth1"), h3 = node("h3", "eth1", H3, "fabric/h3-eth1");
        byte[] f = echo(H1, H2, 64);
        List<Sighting> s = List.of(at(h1, 1, f), at(p1, 2, f), at(p3, 3, f), at(p2, 4, f), at(h3, 5, f), at(h2, 6, f));
        List<Hop> hops = PathOrder.order(s, x -> x.at().node().equals(Optional.of("h2")));
        assertThat(hops.stream().filter(Hop::onPath).map(h -> h.at().label()))
                .containsExactly("h1:eth1", "hub port h1-eth1", "hub port h2-eth1", "h2:eth1");
        assertThat(hops.stream().filter(h -> !h.onPath()).map(h -> h.at().label())).containsExactly("hub port h3-eth1", "h3:eth1");
    }

    @Test
    void withoutDeliveryThePathEndsWhereThePacketWasLastSeen() {
        CapturePoint h1 = node("h1", "eth1", H1, "fabric/h1-eth1"), p1 = port("lan1", "h1-eth1", "ns.h1/eth1");
        CapturePoint p2 = port("lan1", "r1-eth1", "ns.r1/eth1"), r1a = node("r1", "eth1", R1A, "fabric/r1-eth1");
        byte[] a = echo(H1, R1A, 64);
        List<Hop> hops = PathOrder.order(List.of(at(h1, 1, a), at(p1, 2, a), at(p2, 3, a), at(r1a, 4, a)), x -> false);
        assertThat(hops.get(hops.size() - 1).at().label()).isEqualTo("r1:eth1");
        assertThat(hops.get(hops.size() - 1).direction()).isEqualTo("in");
        assertThat(hops).allMatch(Hop::onPath);
    }

    @Test
    void aVxlanOverlayAcrossARouterIsFollowedThroughTheTunnel() {
        // h1a - vtep1 [eth2 bridged with vx (VNI 100)] eth1 - r1 - eth1 vtep2 [vx bridged with eth2] - h2a
        String v1u = "02:00:00:00:10:01", v2u = "02:00:00:00:20:01", ra = "02:00:00:00:01:01", rb = "02:00:00:00:01:02";
        CapturePoint h1 = node("h1a", "eth1", H1, "ns.vtep1/eth2"), v1e2 = node("vtep1", "eth2", "02:00:00:00:10:02", "ns.h1a/eth1");
        CapturePoint v1vx = new CapturePoint("ns.vtep1", "vx", "vtep1", Optional.of("vtep1"), "vtep1:vx", Optional.empty(), "02:00:00:00:10:03");
        CapturePoint v1e1 = node("vtep1", "eth1", v1u, "ns.r1/eth1"), r1a = node("r1", "eth1", ra, "ns.vtep1/eth1");
        CapturePoint r1b = node("r1", "eth2", rb, "ns.vtep2/eth1"), v2e1 = node("vtep2", "eth1", v2u, "ns.r1/eth2");
        CapturePoint v2vx = new CapturePoint("ns.vtep2", "vx", "vtep2", Optional.of("vtep2"), "vtep2:vx", Optional.empty(), "02:00:00:00:20:03");
        CapturePoint v2e2 = node("vtep2", "eth2", "02:00:00:00:20:02", "ns.h2a/eth1"), h2 = node("h2a", "eth1", H2, "ns.vtep2/eth2");
        byte[] inner = Frames.ethernet(H1, H2).ipv4("192.168.0.1", "192.168.0.2", 64, 1, 7).icmpEcho(8, 1, 1, "m").build();
        java.util.function.BiFunction<String, String, byte[]> wrapped = (src, dst) -> Frames.ethernet(src, dst)
                .ipv4("10.0.1.1", "10.0.2.1", src.equals(v1u) ? 64 : 63, 17, 3).udp(51000, 4789, 16 + inner.length)
                .u32(0x08000000L).u32(100L << 8).bytes(inner).build();
        List<Sighting> s = List.of(at(h1, 1, inner), at(v1e2, 2, inner), at(v1vx, 3, inner), at(v1e1, 4, wrapped.apply(v1u, ra)),
                at(r1a, 5, wrapped.apply(v1u, ra)), at(r1b, 6, wrapped.apply(rb, v2u)), at(v2e1, 7, wrapped.apply(rb, v2u)),
                at(v2vx, 8, inner), at(v2e2, 9, inner), at(h2, 10, inner));
        List<Hop> hops = PathOrder.order(s, x -> x.at().node().equals(Optional.of("h2a")));
        assertThat(hops).allMatch(Hop::onPath);
        assertThat(hops).extracting(h -> h.at().label() + " " + h.direction()).containsExactly("h1a:eth1 out", "vtep1:eth2 in",
                "vtep1:vx out", "vtep1:eth1 out", "r1:eth1 in", "r1:eth2 out", "vtep2:eth1 in", "vtep2:vx in", "vtep2:eth2 out", "h2a:eth1 in");
        assertThat(hops.get(3).changes()).containsExactly("encapsulated by vtep1: VXLAN VNI 100, outer 10.0.1.1 -> 10.0.2.1");
        assertThat(hops.get(5).changes()).containsExactly("routed by r1: outer ttl 64 -> 63", "new Ethernet header from r1");
        assertThat(hops.get(7).changes()).containsExactly("decapsulated by vtep2 (vxlan header removed)");
    }

    @Test
    void natAndEncapsulationAreNamed() {
        byte[] before = Frames.ethernet(H1, R1A).ipv4("192.168.1.10", "203.0.113.80", 64, 6, 1).tcp(40000, 80, 1, 0, 0x02).build();
        byte[] after = Frames.ethernet(R1B, H2).ipv4("203.0.113.1", "203.0.113.80", 63, 6, 1).tcp(40000, 80, 1, 0, 0x02).build();
        CapturePoint in = node("r1", "eth1", R1A, "x/1"), out = node("r1", "eth2", R1B, "x/2");
        assertThat(Changes.between(at(in, 1, before), at(out, 2, after))).containsExactly(
                "source NAT by r1: 192.168.1.10:40000 -> 203.0.113.1:40000", "routed by r1: ttl 64 -> 63", "new Ethernet header from r1");
        byte[] inner = echo(H1, H2, 64);
        byte[] wrapped = Frames.ethernet(R1B, H2).ipv4("192.168.0.1", "192.168.0.2", 64, 17, 3)
                .udp(51000, 4789, 16 + inner.length).u32(0x08000000L).u32(42L << 8).bytes(inner).build();
        assertThat(Changes.between(at(in, 1, inner), at(out, 2, wrapped))).containsExactly(
                "encapsulated by r1: VXLAN VNI 42, outer 192.168.0.1 -> 192.168.0.2");
        assertThat(Changes.between(at(out, 2, wrapped), at(in, 3, inner))).containsExactly("decapsulated by r1 (vxlan header removed)");
    }

    @Test
    void ruleCountersNameTheRuleThatSawTheProbe() {
        String before = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [2:168]\n[0:0] -A FORWARD -s 192.168.1.3/32 -o eth2 -p tcp -m tcp --dport 80 "
                + "-m comment --comment \"netlab:nat:ab12 rule 3 line 22\" -j DROP\nCOMMIT\n";
        String after = before.replace("[0:0] -A FORWARD", "[1:60] -A FORWARD");
        List<RuleCounters.Hit> hits = RuleCounters.fromSaves(java.util.Map.of("r1", after)).since(RuleCounters.fromSaves(java.util.Map.of("r1", before)));
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).drops()).isTrue();
        assertThat(hits.get(0).describe()).isEqualTo("rule 3 of r1 (topology line 22): -t filter -A FORWARD -s 192.168.1.3/32 -o eth2 -p tcp -m tcp --dport 80 -j DROP");
    }
}
