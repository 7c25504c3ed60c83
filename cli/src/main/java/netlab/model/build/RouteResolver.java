package netlab.model.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.model.ModelRoute;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.source.Diagnostics;
import netlab.source.Suggest;
import netlab.topology.RouteSpec;

/**
 * Resolves a node's routes: a gateway written as a node name becomes that node's address in a subnet both
 * share; every gateway must be in one of the node's own subnets (on-link), or an IPv6 link-local address with the
 * route's dev, and of the destination's family.
 */
final class RouteResolver {
    private final Map<String, ModelNode> nodes;
    private final Diagnostics d;

    RouteResolver(Map<String, ModelNode> nodes, Diagnostics d) {
        this.nodes = nodes;
        this.d = d;
    }

    List<ModelRoute> resolve(ModelNode n) {
        List<ModelRoute> out = new ArrayList<>();
        boolean[] defaults = new boolean[2];
        for (RouteSpec r : n.spec().routes()) {
            if (r.dev().isPresent() && !n.interfaces().containsKey(r.dev().get())) {
                d.error(r.pos(), "route to " + r.describeDestination() + " of node '" + n.name() + "': it has no interface '"
                        + r.dev().get() + "'" + Suggest.hint(r.dev().get(), n.interfaces().keySet()));
                continue;
            }
            Optional<IpAddress> via = Optional.empty();
            boolean v6 = r.v6();
            if (r.via().isPresent()) {
                Optional<IpAddress> gw = gateway(n, r, v6);
                if (gw.isEmpty()) continue;
                via = gw;
            }
            if (r.to().isEmpty()) {
                int fam = v6 ? 1 : 0;
                if (defaults[fam]) {
                    d.error(r.pos(), "node '" + n.name() + "' has two " + (v6 ? "IPv6 " : "") + "default routes ('gateway' and a route to default?)");
                    continue;
                }
                defaults[fam] = true;
            }
            out.add(new ModelRoute(r.to(), v6, via, r.dev(), r.metric()));
        }
        return out;
    }

    private Optional<IpAddress> gateway(ModelNode n, RouteSpec r, boolean v6) {
        String text = r.via().get();
        String route = "route to " + r.describeDestination() + " of node '" + n.name() + "'";
        Optional<IpAddress> literal = IpAddress.parse(text);
        if (literal.isPresent()) {
            IpAddress a = literal.get();
            if (a.isV6() != v6) {
                d.error(r.pos(), route + ": gateway " + a + " is " + a.family() + " but the destination is " + (v6 ? "IPv6" : "IPv4"));
                return Optional.empty();
            }
            if (isLinkLocal(a)) {
                // on-link by definition, but on which link only dev says (as 'ip route ... via fe80::1 dev eth1')
                if (r.dev().isPresent()) return literal;
                d.error(r.pos(), route + ": gateway " + a + " is link-local: give the interface it is on ('dev')");
                return Optional.empty();
            }
            if (connected(n, a).isEmpty()) {
                d.error(r.pos(), route + ": gateway " + a + " is not in any subnet of the node (its addresses: " + addresses(n) + ")");
                return Optional.empty();
            }
            if (n.interfaces().values().stream().anyMatch(i -> i.addresses().stream().anyMatch(c -> c.address().equals(a)))) {
                d.error(r.pos(), route + ": gateway " + a + " is the node's own address");
                return Optional.empty();
            }
            return literal;
        }
        ModelNode gw = nodes.get(text);
        if (gw == null) {
            d.error(r.pos(), route + ": gateway '" + text + "' is neither an IP address nor a node" + Suggest.hint(text, nodes.keySet()));
            return Optional.empty();
        }
        if (gw == n) {
            d.error(r.pos(), route + ": a node cannot be its own gateway");
            return Optional.empty();
        }
        for (ModelInterface gi : gw.interfaces().values()) {
            for (Cidr c : gi.addresses()) {
                if (c.isV6() == v6 && connected(n, c.address()).isPresent()) return Optional.of(c.address());
            }
        }
        d.error(r.pos(), route + ": node '" + text + "' has no " + (v6 ? "IPv6" : "IPv4") + " address in a subnet of '" + n.name()
                + "', so it cannot be its gateway");
        return Optional.empty();
    }

    /** fe80::/10: an IPv6 address valid on one link only. */
    static boolean isLinkLocal(IpAddress a) {
        return a.isV6() && a.value().shiftRight(118).intValue() == 0x3FA;
    }

    /** The node's interface address whose subnet contains {@code a}. */
    static Optional<Cidr> connected(ModelNode n, IpAddress a) {
        for (ModelInterface i : n.interfaces().values()) {
            for (Cidr c : i.addresses()) if (c.contains(a)) return Optional.of(c);
        }
        return Optional.empty();
    }

    private static String addresses(ModelNode n) {
        List<String> all = new ArrayList<>();
        n.interfaces().values().forEach(i -> i.addresses().forEach(c -> all.add(c.toString())));
        return all.isEmpty() ? "none" : String.join(", ", all);
    }
}
