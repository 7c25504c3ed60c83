package netlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Optional;
import netlab.net.IpAddress;
import org.junit.jupiter.api.Test;

/** Which packets a ping's raw socket counts as its replies and errors: only its own, each once. No socket, no root. */
class EchoSessionTest {
    private static IcmpEcho.Session session(String dst, int size) {
        return new IcmpEcho.Session(null, -1, new IcmpEcho.Plan(IpAddress.of(dst), Optional.empty(), 3, Duration.ofMillis(200), size, false,
                Duration.ofSeconds(3)));
    }

    /** An IPv4 packet from {@code src} with {@code ttl}, carrying {@code icmp}. */
    private static byte[] ipv4(int ttl, byte[] icmp) {
        byte[] p = new byte[20 + icmp.length];
        p[0] = 0x45;
        p[8] = (byte) ttl;
        p[9] = 1;
        p[12] = 10;
        p[15] = 1; // from 10.0.0.1
        System.arraycopy(icmp, 0, p, 20, icmp.length);
        return p;
    }

    private static byte[] reply(byte[] request, int type) {
        byte[] r = request.clone();
        r[0] = (byte) type;
        return r;
    }

    private static void take(IcmpEcho.Session s, byte[] packet, long at) {
        s.take(packet, packet.length, -1, at);
    }

    @Test
    void ourReplyCountsOnceWithItsTtlAndRoundTrip() {
        IcmpEcho.Session s = session("10.0.0.2", 56);
        s.sent(1, 1_000_000);
        take(s, ipv4(61, reply(s.request(1), 0)), 3_500_000);
        take(s, ipv4(61, reply(s.request(1), 0)), 4_000_000); // a duplicate
        Echoes e = s.echoes();
        assertThat(e.sent()).isEqualTo(1);
        assertThat(e.replies()).containsExactly(new Echoes.Reply(1, 61, 2.5));
        assertThat(e.errors()).isEmpty();
    }

    @Test
    void anotherProbesRepliesAreNotOurs() {
        IcmpEcho.Session s = session("10.0.0.2", 56);
        IcmpEcho.Session other = session("10.0.0.2", 56);
        s.sent(1, 0);
        take(s, ipv4(64, reply(other.request(1), 0)), 1); // another identifier
        byte[] sameIdOtherToken = reply(s.request(1), 0);
        sameIdOtherToken[8] ^= 0x55;
        take(s, ipv4(64, sameIdOtherToken), 1);
        take(s, ipv4(64, reply(s.request(2), 0)), 1); // an echo never sent
        take(s, ipv4(64, s.request(1)), 1); // a request, not a reply
        assertThat(s.echoes().replies()).isEmpty();
    }

    @Test
    void anErrorQuotingOurEchoIsOurs() {
        IcmpEcho.Session s = session("10.0.0.2", 56);
        s.sent(1, 0);
        byte[] unreachable = new byte[8 + 20 + 8];
        unreachable[0] = 3;
        unreachable[1] = 1;
        byte[] quoted = ipv4(64, s.request(1));
        System.arraycopy(quoted, 0, unreachable, 8, 28);
        take(s, ipv4(64, unreachable), 1);
        IcmpEcho.Session other = session("10.0.0.2", 56);
        System.arraycopy(ipv4(64, other.request(1)), 0, unreachable, 8, 28);
        take(s, ipv4(64, unreachable), 1);
        assertThat(s.echoes().errors()).containsExactly("from 10.0.0.1: destination host unreachable");
        assertThat(s.echoes().replies()).isEmpty();
    }

    @Test
    void aPayloadShorterThanTheTokenIsKnownByItsIdentifier() {
        IcmpEcho.Session s = session("10.0.0.2", 0);
        s.sent(1, 0);
        take(s, ipv4(64, reply(s.request(1), 0)), 1_000_000);
        assertThat(s.echoes().replies()).hasSize(1);
    }

    @Test
    void anIpv6ReplyTakesItsHopLimitFromTheControlMessage() {
        IcmpEcho.Session s = session("fd00::2", 56);
        s.sent(1, 0);
        byte[] packet = reply(s.request(1), 129); // raw ICMPv6 sockets give no IP header
        ByteBuffer cmsg = ByteBuffer.allocate(24).order(ByteOrder.nativeOrder()).putLong(20).putInt(41).putInt(52).putInt(62);
        int hop = IcmpEcho.Session.hopLimit(cmsg.array(), 24);
        assertThat(hop).isEqualTo(62);
        s.take(packet, packet.length, hop, 2_000_000);
        assertThat(s.echoes().replies()).containsExactly(new Echoes.Reply(1, 62, 2.0));
    }

    @Test
    void theKernelsReceiveTimeIsTakenFromItsControlMessage() {
        // a hop limit (20 bytes, padded to 24), then SO_TIMESTAMPNS: 2 s and 500 ns
        ByteBuffer cmsg = ByteBuffer.allocate(56).order(ByteOrder.nativeOrder()).putLong(20).putInt(41).putInt(52).putInt(64).putInt(0)
                .putLong(32).putInt(1).putInt(35).putLong(2).putLong(500);
        assertThat(IcmpEcho.Session.received(cmsg.array(), 56)).contains(2_000_000_500L);
        assertThat(IcmpEcho.Session.hopLimit(cmsg.array(), 56)).isEqualTo(64);
        assertThat(IcmpEcho.Session.received(cmsg.array(), 24)).isEmpty();
    }
}
