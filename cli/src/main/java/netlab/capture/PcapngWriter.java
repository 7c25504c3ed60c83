package netlab.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a pcapng file (the format Wireshark and tcpdump read): a section header, one interface description per
 * captured interface (named NODE:IFACE, so Wireshark shows the lab's names), then an enhanced packet block per
 * frame, with nanosecond timestamps. Every block is complete when written, so a file cut after any block (Ctrl-C,
 * a reader that went away) is still valid up to there. Little-endian, as the section header says.
 */
public final class PcapngWriter implements AutoCloseable {
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 0x00000001;
    static final int EPB = 0x00000006;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int OPT_END = 0, SHB_USERAPPL = 4, IF_NAME = 2, IF_DESCRIPTION = 3, IF_TSRESOL = 9;

    /** An interface as the file describes it. */
    public record Interface(String name, String description, int linkType, int snaplen) {}

    private final OutputStream out;
    private final int interfaces;

    /** Writes the section header and the interfaces' descriptions (index i in the file is {@code ifaces.get(i)}). */
    public PcapngWriter(OutputStream out, List<Interface> ifaces) throws IOException {
        this.out = out;
        this.interfaces = ifaces.size();
        Options shbOptions = new Options().text(SHB_USERAPPL, "netlab");
        ByteBuffer b = block(SHB, 16 + shbOptions.size());
        b.putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L); // section length: unknown
        shbOptions.into(b);
        finish(b);
        for (Interface i : ifaces) {
            Options o = new Options().text(IF_NAME, i.name()).text(IF_DESCRIPTION, i.description()).bytes(IF_TSRESOL, new byte[] {9});
            ByteBuffer ib = block(IDB, 8 + o.size());
            ib.putShort((short) i.linkType()).putShort((short) 0).putInt(i.snaplen());
            o.into(ib);
            finish(ib);
        }
        out.flush();
    }

    /** Writes one frame (of an interface given to the constructor). */
    public void write(Frame f) throws IOException {
        if (f.iface() >= interfaces) throw new IllegalArgumentException("frame of interface " + f.iface() + ", the file has " + interfaces);
        int padded = pad(f.data().length);
        ByteBuffer b = block(EPB, 20 + padded);
        b.putInt(f.iface()).putInt((int) (f.nanos() >>> 32)).putInt((int) f.nanos()).putInt(f.data().length).putInt(f.wireLength());
        b.put(f.data());
        b.position(b.position() + padded - f.data().length);
        finish(b);
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    /** A block of {@code body} bytes between its type and length and its trailing length. */
    private static ByteBuffer block(int type, int body) {
        int total = 12 + body;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putInt(total);
        return b;
    }

    private void finish(ByteBuffer b) throws IOException {
        b.putInt(b.capacity());
        out.write(b.array());
    }

    static int pad(int n) {
        return (n + 3) & ~3;
    }

    /** A block's options: code, length, value padded to 4 bytes; then the end of options. */
    private static final class Options {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        Options text(int code, String value) {
            return bytes(code, value.getBytes(StandardCharsets.UTF_8));
        }

        Options bytes(int code, byte[] value) {
            int len = Math.min(value.length, 0xffff);
            ByteBuffer b = ByteBuffer.allocate(4 + pad(len)).order(ByteOrder.LITTLE_ENDIAN);
            b.putShort((short) code).putShort((short) len).put(value, 0, len);
            bytes.writeBytes(b.array());
            return this;
        }

        int size() {
            return bytes.size() + 4;
        }

        void into(ByteBuffer b) {
            b.put(bytes.toByteArray());
            b.putShort((short) OPT_END).putShort((short) 0);
        }
    }
}
