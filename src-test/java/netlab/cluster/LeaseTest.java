package netlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.net.MacAddress;
import org.junit.jupiter.api.Test;

/** Leases in flannel's layout: the key names the subnet, the value is one line of JSON flannel writes and reads. */
class LeaseTest {
    private static final Lease VXLAN = new Lease(Cidr.of("10.1.15.0/24"), IpAddress.of("192.168.0.11"), "vxlan",
            MacAddress.parse("0e:6e:00:00:00:01"));

    @Test
    void keyAndValueAreFlannels() {
        assertThat(VXLAN.key()).isEqualTo("/coreos.com/network/subnets/10.1.15.0-24");
        assertThat(VXLAN.value()).isEqualTo("{\"PublicIP\":\"192.168.0.11\",\"BackendType\":\"vxlan\",\"BackendData\":{\"VtepMAC\":\"0e:6e:00:00:00:01\"}}");
        Lease hostGw = new Lease(Cidr.of("10.1.20.0/24"), IpAddress.of("192.168.0.12"), "host-gw", Optional.empty());
        assertThat(hostGw.value()).isEqualTo("{\"PublicIP\":\"192.168.0.12\",\"BackendType\":\"host-gw\"}");
    }

    @Test
    void readsBackWhatItWritesAndWhatFlannelWrites() {
        assertThat(Lease.parse(VXLAN.key(), VXLAN.value())).contains(VXLAN);
        // flannel's own values carry more fields (PublicIPv6, VNI) and may be spaced out
        assertThat(Lease.parse("/coreos.com/network/subnets/10.1.15.0-24",
                "{ \"PublicIP\": \"192.168.0.11\", \"PublicIPv6\": null, \"BackendType\": \"vxlan\", \"BackendData\": {\"VNI\": 1, \"VtepMAC\": \"0E:6E:00:00:00:01\"}}"))
                .contains(VXLAN);
    }

    /** etcd is the lab's, but what a pod or a node writes there is anyone's: a forged backend type shows quoted, on one line. */
    @Test
    void aForgedBackendTypeIsShownQuotedOnOneLine() {
        Lease forged = Lease.parse(VXLAN.key(), "{\"PublicIP\":\"192.168.0.11\",\"BackendType\":\"vxlan\\n10.9.9.0/24 -> me\"}").orElseThrow();
        assertThat(forged.describe()).isEqualTo("10.1.15.0/24 -> 192.168.0.11 (\"vxlan\\n10.9.9.0/24 -> me\")").doesNotContain("\n");
    }

    @Test
    void whatIsNoLeaseIsSkipped() {
        assertThat(Lease.parse("/coreos.com/network/config", VXLAN.value())).isEmpty();
        assertThat(Lease.parse("/coreos.com/network/subnets/10.1.15.1-24", VXLAN.value())).as("not a network address").isEmpty();
        assertThat(Lease.parse(VXLAN.key(), "not json")).isEmpty();
        assertThat(Lease.parse(VXLAN.key(), "{\"BackendType\":\"vxlan\"}")).as("no PublicIP").isEmpty();
        assertThat(Flannel.subnetOfKey("/coreos.com/network/subnets/10.1.15.0-24")).contains(Cidr.of("10.1.15.0/24"));
    }

    @Test
    void theNetworkConfigSaysNetworkSubnetLenAndBackend() {
        ClusterSpec c = new ClusterSpec(Cidr.of("10.1.0.0/16"), 24, Backend.VXLAN, Optional.empty(), true, Optional.empty(),
                java.util.Map.of(), java.util.Map.of(), netlab.source.Pos.unknown(""), netlab.source.Pos.unknown(""));
        assertThat(Flannel.config(c)).isEqualTo("{\"Network\":\"10.1.0.0/16\",\"SubnetLen\":24,\"Backend\":{\"Type\":\"vxlan\",\"VNI\":1,\"Port\":4789}}");
    }
}
