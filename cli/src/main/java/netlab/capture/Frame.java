package netlab.capture;

/**
 * One captured frame: which of the capture's interfaces saw it (its index, as in the pcapng file), its kernel
 * timestamp in nanoseconds since the epoch, its length on the wire and the bytes kept of it.
 */
public record Frame(int iface, long nanos, int wireLength, byte[] data) {
    public Frame {
        if (iface < 0) throw new IllegalArgumentException("interface index " + iface);
        if (wireLength < data.length) wireLength = data.length;
    }
}
