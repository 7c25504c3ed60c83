package netlab.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import netlab.source.Pos;
import netlab.topology.Impairment;
import org.junit.jupiter.api.Test;

/** tbf and netem settings decoded from what the kernel lists, compared with what netlab installs for an impairment. */
class QdiscSettingsTest {
    static final Impairment RATE = new Impairment(OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty(), OptionalLong.of(10_000_000),
            Pos.unknown(""));
    static final Impairment DELAY_LOSS = new Impairment(OptionalLong.of(100_000), OptionalLong.of(10_000), OptionalDouble.of(30), OptionalLong.empty(),
            Pos.unknown(""));

    /** TCA_OPTIONS of tbf as the kernel dumps it: TCA_TBF_PARMS (rate, peakrate, limit, buffer in ticks, mtu). */
    static byte[] tbf(long rateBytes, long burstBytes, long latencyMicros) {
        double ticks = QdiscSettings.TICKS_PER_MICRO;
        long buffer = Math.round(burstBytes * 1e6 / rateBytes * ticks);
        long limit = rateBytes * latencyMicros / 1_000_000 + burstBytes;
        ByteBuffer b = ByteBuffer.allocate(4 + 36).order(ByteOrder.nativeOrder());
        b.putShort((short) 40).putShort((short) 1);
        b.put(new byte[8]).putInt((int) rateBytes).put(new byte[12]).putInt((int) limit).putInt((int) buffer).putInt(0);
        return b.array();
    }

    /** netem's struct tc_netem_qopt then TCA_NETEM_LATENCY64 and JITTER64 in ns. */
    static byte[] netem(long delayMicros, long jitterMicros, double lossPercent) {
        ByteBuffer b = ByteBuffer.allocate(24 + 12 + 12).order(ByteOrder.nativeOrder());
        b.putInt(0).putInt(1000).putInt((int) Math.round(lossPercent / 100 * 0xFFFFFFFFL)).putInt(0).putInt(0).putInt(0);
        b.putShort((short) 12).putShort((short) 8).putLong(delayMicros * 1000);
        b.putShort((short) 12).putShort((short) 9).putLong(jitterMicros * 1000);
        return b.array();
    }

    @Test
    void aTbfAsInstalledMatchesAndAChangedRateDoesNot() {
        QdiscSettings want = QdiscSettings.expected(RATE);
        assertThat(want.describe()).isEqualTo("tbf rate 10mbit burst 12500 latency 200ms");
        assertThat(want.matches(QdiscSettings.decode("tbf", tbf(1_250_000, 12_500, 200_000)).orElseThrow())).isTrue();
        QdiscSettings changed = QdiscSettings.decode("tbf", tbf(2_500_000, 12_500, 200_000)).orElseThrow();
        assertThat(want.matches(changed)).isFalse();
        assertThat(changed.describe()).isEqualTo("tbf rate 20mbit burst 12500 latency 200ms");
        assertThat(want.matches(QdiscSettings.decode("tbf", tbf(1_250_000, 4096, 200_000)).orElseThrow())).as("another burst").isFalse();
    }

    @Test
    void aNetemAsInstalledMatchesAndAnotherDelayDoesNot() {
        QdiscSettings want = QdiscSettings.expected(DELAY_LOSS);
        assertThat(want.matches(QdiscSettings.decode("netem", netem(100_000, 10_000, 30)).orElseThrow())).isTrue();
        assertThat(want.matches(QdiscSettings.decode("netem", netem(150_000, 10_000, 30)).orElseThrow())).isFalse();
        assertThat(want.matches(QdiscSettings.decode("netem", netem(100_000, 10_000, 5)).orElseThrow())).isFalse();
        assertThat(QdiscSettings.decode("netem", netem(150_000, 0, 5)).orElseThrow().describe()).isEqualTo("netem delay 150ms loss 5%");
    }

    @Test
    void otherKindsAreNotDecodedAndNeverMatch() {
        assertThat(QdiscSettings.decode("pfifo", new byte[4])).isEmpty();
        assertThat(QdiscSettings.expected(RATE).matches(QdiscSettings.expected(DELAY_LOSS))).isFalse();
    }
}
