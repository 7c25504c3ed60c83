package netlab.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import netlab.topology.CheckSpec;
import netlab.topology.Expect;

/**
 * Runs checks one after the other (later checks may rely on what earlier ones did, e.g. an FDB check after a
 * ping), each with its own timeout and retries until it shows the expected outcome.
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

    /** One attempt; a probe that breaks (a node's namespace gone, a tool missing) is a failed probe, not a crash. */
    private Observation attempt(CheckSpec c) throws InterruptedException {
        try {
            return c.body().attempt(ctx, c.timeout());
        } catch (InterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            return Observation.notOk("could not probe: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    public CheckResult run(CheckSpec c) throws InterruptedException {
        long t0 = System.nanoTime();
        Observation last = null;
        int attempt = 0;
        boolean passed = false;
        while (attempt <= c.retries()) {
            attempt++;
            last = attempt(c);
            passed = last.ok() == (c.expect() == Expect.SUCCESS);
            if (passed) break;
            if (attempt <= c.retries()) Thread.sleep(c.interval().toMillis());
        }
        String detail = last.detail();
        if (c.expect() == Expect.FAILURE) detail = (passed ? "failed as expected: " : "expected to fail, but succeeded: ") + detail;
        return new CheckResult(c.name(), c.body().kind(), c.expect(), passed, attempt, Duration.ofNanos(System.nanoTime() - t0), detail);
    }
}
