package netlab.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, strict pcapng reader for the tests: every block's two lengths must agree and be a multiple of 4, the
 * section header must be first and little-endian, an interface must be described before a packet names it, and
 * options must end where the block does. What it reads is what Wireshark would show.
 */
public record PcapngFile(String application, List<Iface> interfaces, List<Packet> packets) {
    public record Iface(int linkType, int snaplen, String name, String description, int tsresol) {}

    public record Packet(int iface, long nanos, int wireLength, byte[] data) {}

    public static PcapngFile read(Path p) throws IOException {
        return parse(Files.readAllBytes(p));
    }

    public static PcapngFile parse(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        String app = null;
        List<Iface> ifaces = new ArrayList<>();
        List<Packet> packets = new ArrayList<>();
        boolean first = true;
        while (b.hasRemaining()) {
            int start = b.position();
            if (b.remaining() < 12) throw new IllegalStateException("a cut block at " + start);
            int type = b.getInt();
            int len = b.getInt();
            if (len % 4 != 0 || len < 12 || len > b.remaining() + 8) throw new IllegalStateException("bad block length " + len + " at " + start);
            if (b.getInt(start + len - 4) != len) throw new IllegalStateException("the trailing length differs at " + start);
            ByteBuffer body = b.slice(start + 8, len - 12).order(ByteOrder.LITTLE_ENDIAN);
            if (first && type != 0x0A0D0D0A) throw new IllegalStateException("the file does not start with a section header");
            switch (type) {
                case 0x0A0D0D0A -> {
                    if (body.getInt() != 0x1A2B3C4D) throw new IllegalStateException("not little-endian");
                    if (body.getShort() != 1 || body.getShort() != 0) throw new IllegalStateException("not pcapng 1.0");
                    body.getLong();
                    for (Option o : options(body)) if (o.code == 4) app = o.text();
                }
                case 1 -> {
                    int linkType = body.getShort() & 0xffff;
                    body.getShort();
                    int snaplen = body.getInt();
                    String name = null, desc = null;
                    int tsresol = 6;
                    for (Option o : options(body)) {
                        if (o.code == 2) name = o.text();
                        if (o.code == 3) desc = o.text();
                        if (o.code == 9) tsresol = o.value[0];
                    }
                    ifaces.add(new Iface(linkType, snaplen, name, desc, tsresol));
                }
                case 6 -> {
                    int iface = body.getInt();
                    if (iface >= ifaces.size()) throw new IllegalStateException("packet of undescribed interface " + iface);
                    long ts = (body.getInt() & 0xffffffffL) << 32 | (body.getInt() & 0xffffffffL);
                    int caplen = body.getInt(), orig = body.getInt();
                    byte[] data = new byte[caplen];
                    body.get(data);
                    body.position(body.position() + ((4 - caplen % 4) % 4));
                    options(body);
                    if (ifaces.get(iface).tsresol() != 9) throw new IllegalStateException("expected nanosecond timestamps");
                    packets.add(new Packet(iface, ts, orig, data));
                }
                default -> throw new IllegalStateException("unexpected block type " + type);
            }
            first = false;
            b.position(start + len);
        }
        return new PcapngFile(app, ifaces, packets);
    }

    private record Option(int code, byte[] value) {
        String text() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private static List<Option> options(ByteBuffer body) {
        List<Option> out = new ArrayList<>();
        while (body.hasRemaining()) {
            int code = body.getShort() & 0xffff, len = body.getShort() & 0xffff;
            if (code == 0) {
                if (body.hasRemaining()) throw new IllegalStateException("bytes after the end of options");
                return out;
            }
            byte[] v = new byte[len];
            body.get(v);
            body.position(body.position() + ((4 - len % 4) % 4));
            out.add(new Option(code, v));
        }
        return out;
    }
}
