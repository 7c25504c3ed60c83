package netlab.capture;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads the classic pcap stream a capturing program writes (tcpdump {@code -w -}): the file header (byte order,
 * micro- or nanosecond timestamps, link type, snapshot length), then one record at a time. A stream cut in the
 * middle of a record (the program was stopped) ends cleanly: the partial record is dropped.
 */
final class PcapReader {
    /** Bounds a record's claimed length, so a corrupt stream cannot make netlab allocate gigabytes. */
    static final int MAX_RECORD = 256 * 1024;

    private final DataInputStream in;
    private final boolean swapped;
    private final boolean nanos;
    private final int linkType;
    private final int snaplen;

    private PcapReader(DataInputStream in, boolean swapped, boolean nanos, int linkType, int snaplen) {
        this.in = in;
        this.swapped = swapped;
        this.nanos = nanos;
        this.linkType = linkType;
        this.snaplen = snaplen;
    }

    /** Reads the file header; empty when the stream ends before one. */
    static Optional<PcapReader> open(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] h = new byte[24];
        if (!readFully(in, h)) return Optional.empty();
        int magicBig = be(h, 0);
        boolean swapped;
        boolean nanos;
        switch (magicBig) {
            case 0xa1b2c3d4 -> { swapped = false; nanos = false; }
            case 0xa1b23c4d -> { swapped = false; nanos = true; }
            case 0xd4c3b2a1 -> { swapped = true; nanos = false; }
            case 0x4d3cb2a1 -> { swapped = true; nanos = true; }
            default -> throw new IOException("not a pcap stream (magic " + Integer.toHexString(magicBig) + ")");
        }
        int snaplen = word(h, 16, swapped);
        int linkType = word(h, 20, swapped) & 0x0fffffff; // the top bits are FCS flags
        return Optional.of(new PcapReader(in, swapped, nanos, linkType, snaplen));
    }

    int linkType() {
        return linkType;
    }

    int snaplen() {
        return snaplen;
    }

    /** The next record as a frame of interface {@code iface}; empty at the end of the stream. */
    Optional<Frame> next(int iface) throws IOException {
        byte[] h = new byte[16];
        if (!readFully(in, h)) return Optional.empty();
        long seconds = word(h, 0, swapped) & 0xffffffffL;
        long fraction = word(h, 4, swapped) & 0xffffffffL;
        int kept = word(h, 8, swapped);
        int wire = word(h, 12, swapped);
        if (kept < 0 || kept > MAX_RECORD) throw new IOException("pcap record of " + Integer.toUnsignedString(kept) + " bytes");
        byte[] data = new byte[kept];
        if (!readFully(in, data)) return Optional.empty();
        long ns = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000L);
        return Optional.of(new Frame(iface, ns, wire < 0 ? kept : wire, data));
    }

    /** False when the stream ended before the buffer was full (a cut record counts as the end). */
    private static boolean readFully(DataInputStream in, byte[] buf) throws IOException {
        try {
            in.readFully(buf);
            return true;
        } catch (EOFException e) {
            return false;
        }
    }

    private static int word(byte[] b, int off, boolean swapped) {
        int v = be(b, off);
        return swapped ? Integer.reverseBytes(v) : v;
    }

    private static int be(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }
}
