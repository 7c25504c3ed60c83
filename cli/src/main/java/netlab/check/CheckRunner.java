package netlab.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs checks one after the other (later checks may rely on what earlier ones did, e.g. an FDB check after a
 * ping), each with its own timeout and retries until it shows the expected outcome. An attempt that could not run
 * is retried like a failed one; the check's outcome is its last attempt's.
 */
public final class CheckRunner {
    private final CheckContext ctx;

    public CheckRunner(CheckContext ctx) {
        this.ctx = ctx;
    }

    public List<CheckResult> runAll(List<CheckSpec> checks, Consumer<CheckResult> onResult) throws InterruptedException {
        List<CheckResult> results = new ArrayList<>();
        for (CheckSpec c : checks) {
            CheckResult r = run(c);
            results.add(r);
            onResult.accept(r);
        }
        return results;
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
