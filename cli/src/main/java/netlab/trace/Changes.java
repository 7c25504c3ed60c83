package netlab.trace;

import java.util.ArrayList;
import java.util.List;
import netlab.trace.Packet.Encapsulation;
import netlab.trace.Packet.Ip;
import netlab.trace.Packet.Transport;

/** What happened to the packet between two consecutive hops of its path, in words. */
final class Changes {
    private Changes() {}

    static List<String> between(Sighting prev, Sighting cur) {
        List<String> out = new ArrayList<>();
        String where = cur.at().element();
        Packet a = prev.packet(), b = cur.packet();
        Packet ai = a.innermost(), bi = b.innermost();
        if (b.depth() > a.depth()) out.add("encapsulated by " + where + ": " + encap(b));
        if (b.depth() < a.depth()) out.add("decapsulated by " + where + " (" + a.encapsulation().map(Encapsulation::type).orElse("tunnel") + " header removed)");
        if (ai.ip().isPresent() && bi.ip().isPresent()) {
            Ip x = ai.ip().get(), y = bi.ip().get();
            String xs = endpoint(x.src(), ai, true), ys = endpoint(y.src(), bi, true);
            String xd = endpoint(x.dst(), ai, false), yd = endpoint(y.dst(), bi, false);
            if (!xs.equals(ys)) out.add("source NAT by " + where + ": " + xs + " -> " + ys);
            if (!xd.equals(yd)) out.add("destination NAT by " + where + ": " + xd + " -> " + yd);
            if (x.ttl() != y.ttl()) out.add((y.ttl() < x.ttl() ? "routed by " : "ttl changed by ") + where + ": ttl " + x.ttl() + " -> " + y.ttl());
        }
        if (a.depth() == b.depth() && a.depth() > 0 && a.ip().isPresent() && b.ip().isPresent() && a.ip().get().ttl() != b.ip().get().ttl()) {
            out.add("routed by " + where + ": outer ttl " + a.ip().get().ttl() + " -> " + b.ip().get().ttl());
        }
        boolean l2 = !a.ethernet().src().equals(b.ethernet().src()) || !a.ethernet().dst().equals(b.ethernet().dst());
        if (l2 && b.depth() == a.depth()) out.add("new Ethernet header from " + where);
        if (!a.ethernet().vlans().equals(b.ethernet().vlans())) {
            out.add(b.ethernet().vlans().isEmpty() ? "VLAN tag removed by " + where : "VLAN tag " + b.ethernet().vlans() + " by " + where);
        }
        return out;
    }

    /** "10.0.0.1:40000", or the address alone (with the ICMP id for echo) when there are no ports. */
    static String endpoint(String address, Packet p, boolean source) {
        if (p.transport().isEmpty()) return address;
        Transport t = p.transport().get();
        if (t.kind().equals("tcp") || t.kind().equals("udp")) return address + ":" + (source ? t.srcPort() : t.dstPort());
        return address;
    }

    static String encap(Packet outer) {
        Encapsulation e = outer.encapsulation().get();
        String id = e.id().map(v -> (e.type().equals("vxlan") || e.type().equals("geneve") ? " VNI " : " key ") + v).orElse("");
        String ips = outer.ip().map(ip -> ", outer " + ip.src() + " -> " + ip.dst()).orElse("");
        return e.type().toUpperCase() + id + ips;
    }
}
