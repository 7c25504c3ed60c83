package netlab.routing.config;

import java.util.List;
import netlab.net.Cidr;
import netlab.routing.spec.BgpFamily;
import netlab.routing.spec.BgpPolicy;
import netlab.routing.spec.OspfInterface;
import netlab.routing.spec.Redistribution;

/**
 * Writes one node's integrated FRR configuration (what {@code vtysh -b} reads from {@code frr.conf} and hands to
 * each daemon): interfaces, then OSPF, then route-maps, then BGP, then the raw {@code frr:} text. The same node
 * always gives the same text, line for line. Every word in it is a number, an address, a fixed keyword or a name
 * the parser held to a safe grammar; only the raw text, appended last, is the user's as written.
 *
 * <p>Choices, each a line of the text: {@code frr defaults traditional} (FRR's default profile, written so a
 * packager's other default cannot change the lab); BGP neighbours are activated explicitly in each family ({@code no
 * bgp default ipv4-unicast}); eBGP exchanges routes without policies ({@code no bgp ebgp-requires-policy}, FRR's
 * RFC 8212 default, would leave a lab's eBGP sessions up but empty).
 */
public final class FrrConfigWriter {
    private FrrConfigWriter() {}

    public static FrrConfigText write(FrrNode n) {
        StringBuilder sb = new StringBuilder();
        sb.append("! FRR configuration of node ").append(n.node()).append(", written by netlab from its routing section\n");
        sb.append("frr defaults traditional\n");
        n.ospf().ifPresent(o -> {
            for (OspfInterface i : o.interfaces()) ospfInterface(sb, i);
            sb.append("!\nrouter ospf\n");
            o.routerId().ifPresent(id -> sb.append(" ospf router-id ").append(id).append('\n'));
            for (Redistribution r : o.redistribute()) sb.append(" redistribute ").append(r.word()).append('\n');
            sb.append("exit\n");
        });
        n.bgp().ifPresent(b -> {
            for (BgpPolicy p : b.policies()) routeMap(sb, p, b.as());
            bgp(sb, b);
        });
        sb.append("!\n");
        int rawFirstLine = 0;
        if (n.raw().isPresent()) {
            sb.append("! the frr text of node ").append(n.node()).append(" in the topology:\n");
            rawFirstLine = (int) sb.chars().filter(c -> c == '\n').count() + 1;
            String raw = n.raw().get().text();
            sb.append(raw);
            if (!raw.endsWith("\n")) sb.append('\n');
        }
        return new FrrConfigText(n.node(), sb.toString(), rawFirstLine, n.raw());
    }

    private static void ospfInterface(StringBuilder sb, OspfInterface i) {
        sb.append("!\ninterface ").append(i.name()).append('\n');
        sb.append(" ip ospf area ").append(i.area().dotted()).append('\n');
        i.cost().ifPresent(c -> sb.append(" ip ospf cost ").append(c).append('\n'));
        i.network().ifPresent(t -> sb.append(" ip ospf network ").append(t.word()).append('\n'));
        i.helloSeconds().ifPresent(s -> sb.append(" ip ospf hello-interval ").append(s).append('\n'));
        i.deadSeconds().ifPresent(s -> sb.append(" ip ospf dead-interval ").append(s).append('\n'));
        if (i.passive()) sb.append(" ip ospf passive\n");
        sb.append("exit\n");
    }

    /** A policy is a route-map of one permit entry that sets its attributes on every route. */
    private static void routeMap(StringBuilder sb, BgpPolicy p, long ownAs) {
        sb.append("!\nroute-map ").append(p.name()).append(" permit 10\n");
        p.localPreference().ifPresent(v -> sb.append(" set local-preference ").append(v).append('\n'));
        p.prepend().ifPresent(times -> {
            sb.append(" set as-path prepend");
            for (int i = 0; i < times; i++) sb.append(' ').append(ownAs);
            sb.append('\n');
        });
        sb.append("exit\n");
    }

    private static void bgp(StringBuilder sb, BgpConfig b) {
        sb.append("!\nrouter bgp ").append(b.as()).append('\n');
        b.routerId().ifPresent(id -> sb.append(" bgp router-id ").append(id).append('\n'));
        sb.append(" no bgp default ipv4-unicast\n");
        sb.append(" no bgp ebgp-requires-policy\n");
        for (BgpSession s : b.sessions()) {
            if (s.unnumbered()) {
                sb.append(" neighbor ").append(s.peer()).append(" interface remote-as ").append(s.remoteAs().frr()).append('\n');
            } else {
                sb.append(" neighbor ").append(s.peer()).append(" remote-as ").append(s.remoteAs().frr()).append('\n');
            }
            s.updateSource().ifPresent(u -> sb.append(" neighbor ").append(s.peer()).append(" update-source ").append(u).append('\n'));
            s.description().ifPresent(t -> sb.append(" neighbor ").append(s.peer()).append(" description ").append(t).append('\n'));
        }
        for (BgpFamily f : b.families()) {
            sb.append(" !\n address-family ").append(f.frr()).append('\n');
            for (Cidr c : b.networks()) {
                if (c.isV6() == (f == BgpFamily.IPV6) && f != BgpFamily.EVPN) sb.append("  network ").append(c).append('\n');
            }
            if (f != BgpFamily.EVPN) {
                for (Redistribution r : b.redistribute()) {
                    if (r == Redistribution.OSPF && f == BgpFamily.IPV6) continue; // OSPFv2 routes are IPv4
                    sb.append("  redistribute ").append(r.word()).append('\n');
                }
            }
            for (BgpSession s : sessions(b, f)) {
                sb.append("  neighbor ").append(s.peer()).append(" activate\n");
                if (s.routeReflectorClient()) sb.append("  neighbor ").append(s.peer()).append(" route-reflector-client\n");
                s.importPolicy().ifPresent(p -> sb.append("  neighbor ").append(s.peer()).append(" route-map ").append(p).append(" in\n"));
                s.exportPolicy().ifPresent(p -> sb.append("  neighbor ").append(s.peer()).append(" route-map ").append(p).append(" out\n"));
            }
            if (f == BgpFamily.EVPN && b.advertiseAllVni()) sb.append("  advertise-all-vni\n");
            sb.append(" exit-address-family\n");
        }
        sb.append("exit\n");
    }

    private static List<BgpSession> sessions(BgpConfig b, BgpFamily f) {
        return b.sessions().stream().filter(s -> s.families().contains(f)).toList();
    }
}
