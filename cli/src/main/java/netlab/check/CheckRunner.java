package netlab.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs checks, each with its own timeout and retries until it shows the expected outcome. An attempt that could not
 * run is retried like a failed one; the check's outcome is its last attempt's.
 *
 * <p>Checks start in the order they are declared, and their results are reported in that order. Those that only
 * observe run several at once ({@link Sharing}): a run of consecutive checks of one class (probes that send traffic,
 * or readers of the kernel's tables) runs together, at most {@code jobs} at a time, and the next run starts when it
 * has ended, so a reader still sees what the traffic declared before it taught (an FDB check after a ping), and no
 * traffic declared after it changes what it reads. A check that changes state or watches a window of time runs
 * alone in its place. With one job (--serial) every check runs alone, one after the other.
 */
public final class CheckRunner {
    private final CheckContext ctx;
    private final int jobs;

    public CheckRunner(CheckContext ctx) {
        this(ctx, defaultJobs());
    }

    /** @param jobs how many checks may run at once; 1 runs them one after the other */
    public CheckRunner(CheckContext ctx, int jobs) {
        this.ctx = ctx;
        this.jobs = Math.max(1, jobs);
    }

    /**
     * Checks at once by default: four per core, at least 2 and at most 16 (most of a probe's time is a wait for the
     * kernel or a reply, not the CPU). {@code -Dnetlab.check.jobs=N} sets it.
     */
    public static int defaultJobs() {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Integer.getInteger("netlab.check.jobs", Math.max(2, Math.min(16, 4 * cores))));
    }

    public List<CheckResult> runAll(List<CheckSpec> checks, Consumer<CheckResult> onResult) throws InterruptedException {
        List<CheckResult> results = new ArrayList<>();
        ExecutorService pool = null;
        try {
            for (int i = 0; i < checks.size(); ) {
                int end = groupEnd(checks, i);
                if (end - i == 1) {
                    CheckResult r = run(checks.get(i));
                    results.add(r);
                    onResult.accept(r);
                } else {
                    if (pool == null) pool = pool();
                    List<Future<CheckResult>> running = new ArrayList<>();
                    for (CheckSpec c : checks.subList(i, end)) running.add(pool.submit(() -> run(c)));
                    for (Future<CheckResult> f : running) {
                        CheckResult r = result(f);
                        results.add(r);
                        onResult.accept(r);
                    }
                }
                i = end;
            }
            return results;
        } finally {
            if (pool != null) stop(pool);
        }
    }

    /** Where the group starting at {@code start} ends: the checks of its class right after it, or itself alone. */
    int groupEnd(List<CheckSpec> checks, int start) {
        Sharing s = checks.get(start).sharing();
        int end = start + 1;
        if (jobs == 1 || s == Sharing.ALONE) return end;
        while (end < checks.size() && checks.get(end).sharing() == s) end++;
        return end;
    }

    private ExecutorService pool() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "netlab-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static CheckResult result(Future<CheckResult> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException ie) throw ie;
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Stops the checks still running (after an interrupt: each probe stops its process or closes its sockets) and
     * waits a moment for them, so none outlives the command that started it.
     */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    public CheckResult run(CheckSpec c) throws InterruptedException {
        long t0 = System.nanoTime();
        Observation last = null;
        Outcome outcome = null;
        int attempt = 0;
        while (attempt <= c.retries()) {
            attempt++;
            last = c.body().observe(ctx, c.timeout());
            outcome = Outcome.of(last, c.expect());
            if (outcome == Outcome.PASSED) break;
            if (attempt <= c.retries()) Thread.sleep(c.interval().toMillis());
        }
        return new CheckResult(c.name(), c.body().kind(), c.expect(), outcome, attempt, Duration.ofNanos(System.nanoTime() - t0),
                outcome.detail(last, c.expect()));
    }
}
