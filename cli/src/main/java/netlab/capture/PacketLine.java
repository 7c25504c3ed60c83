package netlab.capture;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import netlab.trace.Packet;
import netlab.trace.PacketDecoder;

/**
 * The one line a capture prints per frame when it writes no file: time, where it was seen (NODE:IFACE), and the
 * headers in tcpdump's spirit ({@code 10.1.1.1 > 10.1.2.1: ICMP echo request id 7 seq 1, ttl 64, 98 bytes}).
 */
final class PacketLine {
    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_RAW = 101;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private PacketLine() {}

    static String of(Frame f, String where, int linkType, ZoneId zone) {
        String time = TIME.format(Instant.ofEpochSecond(0, f.nanos()).atZone(zone));
        return time + " " + where + " " + describe(f.data(), linkType) + ", " + f.wireLength() + " bytes";
    }

    static String describe(byte[] data, int linkType) {
        Optional<Packet> p = switch (linkType) {
            case LINKTYPE_ETHERNET -> PacketDecoder.ethernet(data);
            case LINKTYPE_RAW, 12, 14 -> PacketDecoder.rawIp(data);
            default -> Optional.empty();
        };
        if (p.isEmpty()) return "link type " + linkType + " frame";
        return describe(p.get(), linkType == LINKTYPE_ETHERNET);
    }

    private static String describe(Packet p, boolean ethernet) {
        StringBuilder s = new StringBuilder();
        Packet.Ethernet e = p.ethernet();
        if (!e.vlans().isEmpty()) s.append("vlan ").append(e.vlans().stream().map(String::valueOf).reduce((a, b) -> a + "." + b).orElse("")).append(' ');
        if (p.ip().isEmpty()) {
            String what = switch (e.etherType()) {
                case 0x0806 -> "ARP";
                case 0x86dd -> "IPv6 (truncated)";
                case 0x0800 -> "IPv4 (truncated)";
                default -> String.format("ethertype 0x%04x", e.etherType());
            };
            return s.append(ethernet ? e.src() + " > " + e.dst() + " " : "").append(what).toString();
        }
        Packet.Ip ip = p.ip().get();
        s.append(ip.src()).append(" > ").append(ip.dst()).append(": ");
        Optional<Packet.Transport> t = p.transport();
        if (t.isPresent()) s.append(transport(t.get()));
        else if (p.encapsulation().isEmpty()) s.append(ip.version() == 4 ? "IPv4" : "IPv6").append(" protocol ").append(ip.protocol());
        s.append(", ").append(ip.version() == 4 ? "ttl " : "hlim ").append(ip.ttl());
        p.encapsulation().ifPresent(enc -> s.append(" [").append(enc.type()).append(enc.id().map(id -> " " + id).orElse(""))
                .append(": ").append(describe(enc.inner(), !enc.inner().ethernet().src().isEmpty())).append(']'));
        return s.toString();
    }

    private static String transport(Packet.Transport t) {
        return switch (t.kind()) {
            case "tcp" -> "TCP " + t.srcPort() + " > " + t.dstPort() + " [" + t.tcpFlags() + "] seq " + t.tcpSeq();
            case "udp" -> "UDP " + t.srcPort() + " > " + t.dstPort();
            case "icmp" -> "ICMP " + icmp(t.icmpType(), t.icmpCode()) + echo(t, 8, 0);
            case "icmpv6" -> "ICMPv6 " + icmpv6(t.icmpType(), t.icmpCode()) + echo(t, 128, 129);
            default -> t.kind();
        };
    }

    private static String echo(Packet.Transport t, int request, int reply) {
        return t.icmpType() == request || t.icmpType() == reply ? " id " + t.icmpId() + " seq " + t.icmpSeq() : "";
    }

    private static String icmp(int type, int code) {
        return switch (type) {
            case 8 -> "echo request";
            case 0 -> "echo reply";
            case 3 -> "destination unreachable (code " + code + ")";
            case 11 -> "time exceeded";
            default -> "type " + type + " code " + code;
        };
    }

    private static String icmpv6(int type, int code) {
        return switch (type) {
            case 128 -> "echo request";
            case 129 -> "echo reply";
            case 1 -> "destination unreachable (code " + code + ")";
            case 3 -> "time exceeded";
            case 133 -> "router solicitation";
            case 134 -> "router advertisement";
            case 135 -> "neighbour solicitation";
            case 136 -> "neighbour advertisement";
            default -> "type " + type + " code " + code;
        };
    }
}
