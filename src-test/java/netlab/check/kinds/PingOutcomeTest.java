package netlab.check.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.check.Observation;
import netlab.check.Target;
import netlab.net.IpAddress;
import netlab.process.ProcResult;
import netlab.source.Pos;
import org.junit.jupiter.api.Test;

/** What ping's own words say about whether it ran: a route the kernel refused is an observation, a broken ping is not. */
class PingOutcomeTest {
    private static final IpAddress DST = IpAddress.of("10.0.0.2");
    private static final PingCheck PING = new PingCheck("h1", Optional.empty(), new Target("h2", Pos.unknown("t")), 3, false, OptionalInt.empty(),
            Pos.unknown("t"));

    private static Observation judge(int exit, String out, String err, boolean killed) {
        return PING.judge(out, DST, new ProcResult(List.of("ping"), exit, out, err, killed));
    }

    @Test
    void noRouteIsARealObservationThatSentNothing() {
        for (String line : List.of("ping: connect: Network is unreachable", "ping: connect: No route to host", "ping: connect: Invalid argument",
                "ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules")) {
            Observation o = judge(2, "", line + "\n", false);
            assertThat(o.ran()).as(line).isTrue();
            assertThat(o.ok()).isFalse();
            assertThat(o.sentNothing()).isTrue();
            assertThat(o.detail()).isEqualTo("no route to 10.0.0.2: " + line);
        }
    }

    @Test
    void aPingThatCouldNotSendForAnotherReasonDidNotRun() {
        Observation noDevice = judge(2, "", "ping: SO_BINDTODEVICE eth9: No such device\n", false);
        assertThat(noDevice.ran()).isFalse();
        assertThat(noDevice.detail()).isEqualTo("ping sent nothing to 10.0.0.2: ping: SO_BINDTODEVICE eth9: No such device");
        assertThat(judge(2, "", "ping: socket: Operation not permitted\n", false).ran()).isFalse();
        assertThat(judge(2, "", "", false).detail()).endsWith("exit code 2");
    }

    @Test
    void aPingStoppedBeforeItsSummaryDidNotRun() {
        Observation o = judge(-1, "PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n", "", true);
        assertThat(o.ran()).isFalse();
        assertThat(o.detail()).startsWith("ping was stopped at the time limit");
    }

    @Test
    void everyEchoLostIsARealFailure() {
        Observation o = judge(1, "PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n\n--- 10.0.0.2 ping statistics ---\n"
                + "3 packets transmitted, 0 received, 100% packet loss, time 2030ms\n", "", false);
        assertThat(o.ran()).isTrue();
        assertThat(o.ok()).isFalse();
        assertThat(o.sentNothing()).isFalse();
        assertThat(o.detail()).startsWith("no reply from 10.0.0.2 (3 sent)");
    }
}
