package netlab.routing.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.json.Json;
import netlab.net.Cidr;
import netlab.net.IpAddress;

/**
 * A route in the node's kernel table as {@code ip -j route show} prints it, with the protocol that installed it:
 * what zebra installed from OSPF is {@code ospf}, from BGP {@code bgp} (iproute2's names for protocols 188 and 186).
 * The kernel's view is independent of FRR's own: a route FRR selected but the kernel lacks forwards nothing.
 */
public record KernelRoute(Cidr destination, Optional<IpAddress> gateway, Optional<String> dev, String protocol) {

    public static List<KernelRoute> parse(String json, boolean v6) {
        Object v;
        try {
            v = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new FrrQueryException("ip's routes are not JSON: " + e.getMessage());
        }
        if (!(v instanceof List<?> rows)) throw new FrrQueryException("ip's routes are not a JSON list");
        List<KernelRoute> out = new ArrayList<>();
        for (Object o : rows) {
            if (!(o instanceof Map<?, ?> r) || !(r.get("dst") instanceof String dst)) throw new FrrQueryException("a route from ip has no destination");
            Optional<Cidr> d = destination(dst, v6);
            if (d.isEmpty()) continue; // multicast, unreachable... types netlab does not read
            String protocol = r.get("protocol") instanceof String p ? p : r.get("protocol") instanceof Number n ? n.toString() : "boot";
            out.add(new KernelRoute(d.get(), r.get("gateway") instanceof String g ? IpAddress.parse(g) : Optional.empty(),
                    r.get("dev") instanceof String dev ? Optional.of(dev) : Optional.empty(), protocol));
        }
        return out;
    }

    private static Optional<Cidr> destination(String dst, boolean v6) {
        if (dst.equals("default")) return Optional.of(Cidr.of(v6 ? "::/0" : "0.0.0.0/0"));
        if (dst.contains("/")) return Cidr.parse(dst);
        return IpAddress.parse(dst).map(a -> new Cidr(a, a.bits()));
    }
}
