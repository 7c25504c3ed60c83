package netlab.trace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds frames byte by byte for decoder and path tests (the same bytes tcpdump would show). */
final class Frames {
    private final ByteArrayOutputStream b = new ByteArrayOutputStream();

    static Frames ethernet(String src, String dst) {
        Frames f = new Frames();
        f.mac(dst).mac(src);
        return f;
    }

    Frames mac(String m) {
        for (String x : m.split(":")) b.write(Integer.parseInt(x, 16));
        return this;
    }

    Frames u16(int v) {
        b.write(v >> 8 & 0xff);
        b.write(v & 0xff);
        return this;
    }

    Frames u32(long v) {
        return u16((int) (v >> 16 & 0xffff)).u16((int) (v & 0xffff));
    }

    Frames bytes(byte[] x) {
        b.writeBytes(x);
        return this;
    }

    Frames ip(String a) {
        for (String x : a.split("\\.")) b.write(Integer.parseInt(x));
        return this;
    }

    Frames vlan(int id) {
        return u16(0x8100).u16(id);
    }

    /** IPv4 header (20 bytes, no options) after the EtherType. */
    Frames ipv4(String src, String dst, int ttl, int proto, int id) {
        return u16(0x0800).u16(0x4500).u16(84).u16(id).u16(0x4000).bytes(new byte[] {(byte) ttl, (byte) proto}).u16(0).ip(src).ip(dst);
    }

    /** The same without the EtherType (inside IP-in-IP or GRE). */
    Frames ipv4Only(String src, String dst, int ttl, int proto, int id) {
        return u16(0x4500).u16(84).u16(id).u16(0x4000).bytes(new byte[] {(byte) ttl, (byte) proto}).u16(0).ip(src).ip(dst);
    }

    Frames icmpEcho(int type, int id, int seq, String payload) {
        return bytes(new byte[] {(byte) type, 0}).u16(0).u16(id).u16(seq).bytes(payload.getBytes(StandardCharsets.US_ASCII));
    }

    Frames tcp(int sport, int dport, long seq, long ack, int flags) {
        return u16(sport).u16(dport).u32(seq).u32(ack).u16(0x5000 | flags).u16(64240).u16(0).u16(0);
    }

    Frames udp(int sport, int dport, int length) {
        return u16(sport).u16(dport).u16(length).u16(0);
    }

    byte[] build() {
        return b.toByteArray();
    }
}
