package netlab.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.errors.NetlabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture without a lab: each tap's "tcpdump" replays a pcap stream (cat), so the merge, the limits and the pcapng
 * output are tested without root; the real tcpdump in a real lab is CaptureIT's.
 */
class LiveCaptureTest {
    static final Tap A = new Tap("h1:eth1", "netlab-l-h1", "eth1", "interface eth1 of node h1 in lab l");
    static final Tap B = new Tap("r1:eth2", "netlab-l-r1", "eth2", "interface eth2 of node r1 in lab l");

    @TempDir
    Path dir;

    @Test
    void theFilterReachesTcpdumpAsItsExpressionAfterDoubleDashNeverAsAnOption() {
        assertThat(LiveCapture.command(A, Optional.of("icmp or port 80"))).containsExactly("ip", "netns", "exec", "netlab-l-h1",
                "tcpdump", "-i", "eth1", "-B", "16384", "-w", "-", "-U", "--immediate-mode", "--time-stamp-precision=nano", "-s", "262144", "-n", "--", "icmp or port 80");
        assertThat(LiveCapture.command(A, Optional.empty())).endsWith("-n", "--");
        assertThatThrownBy(() -> new LiveCapture(List.of(A), Optional.of(" -w /x"), argv -> null, () -> 0))
                .isInstanceOf(NetlabException.class).hasMessageContaining("may not start with '-'");
    }

    /** Starts, for each tap, a cat of the stream given for its interface (read from the tcpdump command line). */
    private LiveCapture.Starter replaying(Map<String, byte[]> streams, List<List<String>> commands) {
        return argv -> {
            commands.add(argv);
            String ifname = argv.get(argv.indexOf("-i") + 1);
            try {
                Path p = dir.resolve(ifname + ".pcap");
                Files.write(p, streams.get(ifname));
                return new ProcessBuilder("cat", p.toString()).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static PcapStreams.Record rec(long nanos, int tag) {
        return new PcapStreams.Record(nanos, 60, new byte[] {(byte) tag});
    }

    @Test
    void twoInterfacesAreMergedInTimeOrderIntoOnePcapng() throws Exception {
        Map<String, byte[]> streams = Map.of(
                "eth1", PcapStreams.of(ByteOrder.LITTLE_ENDIAN, true, 1, List.of(rec(100_000, 1), rec(300_001, 3), rec(500_000, 5))),
                "eth2", PcapStreams.of(ByteOrder.BIG_ENDIAN, false, 101, /* microseconds */ List.of(rec(200_000, 2), rec(400_000, 4))));
        List<List<String>> commands = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // the clock stands still before every frame: all of them are merged at the end, when every "tcpdump" is done
        LiveCapture c = new LiveCapture(List.of(A, B), Optional.of("icmp"), replaying(streams, commands), () -> 0);
        LiveCapture.Result r = c.run(new LiveCapture.Limits(Optional.empty(), Optional.empty()), new PcapngSink(() -> out));
        assertThat(r.stop()).isEqualTo(LiveCapture.Stop.ALL_GONE);
        assertThat(r.frames()).isEqualTo(5);
        assertThat(commands).hasSize(2);
        PcapngFile f = PcapngFile.parse(out.toByteArray());
        assertThat(f.interfaces()).extracting(PcapngFile.Iface::name).containsExactly("h1:eth1", "r1:eth2");
        assertThat(f.interfaces()).extracting(PcapngFile.Iface::linkType).containsExactly(1, 101);
        assertThat(f.packets()).extracting(p -> (int) p.data()[0]).containsExactly(1, 2, 3, 4, 5);
        assertThat(f.packets()).extracting(PcapngFile.Packet::iface).containsExactly(0, 1, 0, 1, 0);
        assertThat(f.packets()).extracting(PcapngFile.Packet::nanos).containsExactly(100_000L, 200_000L, 300_001L, 400_000L, 500_000L);
    }

    @Test
    void theCountStopsAfterThatManyFramesOfAllInterfacesTogether() throws Exception {
        Map<String, byte[]> streams = Map.of(
                "eth1", PcapStreams.of(ByteOrder.LITTLE_ENDIAN, true, 1, List.of(rec(1000, 1), rec(3000, 3))),
                "eth2", PcapStreams.of(ByteOrder.LITTLE_ENDIAN, true, 1, List.of(rec(2000, 2), rec(4000, 4))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LiveCapture c = new LiveCapture(List.of(A, B), Optional.empty(), replaying(streams, new ArrayList<>()), () -> 0);
        LiveCapture.Result r = c.run(new LiveCapture.Limits(Optional.of(3L), Optional.empty()), new PcapngSink(() -> out));
        assertThat(r.frames()).isEqualTo(3);
        assertThat(PcapngFile.parse(out.toByteArray()).packets()).extracting(p -> (int) p.data()[0]).containsExactly(1, 2, 3);
    }

    @Test
    void aTapWhoseTcpdumpCannotStartFailsTheCaptureWithItsMessageAndWritesNothing() {
        LiveCapture.Starter failing = argv -> {
            try {
                return new ProcessBuilder("sh", "-c", "echo 'tcpdump: eth1: That device is not up' >&2; exit 1").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        boolean[] opened = {false};
        LiveCapture c = new LiveCapture(List.of(A), Optional.empty(), failing, () -> 0);
        assertThatThrownBy(() -> c.run(new LiveCapture.Limits(Optional.empty(), Optional.empty()), new PcapngSink(() -> {
            opened[0] = true;
            return new ByteArrayOutputStream();
        }))).isInstanceOf(NetlabException.class).hasMessageContaining("h1:eth1: tcpdump: eth1: That device is not up");
        assertThat(opened[0]).as("no output is opened for a capture that did not start").isFalse();
    }

    @Test
    void framesTheKernelDroppedAreSaidNotHidden() throws Exception {
        Path p = dir.resolve("one.pcap");
        Files.write(p, PcapStreams.of(ByteOrder.LITTLE_ENDIAN, true, 1, List.of(rec(1000, 1))));
        LiveCapture.Starter dropping = argv -> {
            try {
                return new ProcessBuilder("sh", "-c", "cat \"$0\"; echo '1 packet captured' >&2; echo '3 packets dropped by kernel' >&2", p.toString()).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        LiveCapture.Result r = new LiveCapture(List.of(A), Optional.empty(), dropping, () -> 0)
                .run(new LiveCapture.Limits(Optional.empty(), Optional.empty()), new PcapngSink(ByteArrayOutputStream::new));
        assertThat(r.frames()).isEqualTo(1);
        assertThat(r.problems()).contains("tcpdump on h1:eth1: 3 packets dropped by the kernel (they came faster than it could write them)");
    }
}
