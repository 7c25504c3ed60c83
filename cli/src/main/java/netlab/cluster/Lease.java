package netlab.cluster;

import java.util.Map;
import java.util.Optional;
import netlab.json.Json;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.net.MacAddress;

/**
 * One entry of the subnet table in etcd, in flannel's layout: the key {@code /coreos.com/network/subnets/10.1.15.0-24}
 * holds {@code {"PublicIP":"192.168.0.11","BackendType":"vxlan","BackendData":{"VtepMAC":"0e:6e:..."}}}: the node
 * that leased the subnet is reached at PublicIP, and (vxlan) its flannel.1 has the MAC VtepMAC.
 */
public record Lease(Cidr subnet, IpAddress publicIp, String backendType, Optional<MacAddress> vtepMac) {

    public String key() {
        return Flannel.leaseKey(subnet);
    }

    /** The value as flannel writes it: one line of JSON without spaces. */
    public String value() {
        StringBuilder sb = new StringBuilder("{\"PublicIP\":\"").append(publicIp).append("\",\"BackendType\":\"").append(backendType).append('"');
        vtepMac.ifPresent(m -> sb.append(",\"BackendData\":{\"VtepMAC\":\"").append(m).append("\"}"));
        return sb.append('}').toString();
    }

    /** Reads a key and value from etcd; empty when the key is no lease or the value not a lease's JSON. */
    public static Optional<Lease> parse(String key, String value) {
        Optional<Cidr> subnet = Flannel.subnetOfKey(key);
        if (subnet.isEmpty()) return Optional.empty();
        try {
            if (!(Json.parse(value) instanceof Map<?, ?> m)) return Optional.empty();
            Optional<IpAddress> ip = text(m.get("PublicIP")).flatMap(IpAddress::parse);
            if (ip.isEmpty()) return Optional.empty();
            String type = text(m.get("BackendType")).orElse("");
            Optional<MacAddress> mac = m.get("BackendData") instanceof Map<?, ?> data ? text(data.get("VtepMAC")).flatMap(MacAddress::parse)
                    : Optional.empty();
            return Optional.of(new Lease(subnet.get(), ip.get(), type, mac));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(Object o) {
        return o instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** "10.1.20.0/24 -> 192.168.0.12 (vxlan, VtepMAC 0e:6e:...)". */
    public String describe() {
        return subnet + " -> " + publicIp + " (" + netlab.text.Quoted.word(backendType) + vtepMac.map(m -> ", VtepMAC " + m).orElse("") + ")";
    }
}
