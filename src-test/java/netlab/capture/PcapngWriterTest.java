package netlab.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcapngWriterTest {
    static final List<PcapngWriter.Interface> TWO = List.of(
            new PcapngWriter.Interface("h1:eth1", "interface eth1 of node h1 in lab l", 1, 262144),
            new PcapngWriter.Interface("gre:gre1", "interface gre1 of node gre in lab l", 101, 512));

    @Test
    void interfacesAreNamedAfterTheLabAndFramesKeepTheirBytesAndNanosecondTimes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(out, TWO)) {
            w.write(new Frame(0, 1_796_589_609_176_376_123L, 98, bytes(98)));
            w.write(new Frame(1, 1_796_589_609_176_400_000L, 1500, bytes(61))); // cut by the snapshot length, odd size: padded
            w.write(new Frame(0, 1_796_589_609_176_500_000L, 0, new byte[0]));
        }
        PcapngFile f = PcapngFile.parse(out.toByteArray());
        assertThat(f.application()).isEqualTo("netlab");
        assertThat(f.interfaces()).containsExactly(
                new PcapngFile.Iface(1, 262144, "h1:eth1", "interface eth1 of node h1 in lab l", 9),
                new PcapngFile.Iface(101, 512, "gre:gre1", "interface gre1 of node gre in lab l", 9));
        assertThat(f.packets()).extracting(PcapngFile.Packet::iface).containsExactly(0, 1, 0);
        assertThat(f.packets()).extracting(PcapngFile.Packet::nanos)
                .containsExactly(1_796_589_609_176_376_123L, 1_796_589_609_176_400_000L, 1_796_589_609_176_500_000L);
        assertThat(f.packets().get(0).data()).isEqualTo(bytes(98));
        assertThat(f.packets().get(1).data()).isEqualTo(bytes(61));
        assertThat(f.packets().get(1).wireLength()).isEqualTo(1500);
        assertThat(f.packets().get(2).data()).isEmpty();
    }

    @Test
    void aFileCutAfterAnyBlockIsValidUpToThere() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter w = new PcapngWriter(out, TWO);
        int headerOnly = out.size();
        w.write(new Frame(0, 1L, 10, bytes(10)));
        w.flush();
        assertThat(PcapngFile.parse(Arrays.copyOf(out.toByteArray(), headerOnly)).packets()).isEmpty();
        assertThat(PcapngFile.parse(out.toByteArray()).packets()).hasSize(1);
    }

    @Test
    void aFrameOfAnInterfaceTheFileDoesNotDescribeIsRefused() throws Exception {
        PcapngWriter w = new PcapngWriter(new ByteArrayOutputStream(), TWO);
        assertThatThrownBy(() -> w.write(new Frame(2, 1L, 1, bytes(1)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesInAnyScriptArePlainUtf8() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PcapngWriter(out, List.of(new PcapngWriter.Interface("h1:eth1", "node h1 — lab «x»", 1, 100)));
        assertThat(PcapngFile.parse(out.toByteArray()).interfaces().get(0).description()).isEqualTo("node h1 — lab «x»");
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 7 + 1);
        return b;
    }
}
