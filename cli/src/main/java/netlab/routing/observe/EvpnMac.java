package netlab.routing.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.net.IpAddress;
import netlab.net.MacAddress;

/**
 * One MAC zebra holds for an EVPN VNI ({@code show evpn mac vni all json}): local (learned on one of the bridge's
 * own ports, announced as a type-2 route) or remote (received in a type-2 route, behind {@code remoteVtep}).
 */
public record EvpnMac(long vni, MacAddress mac, String type, Optional<IpAddress> remoteVtep) {
    public boolean remote() {
        return type.equals("remote");
    }

    /** zebra with EVPN off (no {@code advertise-all-vni} in any bgpd) answers nothing at all, not even {}: no VNIs. */
    public static List<EvpnMac> parse(String json) {
        if (json.isBlank()) return List.of();
        JsonFields j = new JsonFields(FrrShow.EVPN_MACS);
        List<EvpnMac> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : j.object(json).entrySet()) {
            String what = "VNI " + e.getKey();
            long vni;
            try {
                vni = Long.parseLong(e.getKey());
            } catch (NumberFormatException x) {
                throw j.bad(what + " is not a number");
            }
            Map<String, Object> v = j.object(e.getValue(), what);
            for (Map.Entry<String, Object> m : j.object(v.getOrDefault("macs", Map.of()), "the MACs of " + what).entrySet()) {
                String where = "MAC " + m.getKey() + " of " + what;
                Optional<MacAddress> mac = MacAddress.parse(m.getKey());
                if (mac.isEmpty()) throw j.bad(where + " is not a MAC address");
                Map<String, Object> row = j.object(m.getValue(), where);
                Optional<String> vtep = j.optionalString(row, "remoteVtep");
                if (vtep.isPresent() && IpAddress.parse(vtep.get()).isEmpty()) throw j.bad("the remote VTEP of " + where + " is not an address");
                out.add(new EvpnMac(vni, mac.get(), j.string(row, "type", where), vtep.map(IpAddress::of)));
            }
        }
        return out;
    }
}
