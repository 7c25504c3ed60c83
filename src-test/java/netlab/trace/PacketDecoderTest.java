package netlab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PacketDecoderTest {
    static final String H1 = "02:00:00:00:00:01", R1 = "02:00:00:00:00:fe";

    @Test
    void icmpEchoInEthernet() {
        byte[] f = Frames.ethernet(H1, R1).ipv4("10.1.1.1", "10.1.2.1", 64, 1, 4242).icmpEcho(8, 77, 1, "nltrace-abcdef12").build();
        Packet p = PacketDecoder.ethernet(f).orElseThrow();
        assertThat(p.ethernet()).isEqualTo(new Packet.Ethernet(H1, R1, List.of(), 0x0800));
        assertThat(p.ip()).contains(new Packet.Ip(4, "10.1.1.1", "10.1.2.1", 64, 1, 4242));
        assertThat(p.transport().get().icmpType()).isEqualTo(8);
        assertThat(p.transport().get().icmpId()).isEqualTo(77);
        assertThat(p.depth()).isZero();
        assertThat(PacketDecoder.contains(f, "nltrace-abcdef12".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(PacketDecoder.contains(f, "nltrace-abcdef13".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void vlanTagsAreReadOutermostFirst() {
        byte[] f = Frames.ethernet(H1, R1).vlan(100).vlan(20).ipv4("10.0.0.1", "10.0.0.2", 64, 6, 1).tcp(40000, 80, 123456789L, 0, 0x02).build();
        Packet p = PacketDecoder.ethernet(f).orElseThrow();
        assertThat(p.ethernet().vlans()).containsExactly(100, 20);
        Packet.Transport t = p.transport().orElseThrow();
        assertThat(t.kind()).isEqualTo("tcp");
        assertThat(t.tcpFlags()).isEqualTo("SYN");
        assertThat(t.tcpSeq()).isEqualTo(123456789L);
        assertThat(t.dstPort()).isEqualTo(80);
    }

    @Test
    void synAckAndRstFlags() {
        byte[] sa = Frames.ethernet(H1, R1).ipv4("10.0.0.2", "10.0.0.1", 64, 6, 1).tcp(80, 40000, 5, 123456790L, 0x12).build();
        byte[] rst = Frames.ethernet(H1, R1).ipv4("10.0.0.2", "10.0.0.1", 64, 6, 1).tcp(80, 40000, 0, 123456790L, 0x14).build();
        assertThat(PacketDecoder.ethernet(sa).get().transport().get().tcpFlags()).isEqualTo("SYN,ACK");
        assertThat(PacketDecoder.ethernet(rst).get().transport().get().tcpFlags()).isEqualTo("ACK,RST");
        assertThat(PacketDecoder.ethernet(rst).get().transport().get().tcpAck()).isEqualTo(123456790L);
    }

    @Test
    void vxlanCarriesAnEthernetFrameWithItsVni() {
        byte[] inner = Frames.ethernet(H1, "02:00:00:00:00:02").ipv4("10.0.0.1", "10.0.0.2", 64, 1, 9).icmpEcho(8, 1, 1, "x").build();
        byte[] f = Frames.ethernet("02:aa:00:00:00:01", "02:aa:00:00:00:02").ipv4("192.168.0.1", "192.168.0.2", 64, 17, 3)
                .udp(51000, 4789, 8 + 8 + inner.length).u32(0x08000000L).u32(42L << 8).bytes(inner).build();
        Packet p = PacketDecoder.ethernet(f).orElseThrow();
        assertThat(p.depth()).isEqualTo(1);
        assertThat(p.encapsulation().get().type()).isEqualTo("vxlan");
        assertThat(p.encapsulation().get().id()).contains(42L);
        assertThat(p.ip().get().src()).isEqualTo("192.168.0.1");
        Packet in = p.innermost();
        assertThat(in.ethernet().src()).isEqualTo(H1);
        assertThat(in.ip().get().dst()).isEqualTo("10.0.0.2");
        assertThat(Changes.encap(p)).isEqualTo("VXLAN VNI 42, outer 192.168.0.1 -> 192.168.0.2");
    }

    @Test
    void greWithAKeyCarriesAnIpPacket() {
        byte[] f = Frames.ethernet(H1, R1).ipv4("198.51.100.1", "198.51.100.2", 64, 47, 5)
                .u16(0x2000).u16(0x0800).u32(7).ipv4Only("10.0.0.1", "10.0.0.2", 63, 1, 6).icmpEcho(8, 1, 1, "y").build();
        Packet p = PacketDecoder.ethernet(f).orElseThrow();
        assertThat(p.encapsulation().get().type()).isEqualTo("gre");
        assertThat(p.encapsulation().get().id()).contains(7L);
        assertThat(p.innermost().ip().get().ttl()).isEqualTo(63);
        assertThat(Changes.encap(p)).isEqualTo("GRE key 7, outer 198.51.100.1 -> 198.51.100.2");
    }

    @Test
    void gretapCarriesEthernetAndIpInIpCarriesIp() {
        byte[] inner = Frames.ethernet(H1, R1).ipv4("10.0.0.1", "10.0.0.2", 64, 17, 1).udp(1, 2, 8).build();
        byte[] tap = Frames.ethernet(H1, R1).ipv4("198.51.100.1", "198.51.100.2", 64, 47, 5).u16(0).u16(0x6558).bytes(inner).build();
        assertThat(PacketDecoder.ethernet(tap).get().encapsulation().get().type()).isEqualTo("gretap");
        assertThat(PacketDecoder.ethernet(tap).get().innermost().ethernet().src()).isEqualTo(H1);
        byte[] ipip = Frames.ethernet(H1, R1).ipv4("198.51.100.1", "198.51.100.2", 64, 4, 5).ipv4Only("10.0.0.1", "10.0.0.2", 64, 17, 1).udp(1, 2, 8).build();
        Packet p = PacketDecoder.ethernet(ipip).get();
        assertThat(p.encapsulation().get().type()).isEqualTo("ipip");
        assertThat(p.innermost().transport().get().kind()).isEqualTo("udp");
    }

    @Test
    void truncatedFramesDecodeAsFarAsTheyGo() {
        byte[] f = Frames.ethernet(H1, R1).u16(0x0800).u16(0x4500).build();
        Packet p = PacketDecoder.ethernet(f).orElseThrow();
        assertThat(p.ip()).isEmpty();
        assertThat(PacketDecoder.ethernet(new byte[10])).isEqualTo(Optional.empty());
    }

    @Test
    void tcpdumpHexOutputIsReadBack() {
        TcpdumpOutput out = new TcpdumpOutput();
        out.line("1764140000.123456789 IP 10.1.1.1 > 10.1.2.1: ICMP echo request, id 5, seq 1, length 64");
        out.line("\t0x0000:  0200 0000 00fe 0200 0000 0001 0800 4500");
        out.line("\t0x0010:  0054");
        out.line("1764140000.2 IP 10.1.2.1 > 10.1.1.1: ICMP echo reply, id 5, seq 1, length 64");
        out.line("\t0x0000:  ffff ffff ffff 0200 0000 0002 0806");
        List<TcpdumpOutput.Frame> frames = out.frames();
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).nanos()).isEqualTo(1764140000_123456789L);
        assertThat(frames.get(0).bytes()).hasSize(18);
        assertThat(frames.get(0).bytes()[14]).isEqualTo((byte) 0x45);
        assertThat(frames.get(1).nanos()).isEqualTo(1764140000_200000000L);
    }
}
