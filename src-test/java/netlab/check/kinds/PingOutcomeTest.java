package netlab.check.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.check.Observation;
import netlab.check.Target;
import netlab.check.Echoes;
import netlab.net.IpAddress;
import netlab.process.ProcResult;
import netlab.source.Pos;
import org.junit.jupiter.api.Test;

/** What a ping's echoes say: a route the kernel refused is an observation that sent nothing, silence a real failure. */
class PingOutcomeTest {
    private static final IpAddress DST = IpAddress.of("10.0.0.2");
    private static final PingCheck PING = new PingCheck("h1", Optional.empty(), new Target("h2", Pos.unknown("t")), 3, false, OptionalInt.empty(),
            Pos.unknown("t"));

    @Test
    void noRouteIsARealObservationThatSentNothing() {
        for (String why : List.of("connect: Network is unreachable", "connect: No route to host", "connect: Invalid argument",
                "connect: Permission denied")) {
            Observation o = PING.judge(Echoes.refused(why), DST);
            assertThat(o.ran()).as(why).isTrue();
            assertThat(o.ok()).isFalse();
            assertThat(o.sentNothing()).isTrue();
            assertThat(o.detail()).isEqualTo("no route to 10.0.0.2: " + why);
        }
    }

    @Test
    void everyEchoLostIsARealFailure() {
        Observation o = PING.judge(new Echoes(3, List.of(), List.of(), Optional.empty()), DST);
        assertThat(o.ran()).isTrue();
        assertThat(o.ok()).isFalse();
        assertThat(o.sentNothing()).isFalse();
        assertThat(o.detail()).isEqualTo("no reply from 10.0.0.2 (3 sent)");
    }

    @Test
    void theErrorsThatCameBackAreSaid() {
        Observation o = PING.judge(new Echoes(3, List.of(), List.of("from 10.0.0.1: destination host unreachable",
                "from 10.0.0.1: destination host unreachable"), Optional.empty()), DST);
        assertThat(o.ok()).isFalse();
        assertThat(o.sentNothing()).isFalse();
        assertThat(o.detail()).isEqualTo("no reply from 10.0.0.2 (3 sent): from 10.0.0.1: destination host unreachable (2 errors)");
    }

    @Test
    void repliesWithTheirTtlAndRoundTrip() {
        Observation o = PING.judge(new Echoes(3, List.of(new Echoes.Reply(1, 63, 0.2), new Echoes.Reply(2, 63, 0.4)), List.of(), Optional.empty()), DST);
        assertThat(o.ok()).isTrue();
        assertThat(o.detail()).isEqualTo("2/3 replies from 10.0.0.2, ttl 63, rtt avg 0.300 ms");
        PingCheck ttl63 = new PingCheck("h1", Optional.empty(), new Target("h2", Pos.unknown("t")), 3, false, OptionalInt.of(64), Pos.unknown("t"));
        Observation wrongTtl = ttl63.judge(new Echoes(1, List.of(new Echoes.Reply(1, 63, 0.2)), List.of(), Optional.empty()), DST);
        assertThat(wrongTtl.ok()).isFalse();
        assertThat(wrongTtl.detail()).endsWith("(expected reply ttl 64)");
    }
}
