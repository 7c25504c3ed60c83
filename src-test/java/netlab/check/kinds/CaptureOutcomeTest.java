package netlab.check.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.Observation;
import netlab.check.Target;
import netlab.model.LabModel;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;
import netlab.runtime.NodeExec;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import org.junit.jupiter.api.Test;

/**
 * When a capture ran, decided without a kernel: "tcpdump" is a shell script that says what tcpdump would, and the
 * 'during' action answers what it is told to.
 */
class CaptureOutcomeTest {
    /** Says it listens, prints the given frames, and on SIGTERM its count, as tcpdump does. */
    private static String listening(int frames) {
        return "trap 'echo \"" + frames + " packets captured\" >&2; exit 0' TERM; echo 'listening on eth1, link-type EN10MB' >&2; "
                + "i=0; while [ $i -lt " + frames + " ]; do i=$((i+1)); echo \"frame $i\"; done; while :; do sleep 0.05; done";
    }

    private static CheckContext tcpdumpIs(String script) {
        NodeExec exec = new NodeExec() {
            @Override
            public ProcResult exec(String node, List<String> argv, Duration timeout) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> interactive(String node, List<String> argv) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> command(String node, List<String> argv) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> inNetns(String node, List<String> argv) {
                return List.of("sh", "-c", script);
            }
        };
        return new CheckContext(null, null, exec, new ProcessRunner());
    }

    private static CheckBody action(Observation seen) {
        return new CheckBody() {
            @Override
            public String kind() {
                return "ping";
            }

            @Override
            public String describe() {
                return "ping h1 -> h2";
            }

            @Override
            public void validate(LabModel model, Diagnostics diags) {}

            @Override
            public Observation attempt(CheckContext ctx, Duration timeout) {
                return seen;
            }
        };
    }

    private static Observation capture(String script, Observation during, int min, Duration settle) throws InterruptedException {
        CaptureCheck c = new CaptureCheck(new Target("h3:eth1", Pos.unknown("t")), "", Optional.ofNullable(during).map(CaptureOutcomeTest::action), min,
                settle, Pos.unknown("t"));
        return c.observe(tcpdumpIs(script), Duration.ofSeconds(5));
    }

    private static final Observation SENT = Observation.ok("3/3 replies from 10.0.0.2");

    @Test
    void aFilterThatDoesNotCompileIsACaptureThatDidNotRun() throws InterruptedException {
        Observation o = capture("echo \"tcpdump: can't parse filter expression: syntax error\" >&2; exit 1", SENT, 1, Duration.ofMillis(100));
        assertThat(o.ran()).isFalse();
        assertThat(o.detail()).isEqualTo("tcpdump did not start on h3:eth1: tcpdump: can't parse filter expression: syntax error");
    }

    @Test
    void aTcpdumpThatClosedItsOutputWithoutListeningDidNotStart() throws InterruptedException {
        // its stderr ends before it has exited: it must not pass for listening (it once did, by a race)
        Observation o = capture("exec 2>&-; sleep 0.5; exit 1", SENT, 1, Duration.ofMillis(100));
        assertThat(o.ran()).isFalse();
        assertThat(o.detail()).startsWith("tcpdump did not start on h3:eth1");
    }

    @Test
    void aDuringActionThatCouldNotRunOrSentNothing() throws InterruptedException {
        Observation gone = capture(listening(0), Observation.couldNotRun("h1: cannot enter namespace netlab.l.h1 (No such file or directory)"), 1,
                Duration.ofMillis(100));
        assertThat(gone.ran()).isFalse();
        assertThat(gone.detail()).isEqualTo("its 'during' action (ping h1 -> h2) did not do its job: h1: cannot enter namespace netlab.l.h1"
                + " (No such file or directory)");
        Observation noRoute = capture(listening(0), Observation.notOk("no route to 10.0.0.2: ping: connect: Network is unreachable")
                .nothingSent(), 1, Duration.ofMillis(100));
        assertThat(noRoute.ran()).isFalse();
        assertThat(noRoute.detail()).contains("did not do its job: it sent nothing: no route to 10.0.0.2");
    }

    @Test
    void anActionWithoutAnswerStillSentItsTraffic() throws InterruptedException {
        Observation o = capture(listening(0), Observation.notOk("no reply from 10.0.0.99 (1 sent): Destination Host Unreachable"), 1,
                Duration.ofMillis(100));
        assertThat(o.ran()).isTrue();
        assertThat(o.ok()).isFalse();
        assertThat(o.detail()).isEqualTo("0 matching frames on h3:eth1; during: no reply from 10.0.0.99 (1 sent): Destination Host Unreachable");
    }

    @Test
    void aTcpdumpThatEndedByItselfSawNothingAfter() throws InterruptedException {
        Observation o = capture("echo 'listening on eth1' >&2; sleep 0.2; echo 'tcpdump: pcap_loop: The interface disappeared' >&2; exit 1", SENT, 1,
                Duration.ofSeconds(3));
        assertThat(o.ran()).isFalse();
        assertThat(o.detail()).startsWith("tcpdump on h3:eth1 ended before the capture did:").contains("The interface disappeared");
    }

    @Test
    void framesSeenAreSeen() throws InterruptedException {
        Observation o = capture(listening(3), SENT, 3, Duration.ofSeconds(3));
        assertThat(o.ok()).as(o.detail()).isTrue();
        assertThat(o.detail()).startsWith("3 matching frames on h3:eth1, first: frame 1; during: 3/3 replies");
        Observation without = capture(listening(1), null, 1, Duration.ofSeconds(3));
        assertThat(without.ok()).as(without.detail()).isTrue();
    }
}
