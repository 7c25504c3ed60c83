package netlab.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void parsesAndPrintsIpv4() {
        Cidr c = Cidr.of("10.0.1.7/24");
        assertThat(c.toString()).isEqualTo("10.0.1.7/24");
        assertThat(c.network().toString()).isEqualTo("10.0.1.0/24");
        assertThat(c.isNetwork()).isFalse();
        assertThat(c.contains(IpAddress.of("10.0.1.200"))).isTrue();
        assertThat(c.contains(IpAddress.of("10.0.2.1"))).isFalse();
    }

    @Test
    void rejectsMalformed() {
        assertThat(Cidr.parse("10.0.1.7")).isEmpty();
        assertThat(Cidr.parse("10.0.1.256/24")).isEmpty();
        assertThat(Cidr.parse("10.0.1.1/33")).isEmpty();
        assertThat(Cidr.parse("10.0.01.1/24")).isEmpty();
        assertThat(Cidr.parse("host.example/24")).isEmpty();
        assertThat(Cidr.parse("2001:db8::1/129")).isEmpty();
        assertThat(Cidr.parse("1:2:3:4:5:6:7:8:9/64")).isEmpty();
        assertThat(Cidr.parse("1::2::3/64")).isEmpty();
        assertThat(Cidr.parse("10.0.1.0 /24")).isEmpty();
        assertThat(Cidr.parse("10.0.1.0/ 24")).isEmpty();
    }

    @Test
    void ipv6IsCanonical() {
        assertThat(Cidr.of("2001:DB8:0:0:0:0:0:1/64").toString()).isEqualTo("2001:db8::1/64");
        assertThat(IpAddress.of("::").toString()).isEqualTo("::");
        assertThat(IpAddress.of("fe80::1:0:0:1").toString()).isEqualTo("fe80::1:0:0:1");
        assertThat(IpAddress.of("::ffff:10.0.0.1").toString()).isEqualTo("::ffff:a00:1");
        assertThat(IpAddress.of("1:0:0:2:0:0:0:3").toString()).isEqualTo("1:0:0:2::3");
    }

    @Test
    void hostsSkipNetworkAndBroadcast() {
        Cidr net = Cidr.of("10.0.0.0/30");
        assertThat(net.host(1)).contains(Cidr.of("10.0.0.1/30"));
        assertThat(net.host(2)).contains(Cidr.of("10.0.0.2/30"));
        assertThat(net.host(3)).isEmpty();
        assertThat(Cidr.of("10.0.0.0/31").host(2)).contains(Cidr.of("10.0.0.1/31"));
        assertThat(Cidr.of("2001:db8::/64").host(1)).contains(Cidr.of("2001:db8::1/64"));
        assertThat(Cidr.of("10.0.0.4/30").isBroadcastAddressOfSubnet()).isFalse();
        assertThat(Cidr.of("10.0.0.3/30").isBroadcastAddressOfSubnet()).isTrue();
        assertThat(Cidr.of("10.0.0.0/30").isNetworkAddressOfSubnet()).isTrue();
    }
}
