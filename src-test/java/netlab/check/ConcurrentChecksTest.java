package netlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import netlab.model.LabModel;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.topology.Expect;
import org.junit.jupiter.api.Test;

/** Which checks the runner lets overlap, and in which order it reports them: probes that say what they did, no lab. */
class ConcurrentChecksTest {
    /** What the probes did, in the order it happened: "start NAME", "end NAME". */
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    /** A probe of a given class that notes its start and end, and first waits for {@code waitFor} (if any). */
    private final class Probe implements CheckBody {
        private final String name;
        private final Sharing sharing;
        private final CountDownLatch waitFor;
        private final CountDownLatch done = new CountDownLatch(1);

        Probe(String name, Sharing sharing, CountDownLatch waitFor) {
            this.name = name;
            this.sharing = sharing;
            this.waitFor = waitFor;
        }

        @Override
        public String kind() {
            return "fake";
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public Sharing sharing() {
            return sharing;
        }

        @Override
        public void validate(LabModel model, Diagnostics diags) {}

        @Override
        public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            events.add("start " + name);
            boolean released = waitFor == null || waitFor.await(20, TimeUnit.SECONDS);
            events.add("end " + name);
            running.decrementAndGet();
            done.countDown();
            return released ? Observation.ok(name) : Observation.notOk(name + " waited in vain");
        }
    }

    private static CheckSpec spec(Probe p) {
        return new CheckSpec(p.name, p, Expect.SUCCESS, Duration.ofSeconds(30), 0, Duration.ZERO, Pos.unknown("t"));
    }

    private List<String> run(int jobs, Probe... probes) throws InterruptedException {
        List<String> reported = new ArrayList<>();
        List<CheckSpec> specs = java.util.Arrays.stream(probes).map(ConcurrentChecksTest::spec).toList();
        List<CheckResult> results = new CheckRunner(null, jobs).runAll(specs, r -> reported.add(r.name()));
        assertThat(results).extracting(CheckResult::name).containsExactlyElementsOf(reported);
        assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.PASSED));
        return reported;
    }

    @Test
    void trafficRunsAtOnceAndIsReportedInItsOrder() throws InterruptedException {
        Probe second = new Probe("second", Sharing.TRAFFIC, null);
        Probe first = new Probe("first", Sharing.TRAFFIC, second.done); // ends only after the second has ended
        assertThat(run(4, first, second)).containsExactly("first", "second");
        // the first could only end (and pass) because the second ran while it waited: run one at a time, the first
        // would wait in vain and fail. Whether the second even started before the first is up to the scheduler.
        assertThat(events.indexOf("end second")).isLessThan(events.indexOf("end first"));
    }

    @Test
    void aReaderWaitsForTheTrafficBeforeItAndTheTrafficAfterItWaitsForIt() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(0);
        Probe ping1 = new Probe("ping1", Sharing.TRAFFIC, never), ping2 = new Probe("ping2", Sharing.TRAFFIC, never);
        Probe fdb = new Probe("fdb", Sharing.READS, never), neigh = new Probe("neigh", Sharing.READS, never);
        Probe ping3 = new Probe("ping3", Sharing.TRAFFIC, never);
        assertThat(run(4, ping1, ping2, fdb, neigh, ping3)).containsExactly("ping1", "ping2", "fdb", "neigh", "ping3");
        int lastTrafficEnd = Math.max(events.indexOf("end ping1"), events.indexOf("end ping2"));
        assertThat(events.indexOf("start fdb")).isGreaterThan(lastTrafficEnd);
        assertThat(events.indexOf("start neigh")).isGreaterThan(lastTrafficEnd);
        assertThat(events.indexOf("start ping3")).isGreaterThan(Math.max(events.indexOf("end fdb"), events.indexOf("end neigh")));
    }

    @Test
    void aCheckThatRunsAloneOverlapsNothing() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(0);
        Probe a = new Probe("a", Sharing.TRAFFIC, never), exec = new Probe("exec", Sharing.ALONE, never), b = new Probe("b", Sharing.TRAFFIC, never);
        Probe c = new Probe("c", Sharing.TRAFFIC, never);
        run(4, a, exec, b, c);
        assertThat(events.indexOf("start exec")).isEqualTo(events.indexOf("end a") + 1);
        assertThat(events.indexOf("end exec")).isEqualTo(events.indexOf("start exec") + 1);
        assertThat(events.indexOf("start b")).isGreaterThan(events.indexOf("end exec"));
    }

    @Test
    void serialRunsOneAtATimeAndJobsBoundTheRest() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(0);
        Probe[] many = new Probe[12];
        for (int i = 0; i < many.length; i++) many[i] = new Probe("p" + i, Sharing.TRAFFIC, never);
        run(1, many);
        assertThat(mostAtOnce.get()).isEqualTo(1);
        for (int i = 0; i < many.length; i++) assertThat(events.get(2 * i)).isEqualTo("start p" + i);
        events.clear();
        Probe[] more = new Probe[12];
        for (int i = 0; i < more.length; i++) more[i] = new Probe("q" + i, Sharing.TRAFFIC, never);
        run(3, more);
        assertThat(mostAtOnce.get()).isLessThanOrEqualTo(3);
    }
}
