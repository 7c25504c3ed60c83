package netlab.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcapReaderTest {
    static final List<PcapStreams.Record> TWO = List.of(new PcapStreams.Record(1_700_000_000_123_456_789L, 98, new byte[] {1, 2, 3}),
            new PcapStreams.Record(1_700_000_001_000_001_000L, 60, new byte[] {4}));

    @Test
    void readsBothByteOrdersWithNanosecondTimestamps() throws IOException {
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            PcapReader r = PcapReader.open(new ByteArrayInputStream(PcapStreams.of(order, true, 1, TWO))).orElseThrow();
            assertThat(r.linkType()).isEqualTo(1);
            assertThat(r.snaplen()).isEqualTo(262144);
            Frame a = r.next(3).orElseThrow();
            assertThat(a.iface()).isEqualTo(3);
            assertThat(a.nanos()).isEqualTo(1_700_000_000_123_456_789L);
            assertThat(a.wireLength()).isEqualTo(98);
            assertThat(a.data()).containsExactly(1, 2, 3);
            assertThat(r.next(3).orElseThrow().nanos()).isEqualTo(1_700_000_001_000_001_000L);
            assertThat(r.next(3)).isEmpty();
        }
    }

    @Test
    void microsecondStreamsBecomeNanoseconds() throws IOException {
        PcapReader r = PcapReader.open(new ByteArrayInputStream(PcapStreams.of(ByteOrder.LITTLE_ENDIAN, false, 101, TWO))).orElseThrow();
        assertThat(r.linkType()).isEqualTo(101);
        assertThat(r.next(0).orElseThrow().nanos()).isEqualTo(1_700_000_000_123_456_000L);
    }

    @Test
    void aStreamCutInsideARecordEndsCleanlyBeforeIt() throws IOException {
        byte[] all = PcapStreams.of(ByteOrder.LITTLE_ENDIAN, true, 1, TWO);
        PcapReader r = PcapReader.open(new ByteArrayInputStream(Arrays.copyOf(all, all.length - 1))).orElseThrow();
        assertThat(r.next(0)).isPresent();
        assertThat(r.next(0)).isEmpty();
        assertThat(PcapReader.open(new ByteArrayInputStream(new byte[10]))).isEmpty();
    }

    @Test
    void notPcapOrAnAbsurdRecordLengthIsAnError() throws IOException {
        assertThatThrownBy(() -> PcapReader.open(new ByteArrayInputStream(new byte[24]))).hasMessageContaining("not a pcap stream");
        byte[] all = PcapStreams.of(ByteOrder.LITTLE_ENDIAN, true, 1, TWO);
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 8, 0x7fffffff);
        PcapReader r = PcapReader.open(new ByteArrayInputStream(all)).orElseThrow();
        assertThatThrownBy(() -> r.next(0)).hasMessageContaining("pcap record of");
    }
}
