package netlab.routing.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netlab.net.IpAddress;

/**
 * One VNI zebra knows for EVPN ({@code show evpn vni json}): its VXLAN device and the remote VTEPs learned from BGP
 * (each became a head-end replication entry in the device's forwarding table).
 */
public record EvpnVni(long vni, String type, String vxlanInterface, List<IpAddress> remoteVteps) {
    public EvpnVni {
        remoteVteps = List.copyOf(remoteVteps);
    }

    /** zebra with EVPN off (no {@code advertise-all-vni} in any bgpd) answers nothing at all, not even {}: no VNIs. */
    public static List<EvpnVni> parse(String json) {
        if (json.isBlank()) return List.of();
        JsonFields j = new JsonFields(FrrShow.EVPN_VNIS);
        List<EvpnVni> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : j.object(json).entrySet()) {
            Map<String, Object> v = j.object(e.getValue(), "VNI " + e.getKey());
            String what = "VNI " + e.getKey();
            List<IpAddress> vteps = new ArrayList<>();
            for (Object o : j.list(v.getOrDefault("remoteVteps", List.of()), "the remote VTEPs of " + what)) {
                if (!(o instanceof String s) || IpAddress.parse(s).isEmpty()) throw j.bad("a remote VTEP of " + what + " is not an address");
                vteps.add(IpAddress.of(s));
            }
            out.add(new EvpnVni(j.number(v, "vni", what), j.string(v, "type", what), j.optionalString(v, "vxlanIf").orElse(""), vteps));
        }
        return out;
    }
}
