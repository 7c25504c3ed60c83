package netlab.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.trace.Packet.Encapsulation;
import netlab.trace.Packet.Ethernet;
import netlab.trace.Packet.Ip;
import netlab.trace.Packet.Transport;

/**
 * Decodes captured Ethernet frames: 802.1Q/802.1ad tags, IPv4/IPv6, ICMP/TCP/UDP, and tunnels: VXLAN (UDP 4789)
 * and Geneve (UDP 6081) carrying Ethernet, GRE (with its key; IP or Ethernet inside), IP-in-IP. Truncated frames
 * decode as far as their bytes go.
 */
public final class PacketDecoder {
    static final int VXLAN_PORT = 4789;
    static final int GENEVE_PORT = 6081;

    private PacketDecoder() {}

    public static Optional<Packet> ethernet(byte[] f) {
        return ethernet(f, 0);
    }

    /** A packet captured on an L3 device (no Ethernet header): IPv4 or IPv6 by its version nibble. */
    public static Optional<Packet> rawIp(byte[] f) {
        if (f.length < 1) return Optional.empty();
        int type = (f[0] >> 4 & 0xf) == 6 ? 0x86dd : 0x0800;
        Layers l = ip(f, 0, type);
        return Optional.of(new Packet(new Ethernet("", "", List.of(), type), l.ip, l.transport, l.encap));
    }

    private static Optional<Packet> ethernet(byte[] f, int off) {
        if (f.length < off + 14) return Optional.empty();
        String dst = mac(f, off), src = mac(f, off + 6);
        int type = u16(f, off + 12);
        int p = off + 14;
        List<Integer> vlans = new ArrayList<>();
        while ((type == 0x8100 || type == 0x88a8) && f.length >= p + 4) {
            vlans.add(u16(f, p) & 0x0fff);
            type = u16(f, p + 2);
            p += 4;
        }
        Ethernet eth = new Ethernet(src, dst, vlans, type);
        Layers l = ip(f, p, type);
        return Optional.of(new Packet(eth, l.ip, l.transport, l.encap));
    }

