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
import netlab.check.Echoes;
import netlab.process.ProcResult;
import netlab.source.Pos;
import org.junit.jupiter.api.Test;

/** How a ping's echoes are judged against RTT and loss ranges. */
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

    /** {@code sent} echoes, and a reply with each of {@code rtts} (sequence numbers 1, 2...). */
    private static Echoes echoes(int sent, double... rtts) {
        List<Echoes.Reply> replies = new java.util.ArrayList<>();
        for (int i = 0; i < rtts.length; i++) replies.add(new Echoes.Reply(i + 1, 64, rtts[i]));
        return new Echoes(sent, replies, List.of(), Optional.empty());
    }

    private static Observation judge(PingCheck c, Echoes e) {
        return c.judge(e, DST);
    }

    @Test
    void averageRoundTripMustFallInTheRange() {
        PingCheck c = ping(3, range(195.0, 300.0), null);
        assertThat(judge(c, echoes(3, 200.1, 201.0, 200.5)).ok()).isTrue();
        Observation fast = judge(c, echoes(3, 0.1, 0.1, 0.2));
        assertThat(fast.ok()).isFalse();
        assertThat(fast.detail()).contains("rtt avg 0.1 ms").contains("expected 195.0..300.0");
        assertThat(judge(c, echoes(3, 600.0, 601.0, 600.2)).ok()).isFalse();
        assertThat(judge(c, echoes(3)).ok()).as("no reply: nothing to measure").isFalse();
    }

    @Test
    void lossIsTheShareOfUnansweredEchoesAndNoReplyIsAResult() {
        PingCheck c = ping(10, null, range(20.0, 40.0));
        Observation thirty = judge(c, echoes(10, 1, 1, 1, 1, 1, 1, 1));
        assertThat(thirty.ok()).isTrue();
        assertThat(thirty.detail()).startsWith("loss 30.0% (3 of 10 echoes unanswered)");
        assertThat(judge(c, echoes(10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)).ok()).as("no loss").isFalse();
        assertThat(judge(ping(10, null, range(90.0, null)), echoes(10)).ok()).as("all lost, as asked").isTrue();
    }
}
