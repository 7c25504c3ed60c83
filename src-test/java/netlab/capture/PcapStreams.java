package netlab.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Classic pcap streams as tcpdump -w - writes them, in either byte order, micro- or nanosecond timestamps. */
final class PcapStreams {
    private PcapStreams() {}

    record Record(long nanos, int wireLength, byte[] data) {}

    static byte[] of(ByteOrder order, boolean nanos, int linkType, List<Record> records) {
        int size = 24 + records.stream().mapToInt(r -> 16 + r.data().length).sum();
        ByteBuffer b = ByteBuffer.allocate(size).order(order);
        b.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(linkType);
        for (Record r : records) {
            long sec = r.nanos() / 1_000_000_000L, frac = r.nanos() % 1_000_000_000L;
            b.putInt((int) sec).putInt((int) (nanos ? frac : frac / 1000)).putInt(r.data().length).putInt(r.wireLength()).put(r.data());
        }
        return b.array();
    }
}
