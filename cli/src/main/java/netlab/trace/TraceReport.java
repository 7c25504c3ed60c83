package netlab.trace;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.json.Json;
import netlab.trace.Packet.Ip;
import netlab.trace.Packet.Transport;

/** A trace for people (hop by hop, headers shown where they change) and as JSON. */
public final class TraceReport {
    private TraceReport() {}

    public static void human(TraceResult r, PrintStream out) {
        out.printf("trace %s -> %s (%s): %s, lab %s%n", r.from(), r.to(), r.destination(), r.probe().describe(), r.lab());
        Packet shown = null;
        int n = 0;
        List<String> copies = new ArrayList<>();
        for (Hop h : r.request()) {
            if (!h.onPath()) {
                copies.add(h.at().label() + " (" + h.direction() + ")");
                continue;
            }
            n++;
            Packet p = h.sighting().packet();
            out.printf("%3d  %-28s %-3s%s%n", n, where(h), h.direction(), sameHeaders(shown, p) ? "  same headers" : "");
            for (String c : h.changes()) out.println("       * " + c);
            if (!sameHeaders(shown, p)) headers(p, r, out, "       ");
            shown = p;
        }
        if (n == 0) out.println("  (the probe was seen on no interface of the lab)");
        if (!copies.isEmpty()) out.println("  also seen, off the path (flooded copies): " + String.join(", ", copies));
        out.println(r.delivered() ? "=> " + r.verdict() : "=> " + r.verdict());
        for (String rule : r.rules()) out.println("   rule hit: " + rule);
        out.println("   answer: " + r.answer());
        List<String> back = new ArrayList<>();
        for (Hop h : r.reply()) if (h.onPath()) back.add(h.at().label());
        if (!back.isEmpty()) out.println("   answer's path: " + String.join(" -> ", back));
        if (!r.notListened().isEmpty()) out.println("   not listened on: " + String.join(", ", r.notListened()));
    }

    private static String where(Hop h) {
        return h.at().isSwitchPort() ? "switch " + h.at().label() : h.at().label();
    }

    private static boolean sameHeaders(Packet a, Packet b) {
        return a != null && a.equals(b);
    }

    private static void headers(Packet p, TraceResult r, PrintStream out, String indent) {
        out.println(indent + "L2  " + l2(p.ethernet(), r));
        if (p.encapsulation().isPresent()) {
            Packet.Encapsulation e = p.encapsulation().get();
            p.ip().ifPresent(ip -> out.println(indent + "L3  " + ip(ip, r) + (p.transport().isPresent() ? "  " + transport(p) : "")));
            out.println(indent + "    " + e.type().toUpperCase() + e.id().map(id -> (e.type().startsWith("gre") ? " key " : " VNI ") + id).orElse("")
                    + ", carrying:");
            headers(e.inner(), r, out, indent + "  ");
            return;
        }
        p.ip().ifPresent(ip -> out.println(indent + "L3  " + ip(ip, r) + "  " + transport(p)));
    }

    private static String l2(Packet.Ethernet e, TraceResult r) {
        if (e.src().isEmpty()) return "(no Ethernet header inside this tunnel)";
        String vlans = e.vlans().isEmpty() ? "" : "  vlan " + e.vlans();
        return mac(e.src(), r) + " -> " + mac(e.dst(), r) + vlans;
    }

    private static String mac(String mac, TraceResult r) {
        String owner = r.macOwners().get(mac.toLowerCase());
        if (mac.equals("ff:ff:ff:ff:ff:ff")) owner = "broadcast";
        return mac + (owner == null ? "" : " (" + owner + ")");
    }

    private static String ip(Ip ip, TraceResult r) {
        return addr(ip.src(), r) + " -> " + addr(ip.dst(), r) + "  ttl " + ip.ttl() + (ip.version() == 4 ? "  id " + ip.id() : "");
    }

    private static String addr(String a, TraceResult r) {
        String owner = r.ipOwners().get(a);
        return a + (owner == null ? "" : " (" + owner + ")");
    }

