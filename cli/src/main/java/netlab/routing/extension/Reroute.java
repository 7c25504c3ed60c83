package netlab.routing.extension;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import netlab.check.CouldNotRun;
import netlab.check.Observation;
import netlab.routing.observe.FrrQueryException;
import netlab.routing.observe.KernelRoute;

/**
 * The measurement of a convergence check, apart from how the lab is reached: the route before, the action, then
 * look after look until the route has moved (or the bound is up), the time from the action to the first look that
 * saw it moved, and the action undone in every case, even when the looks failed or were interrupted; then, within
 * the same bound, until the route is back as it was, so that the checks after this one find the lab converged.
 *
 * <p>Never a pass because something could not be done: a route that is not there before (nothing to move), one that
 * already looks as the check expects after the action (no move could be told), an action that failed, a table
 * that could not be read. Each of those could not run.
 */
final class Reroute {
    /** How the lab is reached: the node's route, the action and its undoing, and the clock. */
    interface Lab {
        /** The node's route to the prefix now; {@link CouldNotRun} or {@link FrrQueryException} when it cannot be read. */
        Optional<KernelRoute> route() throws InterruptedException;

        /** Does the action ({@link CouldNotRun} when it could not). */
        void act() throws InterruptedException;

        /** Undoes it (the link up again, with the node's routes); {@link CouldNotRun} when it could not. */
        void undo() throws InterruptedException;

        long nanoTime();

        void sleep(Duration d) throws InterruptedException;
    }

    /** What the check is about, in words for its report. */
    record Words(String node, String prefix, String action, String expected) {}

    static final Duration POLL = Duration.ofMillis(20);

    private Reroute() {}

    /**
     * @param moved whether a route seen after the action is the one the check waits for, given the route before
     * @param bound how long the route has to move
     */
    static Observation measure(Lab lab, Words w, MoveTest moved, Duration bound) throws InterruptedException {
        KernelRoute before;
        try {
            Optional<KernelRoute> r = lab.route();
            if (r.isEmpty()) return Observation.couldNotRun(w.node() + " has no route to " + w.prefix() + " before " + w.action() + ": there is nothing to move");
            before = r.get();
        } catch (CouldNotRun | FrrQueryException e) {
            return Observation.couldNotRun(e.getMessage());
        }
        if (moved.test(before, before)) {
            return Observation.couldNotRun(w.node() + "'s route to " + w.prefix() + " is already " + words(before) + " before " + w.action()
                    + ": no move could be told");
        }
        try {
            lab.act();
        } catch (CouldNotRun e) {
            return Observation.couldNotRun(w.action() + " could not be done: " + e.getMessage());
        }
        long t0 = lab.nanoTime();
        Observation result;
        Optional<String> notUndone = Optional.empty();
        try {
            result = await(lab, w, before, moved, bound, t0);
        } finally {
            // undone even when Ctrl-C interrupted the looks: the interrupt is kept for after
            boolean interrupted = Thread.interrupted();
            try {
                lab.undo();
            } catch (CouldNotRun e) {
                notUndone = Optional.of(e.getMessage());
            } finally {
                if (interrupted) Thread.currentThread().interrupt();
            }
        }
        if (notUndone.isPresent()) return Observation.couldNotRun("the cut could not be undone, the lab is left cut: " + notUndone.get());
        return result.ran() ? new Observation(result.seen(), result.detail() + back(lab, w, before, bound), false) : result;
    }

    /** Whether a route seen now is the one waited for. */
    @FunctionalInterface
    interface MoveTest {
        boolean test(KernelRoute before, KernelRoute now);

        /** The route now goes through one of these next hops or this interface (whichever are given). */
        static MoveTest to(Predicate<KernelRoute> expected) {
            return (before, now) -> expected.test(now);
        }

        /** The route now goes another way than before (another next hop or interface). */
        static MoveTest away() {
            return (before, now) -> !now.gateway().equals(before.gateway()) || !now.dev().equals(before.dev());
        }
    }

    private static Observation await(Lab lab, Words w, KernelRoute before, MoveTest moved, Duration bound, long t0) throws InterruptedException {
        long deadline = t0 + bound.toNanos();
        Optional<KernelRoute> seen = Optional.of(before);
        while (true) {
            try {
                seen = lab.route();
            } catch (CouldNotRun | FrrQueryException e) {
                return Observation.couldNotRun("after " + w.action() + ": " + e.getMessage());
            }
            long now = lab.nanoTime();
            if (seen.isPresent() && moved.test(before, seen.get())) {
                return Observation.ok(w.node() + "'s route to " + w.prefix() + " moved from " + words(before) + " to " + words(seen.get()) + " in "
                        + seconds(now - t0) + " after " + w.action() + " (bound " + seconds(bound.toNanos()) + ")");
            }
            if (now >= deadline) break;
            lab.sleep(POLL);
        }
        String last = seen.map(r -> "it is " + words(r)).orElse("it has none");
        return Observation.notOk(w.node() + "'s route to " + w.prefix() + " did not move " + w.expected() + " within " + seconds(bound.toNanos())
                + " after " + w.action() + " (it was " + words(before) + "; " + last + ")");
    }

    /** After the undo: until the route is back as it was (within the bound), said in the report either way. */
    private static String back(Lab lab, Words w, KernelRoute before, Duration bound) throws InterruptedException {
        long t0 = lab.nanoTime();
        long deadline = t0 + bound.toNanos();
        while (true) {
            try {
                Optional<KernelRoute> r = lab.route();
                if (r.isPresent() && r.get().gateway().equals(before.gateway()) && r.get().dev().equals(before.dev())) {
                    return "; back as before " + seconds(lab.nanoTime() - t0) + " after it was undone";
                }
            } catch (CouldNotRun | FrrQueryException e) {
                return "; undone, but the route could not be read again: " + e.getMessage();
            }
            if (lab.nanoTime() >= deadline) return "; undone, but the route was not back as before within " + seconds(bound.toNanos());
            lab.sleep(POLL);
        }
    }

    static String words(KernelRoute r) {
        return r.gateway().map(g -> "via " + g).orElse(r.dev().isPresent() ? "direct" : "multipath") + r.dev().map(d -> " dev " + d).orElse("")
                + " (" + r.protocol() + ")";
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
