package netlab.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import netlab.source.Pos;
import netlab.topology.Impairment;
import org.junit.jupiter.api.Test;

/** Impairments as tc batch lines: what the dry run prints and tc runs. */
class TcOpTest {
    private static Impairment imp(Long delayUs, Long jitterUs, Double loss, Long rate) {
        return new Impairment(delayUs == null ? OptionalLong.empty() : OptionalLong.of(delayUs),
                jitterUs == null ? OptionalLong.empty() : OptionalLong.of(jitterUs),
                loss == null ? OptionalDouble.empty() : OptionalDouble.of(loss),
                rate == null ? OptionalLong.empty() : OptionalLong.of(rate), Pos.unknown("t"));
    }

    @Test
    void delayJitterLossAndRateAreOneNetemQdisc() {
        assertThat(new TcOp("eth1", imp(100_000L, 10_000L, 0.5, 10_000_000L)).batchLine())
                .isEqualTo("qdisc replace dev eth1 root netem delay 100ms 10ms loss 0.5% rate 10mbit");
        assertThat(new TcOp("eth2", imp(1_500L, null, null, null)).batchLine()).isEqualTo("qdisc replace dev eth2 root netem delay 1500us");
        assertThat(new TcOp("eth3", imp(null, null, 30.0, null)).batchLine()).isEqualTo("qdisc replace dev eth3 root netem loss 30%");
    }

    @Test
    void aRateAloneIsATokenBucketWithAtLeastFewFramesOfBurst() {
        assertThat(new TcOp("eth1", imp(null, null, null, 1_000_000L)).batchLine())
                .isEqualTo("qdisc replace dev eth1 root tbf rate 1mbit burst 4096 latency 200ms");
        // 10 ms worth of a fast link: 1 Gbit/s brings 1.25 MB in 10 ms
        assertThat(new TcOp("eth1", imp(null, null, null, 1_000_000_000L)).batchLine())
                .isEqualTo("qdisc replace dev eth1 root tbf rate 1gbit burst 1250000 latency 200ms");
        assertThat(imp(null, null, null, 1_000_000L).needsNetem()).isFalse();
        assertThat(imp(null, null, 0.0, 1_000_000L).needsNetem()).isTrue();
    }

    @Test
    void describedTheWayUsersWriteIt() {
        assertThat(imp(2_000_000L, 500L, 1.0, 1_500L).describe()).isEqualTo("delay 2s jitter 500us loss 1% rate 1500bit");
    }
}