    static String transport(Packet p) {
        if (p.transport().isEmpty()) return p.ip().map(ip -> "protocol " + ip.protocol()).orElse("");
        Transport t = p.transport().get();
        return switch (t.kind()) {
            case "tcp" -> "TCP " + t.srcPort() + " -> " + t.dstPort() + " [" + t.tcpFlags() + "] seq " + t.tcpSeq();
            case "udp" -> "UDP " + t.srcPort() + " -> " + t.dstPort();
            default -> (t.kind().equals("icmp") ? "ICMP " : "ICMPv6 ") + icmp(t);
        };
    }

    private static String icmp(Transport t) {
        boolean v4 = t.kind().equals("icmp");
        if (t.icmpType() == (v4 ? 8 : 128)) return "echo request id " + t.icmpId() + " seq " + t.icmpSeq();
        if (t.icmpType() == (v4 ? 0 : 129)) return "echo reply id " + t.icmpId() + " seq " + t.icmpSeq();
        return Tracer.icmpName(t.kind(), t.icmpType(), t.icmpCode());
    }

    public static String json(TraceResult r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("lab", r.lab());
        doc.put("from", r.from());
        doc.put("to", r.to());
        doc.put("destination", r.destination());
        doc.put("protocol", r.probe().protocol());
        if (!r.probe().protocol().equals("icmp")) doc.put("port", r.probe().port());
        doc.put("delivered", r.delivered());
        doc.put("verdict", r.verdict());
        doc.put("answer", r.answer());
        doc.put("hops", hops(r.request(), r));
        doc.put("answer_hops", hops(r.reply(), r));
        doc.put("rules_hit", r.rules());
        doc.put("not_listened", r.notListened());
        return Json.write(doc);
    }

    private static List<Object> hops(List<Hop> hops, TraceResult r) {
        List<Object> out = new ArrayList<>();
        long t0 = hops.isEmpty() ? 0 : hops.get(0).sighting().nanos();
        for (Hop h : hops) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("where", h.at().label());
            if (h.at().node().isPresent()) {
                m.put("node", h.at().node().get());
                m.put("interface", h.at().ifname());
            } else {
                m.put("switch", h.at().element().replaceFirst("^switch ", ""));
                m.put("port", h.at().ifname());
            }
            m.put("direction", h.direction());
            m.put("on_path", h.onPath());
            m.put("time_us", (h.sighting().nanos() - t0) / 1000.0);
            m.put("changes", h.changes());
            m.putAll(packet(h.sighting().packet(), r));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> packet(Packet p, TraceResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> eth = new LinkedHashMap<>();
        eth.put("src", p.ethernet().src());
        eth.put("src_owner", r.macOwners().get(p.ethernet().src().toLowerCase()));
        eth.put("dst", p.ethernet().dst());
        eth.put("dst_owner", r.macOwners().get(p.ethernet().dst().toLowerCase()));
        eth.put("vlans", p.ethernet().vlans());
        m.put("ethernet", eth);
        p.ip().ifPresent(ip -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("version", ip.version());
            x.put("src", ip.src());
            x.put("dst", ip.dst());
            x.put("ttl", ip.ttl());
            x.put("protocol", ip.protocol());
            if (ip.version() == 4) x.put("id", ip.id());
            m.put("ip", x);
        });
        p.transport().ifPresent(t -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", t.kind());
            if (t.kind().equals("tcp") || t.kind().equals("udp")) {
                x.put("src_port", t.srcPort());
                x.put("dst_port", t.dstPort());
            }
            if (t.kind().equals("tcp")) {
                x.put("flags", t.tcpFlags());
                x.put("seq", t.tcpSeq());
            }
            if (t.kind().startsWith("icmp")) {
                x.put("type", t.icmpType());
                x.put("code", t.icmpCode());
                x.put("id", t.icmpId());
                x.put("seq", t.icmpSeq());
            }
            m.put("transport", x);
        });
        p.encapsulation().ifPresent(e -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("type", e.type());
            x.put("id", e.id().orElse(null));
            x.put("inner", packet(e.inner(), r));
            m.put("encapsulation", x);
        });
        return m;
    }
}
