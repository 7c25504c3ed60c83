package netlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import netlab.model.LabModel;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.topology.Expect;
import org.junit.jupiter.api.Test;

/** The runner's decisions, with probes that say what they are told to: no kernel, no lab. */
class CheckRunnerTest {
    /** A probe whose attempts return (or throw) what it was given, in turn. */
    private static final class Scripted implements CheckBody {
        private final Deque<Supplier<Observation>> attempts;

        @SafeVarargs
        Scripted(Supplier<Observation>... attempts) {
            this.attempts = new ArrayDeque<>(List.of(attempts));
        }

        @Override
        public String kind() {
            return "fake";
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public void validate(LabModel model, Diagnostics diags) {}

        @Override
        public Observation attempt(CheckContext ctx, Duration timeout) {
            return attempts.size() > 1 ? attempts.pop().get() : attempts.peek().get();
        }
    }

    private static CheckResult run(Expect expect, int retries, CheckBody body) throws InterruptedException {
        return new CheckRunner(null).run(new CheckSpec("c", body, expect, Duration.ofSeconds(1), retries, Duration.ZERO, Pos.unknown("t")));
    }

    @Test
    void aProbeThatCouldNotRunNeverPassesWhateverItExpects() throws InterruptedException {
        for (Expect expect : Expect.values()) {
            CheckResult r = run(expect, 0, new Scripted(() -> Observation.couldNotRun("tcpdump did not start: syntax error")));
            assertThat(r.outcome()).as(expect.word()).isEqualTo(Outcome.COULD_NOT_RUN);
            assertThat(r.passed()).isFalse();
            assertThat(r.detail()).isEqualTo("could not run: tcpdump did not start: syntax error");
        }
    }

    @Test
    void aProbeThatThrowsCouldNotRun() throws InterruptedException {
        CheckResult thrown = run(Expect.FAILURE, 0, new Scripted(() -> {
            throw new CouldNotRun("h1: cannot enter namespace netlab.x.h1 (No such file or directory)");
        }));
        assertThat(thrown.outcome()).isEqualTo(Outcome.COULD_NOT_RUN);
        assertThat(thrown.detail()).isEqualTo("could not run: h1: cannot enter namespace netlab.x.h1 (No such file or directory)");
        CheckResult crashed = run(Expect.FAILURE, 0, new Scripted(() -> {
            throw new IllegalStateException("pinging from netlab.x.h1 failed: cannot open network namespace");
        }));
        assertThat(crashed.outcome()).as("any other exception out of a probe: it did not run").isEqualTo(Outcome.COULD_NOT_RUN);
    }

    @Test
    void expectedOutcomesPassAndOthersFail() throws InterruptedException {
        assertThat(run(Expect.SUCCESS, 0, new Scripted(() -> Observation.ok("3/3 replies"))).outcome()).isEqualTo(Outcome.PASSED);
        CheckResult blocked = run(Expect.FAILURE, 0, new Scripted(() -> Observation.notOk("no reply")));
        assertThat(blocked.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(blocked.detail()).isEqualTo("failed as expected: no reply");
        CheckResult leaked = run(Expect.FAILURE, 0, new Scripted(() -> Observation.ok("3/3 replies")));
        assertThat(leaked.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(leaked.detail()).isEqualTo("expected to fail, but succeeded: 3/3 replies");
        CheckResult failed = run(Expect.SUCCESS, 0, new Scripted(() -> Observation.notOk("no reply")));
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.detail()).isEqualTo("no reply");
    }

    @Test
    void aNoRouteThatSentNothingIsARealObservationForACheckOfItsOwn() throws InterruptedException {
        CheckResult r = run(Expect.FAILURE, 0, new Scripted(() -> Observation.notOk("no route to 10.1.2.1: ping: connect: Network is unreachable").nothingSent()));
        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void couldNotRunIsRetriedAndTheLastAttemptDecides() throws InterruptedException {
        CheckResult recovered = run(Expect.SUCCESS, 2, new Scripted(() -> Observation.couldNotRun("gone"), () -> Observation.ok("3/3 replies")));
        assertThat(recovered.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(recovered.attempts()).isEqualTo(2);

        CheckResult endsUnrun = run(Expect.SUCCESS, 1, new Scripted(() -> Observation.notOk("no reply"), () -> Observation.couldNotRun("gone")));
        assertThat(endsUnrun.outcome()).isEqualTo(Outcome.COULD_NOT_RUN);
        assertThat(endsUnrun.attempts()).isEqualTo(2);

        CheckResult endsFailed = run(Expect.FAILURE, 1, new Scripted(() -> Observation.couldNotRun("gone"), () -> Observation.ok("replies")));
        assertThat(endsFailed.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void anActionThatSentNothingOrDidNotRunDidNotDoItsJob() {
        assertThat(Observation.notOk("no route").nothingSent().asAction().ran()).isFalse();
        assertThat(Observation.notOk("no route").nothingSent().asAction().detail()).isEqualTo("it sent nothing: no route");
        assertThat(Observation.ok("all lost, as asked").nothingSent().asAction().ran()).isFalse();
        assertThat(Observation.couldNotRun("gone").asAction().ran()).isFalse();
        // no answer, but the traffic went out: an ARP for an address nobody has is what a capture may watch
        assertThat(Observation.notOk("Destination Host Unreachable").asAction().ran()).isTrue();
        assertThat(Observation.ok("3/3 replies").asAction().ran()).isTrue();
    }
}
