package netlab.routing.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.net.Cidr;
import netlab.net.IpAddress;

/**
 * One route of zebra's routing table ({@code show ip route json}, {@code show ipv6 route json}): every protocol's
 * candidate, the selected one marked.
 *
 * @param protocol  connected, kernel, static, ospf, bgp...
 * @param selected  the best of the candidates for the prefix
 * @param installed in the kernel's table
 */
public record RibRoute(Cidr prefix, String protocol, boolean selected, boolean installed, long distance, long metric, List<Nexthop> nexthops) {
    public RibRoute {
        nexthops = List.copyOf(nexthops);
    }

    /** A next hop: a gateway, an interface, or both. */
    public record Nexthop(Optional<IpAddress> gateway, Optional<String> iface, boolean active) {}

    public static List<RibRoute> parse(String json, boolean v6) {
        JsonFields j = new JsonFields(v6 ? FrrShow.IPV6_ROUTES : FrrShow.IPV4_ROUTES);
        List<RibRoute> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : j.object(json).entrySet()) {
            Cidr prefix = Cidr.parse(e.getKey()).orElseThrow(() -> j.bad("'" + e.getKey() + "' is not a prefix"));
            for (Object o : j.list(e.getValue(), "the routes of " + e.getKey())) {
                Map<String, Object> r = j.object(o, "a route of " + e.getKey());
                String what = "a route of " + e.getKey();
                List<Nexthop> hops = new ArrayList<>();
                for (Object h : j.list(r.getOrDefault("nexthops", List.of()), "the next hops of " + e.getKey())) {
                    Map<String, Object> n = j.object(h, "a next hop of " + e.getKey());
                    hops.add(new Nexthop(j.optionalString(n, "ip").flatMap(IpAddress::parse), j.optionalString(n, "interfaceName"), j.flag(n, "active")));
                }
                out.add(new RibRoute(prefix, j.string(r, "protocol", what), j.flag(r, "selected"), j.flag(r, "installed"),
                        j.number(r, "distance", 0), j.number(r, "metric", 0), hops));
            }
        }
        return out;
    }
}
