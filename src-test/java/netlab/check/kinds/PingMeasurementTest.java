package netlab.check.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import netlab.check.Observation;
import netlab.check.Target;
import netlab.net.IpAddress;
import netlab.process.ProcResult;
import netlab.source.Pos;
import org.junit.jupiter.api.Test;

/** How a ping's output is judged against RTT and loss ranges. */
class PingMeasurementTest {
    private static final IpAddress DST = IpAddress.of("10.0.0.2");

    private static PingCheck ping(int count, Between rtt, Between loss) {
        return new PingCheck("h1", Optional.empty(), new Target("h2", Pos.unknown("t")), count, false, OptionalInt.empty(), Pos.unknown("t"),
                OptionalInt.empty(), Optional.of(Duration.ofMillis(10)), Optional.ofNullable(rtt), Optional.ofNullable(loss));
    }

    private static Between range(Double min, Double max) {
        return new Between(min == null ? OptionalDouble.empty() : OptionalDouble.of(min),
                max == null ? OptionalDouble.empty() : OptionalDouble.of(max), (min == null ? "" : min) + ".." + (max == null ? "" : max));
    }

    private static String output(int sent, double... rtts) {
        StringBuilder sb = new StringBuilder("PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n");
        for (int i = 0; i < rtts.length; i++) sb.append("64 bytes from 10.0.0.2: icmp_seq=").append(i + 1).append(" ttl=64 time=").append(rtts[i]).append(" ms\n");
        sb.append("\n--- 10.0.0.2 ping statistics ---\n").append(sent).append(" packets transmitted, ").append(rtts.length).append(" received\n");
        return sb.toString();
    }

    private static Observation judge(PingCheck c, String out) {
        return c.judge(out, DST, new ProcResult(List.of("ping"), 0, out, "", false));
    }

    @Test
    void averageRoundTripMustFallInTheRange() {
        PingCheck c = ping(3, range(195.0, 300.0), null);
        assertThat(judge(c, output(3, 200.1, 201.0, 200.5)).ok()).isTrue();
        Observation fast = judge(c, output(3, 0.1, 0.1, 0.2));
        assertThat(fast.ok()).isFalse();
        assertThat(fast.detail()).contains("rtt avg 0.1 ms").contains("expected 195.0..300.0");
        assertThat(judge(c, output(3, 600.0, 601.0, 600.2)).ok()).isFalse();
        assertThat(judge(c, output(3)).ok()).as("no reply: nothing to measure").isFalse();
    }

    @Test
    void lossIsTheShareOfUnansweredEchoesAndNoReplyIsAResult() {
        PingCheck c = ping(10, null, range(20.0, 40.0));
        Observation thirty = judge(c, output(10, 1, 1, 1, 1, 1, 1, 1));
        assertThat(thirty.ok()).isTrue();
        assertThat(thirty.detail()).startsWith("loss 30.0% (3 of 10 echoes unanswered)");
        assertThat(judge(c, output(10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)).ok()).as("no loss").isFalse();
        assertThat(judge(ping(10, null, range(90.0, null)), output(10)).ok()).as("all lost, as asked").isTrue();
    }

    @Test
    void duplicateRepliesAreNotCountedTwice() {
        PingCheck c = ping(10, null, range(null, 0.0));
        String out = output(10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1).replace("icmp_seq=1 ttl=64 time=1.0 ms\n",
                "icmp_seq=1 ttl=64 time=1.0 ms\n64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=1.0 ms (DUP!)\n");
        assertThat(judge(c, out).ok()).isTrue();
    }
}