    private record Layers(Optional<Ip> ip, Optional<Transport> transport, Optional<Encapsulation> encap) {
        static final Layers NONE = new Layers(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Layers ip(byte[] f, int p, int etherType) {
        if (etherType == 0x0800 && f.length >= p + 20 && (f[p] >> 4 & 0xf) == 4) {
            int ihl = (f[p] & 0xf) * 4;
            Ip ip = new Ip(4, ipv4(f, p + 12), ipv4(f, p + 16), f[p + 8] & 0xff, f[p + 9] & 0xff, u16(f, p + 4));
            boolean firstFragment = (u16(f, p + 6) & 0x1fff) == 0;
            return firstFragment ? transport(f, p + ihl, ip) : new Layers(Optional.of(ip), Optional.empty(), Optional.empty());
        }
        if (etherType == 0x86dd && f.length >= p + 40) {
            Ip ip = new Ip(6, ipv6(f, p + 8), ipv6(f, p + 24), f[p + 7] & 0xff, f[p + 6] & 0xff, 0);
            return transport(f, p + 40, ip);
        }
        return Layers.NONE;
    }

    private static Layers transport(byte[] f, int p, Ip ip) {
        Optional<Ip> oip = Optional.of(ip);
        switch (ip.protocol()) {
            case 1, 58 -> {
                if (f.length < p + 8) return new Layers(oip, Optional.empty(), Optional.empty());
                int type = f[p] & 0xff;
                return new Layers(oip, Optional.of(Transport.icmp(ip.protocol() == 1 ? "icmp" : "icmpv6", type, f[p + 1] & 0xff,
                        u16(f, p + 4), u16(f, p + 6))), Optional.empty());
            }
            case 6 -> {
                if (f.length < p + 14) return new Layers(oip, Optional.empty(), Optional.empty());
                return new Layers(oip, Optional.of(Transport.tcp(u16(f, p), u16(f, p + 2), u32(f, p + 4), u32(f, p + 8),
                        tcpFlags(f[p + 13] & 0xff))), Optional.empty());
            }
            case 17 -> {
                if (f.length < p + 8) return new Layers(oip, Optional.empty(), Optional.empty());
                int sport = u16(f, p), dport = u16(f, p + 2);
                Optional<Transport> udp = Optional.of(Transport.udp(sport, dport));
                if (dport == VXLAN_PORT && f.length >= p + 16 && (f[p + 8] & 0x08) != 0) {
                    long vni = (u32(f, p + 12) >> 8) & 0xffffff;
                    return new Layers(oip, udp, ethernet(f, p + 16).map(in -> new Encapsulation("vxlan", Optional.of(vni), in)));
                }
                if (dport == GENEVE_PORT && f.length >= p + 16) {
                    int optLen = (f[p + 8] & 0x3f) * 4;
                    long vni = (u32(f, p + 12) >> 8) & 0xffffff;
                    if (u16(f, p + 10) == 0x6558) {
                        return new Layers(oip, udp, ethernet(f, p + 16 + optLen).map(in -> new Encapsulation("geneve", Optional.of(vni), in)));
                    }
                }
                return new Layers(oip, udp, Optional.empty());
            }
            case 47 -> {
                return new Layers(oip, Optional.empty(), gre(f, p));
            }
            case 4, 41 -> {
                int inner = ip.protocol() == 4 ? 0x0800 : 0x86dd;
                Layers l = ip(f, p, inner);
                if (l.ip.isEmpty()) return new Layers(oip, Optional.empty(), Optional.empty());
                Packet in = new Packet(new Ethernet("", "", List.of(), inner), l.ip, l.transport, l.encap);
                return new Layers(oip, Optional.empty(), Optional.of(new Encapsulation("ipip", Optional.empty(), in)));
            }
            default -> {
                return new Layers(oip, Optional.empty(), Optional.empty());
            }
        }
    }

    /** GRE: flags (checksum, key, sequence present), protocol; Ethernet inside for gretap, IP for gre. */
    private static Optional<Encapsulation> gre(byte[] f, int p) {
        if (f.length < p + 4) return Optional.empty();
        int flags = u16(f, p), proto = u16(f, p + 2);
        int q = p + 4;
        if ((flags & 0x8000) != 0) q += 4; // checksum + reserved
        Optional<Long> key = Optional.empty();
        if ((flags & 0x2000) != 0) {
            if (f.length < q + 4) return Optional.empty();
            key = Optional.of(u32(f, q));
            q += 4;
        }
        if ((flags & 0x1000) != 0) q += 4; // sequence number
        if (proto == 0x6558) {
            Optional<Long> k = key;
            return ethernet(f, q).map(in -> new Encapsulation("gretap", k, in));
        }
        Layers l = ip(f, q, proto);
        if (l.ip.isEmpty()) return Optional.empty();
        return Optional.of(new Encapsulation("gre", key, new Packet(new Ethernet("", "", List.of(), proto), l.ip, l.transport, l.encap)));
    }

    private static String tcpFlags(int b) {
        StringBuilder sb = new StringBuilder();
        if ((b & 0x02) != 0) sb.append("SYN,");
        if ((b & 0x10) != 0) sb.append("ACK,");
        if ((b & 0x01) != 0) sb.append("FIN,");
        if ((b & 0x04) != 0) sb.append("RST,");
        if ((b & 0x08) != 0) sb.append("PSH,");
        return sb.length() == 0 ? "" : sb.substring(0, sb.length() - 1);
    }

    static int u16(byte[] f, int p) {
        return (f[p] & 0xff) << 8 | (f[p + 1] & 0xff);
    }

    static long u32(byte[] f, int p) {
        return ((long) (f[p] & 0xff) << 24) | ((f[p + 1] & 0xff) << 16) | ((f[p + 2] & 0xff) << 8) | (f[p + 3] & 0xff);
    }

    private static String mac(byte[] f, int p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) sb.append(i == 0 ? "" : ":").append(String.format("%02x", f[p + i] & 0xff));
        return sb.toString();
    }

    private static String ipv4(byte[] f, int p) {
        return (f[p] & 0xff) + "." + (f[p + 1] & 0xff) + "." + (f[p + 2] & 0xff) + "." + (f[p + 3] & 0xff);
    }

    private static String ipv6(byte[] f, int p) {
        return new netlab.net.IpAddress(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(f, p, p + 16)), 128).toString();
    }

    /** True when {@code needle} occurs in {@code hay}: how the probe's marker is found wherever it travels. */
    public static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
