package netlab.routing.extension;

import java.time.Duration;
import java.util.List;
import netlab.check.CheckContext;
import netlab.check.CouldNotRun;
import netlab.check.Observation;
import netlab.process.ProcResult;
import netlab.routing.observe.FrrAnswer;
import netlab.routing.observe.FrrObserver;
import netlab.routing.observe.FrrQueryException;
import netlab.routing.observe.FrrShow;

/**
 * Routing converges: an adjacency, a session or a route appears seconds after the daemons start (OSPF's hellos,
 * its wait timer on broadcast links, BGP's connect retries). A routing check therefore looks again and again within
 * its timeout until it sees what it tests for, and reports the last look: the first success, or what was there
 * when time ran out. A look that could not be made (FRR not answering, the namespace gone) is retried the same way,
 * and if the last one could not be made either, the check could not run: never a pass, whatever it expects.
 */
final class Converging {
    static final Duration POLL = Duration.ofMillis(250);
    /** What one vtysh question may take at most (vtysh answers in milliseconds when FRR runs). */
    static final Duration QUESTION = Duration.ofSeconds(10);

    private Converging() {}

    /** One look at the node's state. */
    @FunctionalInterface
    interface Look {
        Observation look() throws InterruptedException;
    }

    static Observation until(Duration timeout, Look look) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Observation o;
            try {
                o = look.look();
            } catch (CouldNotRun | FrrQueryException e) {
                o = Observation.couldNotRun(e.getMessage());
            }
            if (o.ok() || System.nanoTime() + POLL.toNanos() > deadline) return o;
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Asks the node's FRR a fixed question through vtysh, run the way the lab runs a routing node's vtysh (in its view). */
    static FrrAnswer ask(CheckContext ctx, String node, FrrShow question) throws InterruptedException {
        ProcResult r = ctx.inNode(node, List.of("vtysh", "-c", question.command()), QUESTION);
        return FrrObserver.answer(node, question, r);
    }
}
