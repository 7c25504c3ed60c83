package netlab.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PacketLineTest {
    static final String ETH = "020000000002" + "020000000001";
    // IPv4, ttl 64, ICMP, 10.1.1.1 > 10.1.2.1; echo request id 7 seq 1
    static final String ICMP4 = ETH + "0800" + "45000054" + "1e2a4000" + "4001" + "0000" + "0a010101" + "0a010201" + "0800" + "0000" + "0007" + "0001";
    // IPv6, hop limit 255, ICMPv6 neighbour solicitation 2001:db8::1 > ff02::1:ff00:2
    static final String NS6 = ETH + "86dd" + "60000000" + "0020" + "3a" + "ff" + "20010db8000000000000000000000001"
            + "ff0200000000000000000001ff000002" + "8700" + "0000" + "00000000";

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void anEchoRequestShowsWhereWhenAddressesTypeIdSeqTtlAndLength() {
        Frame f = new Frame(0, 1_700_000_000_123_456_789L, 98, hex(ICMP4));
        assertThat(PacketLine.of(f, "h1:eth1", 1, ZoneOffset.UTC))
                .isEqualTo("22:13:20.123456 h1:eth1 10.1.1.1 > 10.1.2.1: ICMP echo request id 7 seq 1, ttl 64, 98 bytes");
    }

    @Test
    void neighbourDiscoveryArpAndRawIpAreNamed() {
        assertThat(PacketLine.describe(hex(NS6), 1)).isEqualTo("2001:db8::1 > ff02::1:ff00:2: ICMPv6 neighbour solicitation, hlim 255");
        assertThat(PacketLine.describe(hex(ETH + "0806" + "0001080006040001"), 1)).isEqualTo("02:00:00:00:00:01 > 02:00:00:00:00:02 ARP");
        assertThat(PacketLine.describe(hex(ICMP4.substring(28)), 101)).isEqualTo("10.1.1.1 > 10.1.2.1: ICMP echo request id 7 seq 1, ttl 64");
        assertThat(PacketLine.describe(hex("00"), 113)).isEqualTo("link type 113 frame");
    }
}
