package netlab.trace;

import java.util.List;
import java.util.Optional;

/**
 * One frame as decoded from its bytes: the Ethernet header (with any VLAN tags), the IP header, the transport
 * header, and, for a tunnel packet (VXLAN, Geneve, GRE, IP-in-IP), the encapsulation with the packet inside it.
 */
public record Packet(Ethernet ethernet, Optional<Ip> ip, Optional<Transport> transport, Optional<Encapsulation> encapsulation) {

    /** MACs as aa:bb:cc:dd:ee:ff; {@code vlans} outermost first. */
    public record Ethernet(String src, String dst, List<Integer> vlans, int etherType) {
        public Ethernet {
            vlans = List.copyOf(vlans);
        }
    }

    /** IPv4 or IPv6 header fields a trace shows ({@code ttl} is the hop limit for IPv6; {@code id} 0 for IPv6). */
    public record Ip(int version, String src, String dst, int ttl, int protocol, int id) {}

    /** ICMP, TCP or UDP; {@code kind} is "icmp", "tcp", "udp" (or "icmpv6"), other fields as they apply. */
    public record Transport(String kind, int srcPort, int dstPort, int icmpType, int icmpCode, int icmpId, int icmpSeq,
                            long tcpSeq, long tcpAck, String tcpFlags) {
        static Transport icmp(String kind, int type, int code, int id, int seq) {
            return new Transport(kind, 0, 0, type, code, id, seq, 0, 0, "");
        }

        static Transport tcp(int sport, int dport, long seq, long ack, String flags) {
            return new Transport("tcp", sport, dport, 0, 0, 0, 0, seq, ack, flags);
        }

        static Transport udp(int sport, int dport) {
            return new Transport("udp", sport, dport, 0, 0, 0, 0, 0, 0, "");
        }
    }

    /**
     * A tunnel header: {@code type} "vxlan", "geneve", "gre", "gretap" or "ipip"; {@code id} the VNI or GRE key when
     * there is one; {@code inner} the packet it carries.
     */
    public record Encapsulation(String type, Optional<Long> id, Packet inner) {}

    /** The packet the probe is: the innermost one. */
    public Packet innermost() {
        Packet p = this;
        while (p.encapsulation.isPresent()) p = p.encapsulation.get().inner();
        return p;
    }

    /** How many tunnel headers wrap the probe here (0: none). */
    public int depth() {
        int d = 0;
        for (Packet p = this; p.encapsulation.isPresent(); p = p.encapsulation.get().inner()) d++;
        return d;
    }
}
