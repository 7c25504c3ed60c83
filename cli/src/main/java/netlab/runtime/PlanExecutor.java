package netlab.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import netlab.errors.InterruptedByUser;
import netlab.errors.NetlabException;
import netlab.plan.Op;
import netlab.plan.Plan;
import netlab.plan.Stage;
import netlab.plan.Unit;
import netlab.process.Progress;
import netlab.process.ShellQuote;

/**
 * Runs a plan: stages in order; the units of a stage in parallel; within a unit, consecutive ops of one tool
 * as one process. When converging, ops whose object already exists are dropped first.
 */
public final class PlanExecutor {
    private final ToolRunners runners;
    private final RunContext ctx;
    private final Progress progress;
    private final int parallelism;
    /** How long cancelled units get to stop: a process is killed at once, a Docker call ends within seconds. */
    static final Duration WORKER_GRACE = Duration.ofSeconds(30);

    public PlanExecutor(ToolRunners runners, RunContext ctx, Progress progress, int parallelism) {
        this.runners = runners;
        this.ctx = ctx;
        this.progress = progress;
        this.parallelism = Math.max(1, parallelism);
    }

    /** Default parallelism: process start-up dominates, so a few more threads than cores keep the CPUs busy. */
    public static int defaultParallelism() {
        return Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
    }

    /** What a run did: ops run, and how many of them created an object (zero when converging a complete lab). */
    public record Stats(int opsRun, int created) {}

    public Stats execute(Plan plan, Observed observed) throws InterruptedException {
        int ops = 0, created = 0;
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "netlab-unit");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Stage stage : plan.stages()) {
                List<Unit> units = pending(stage, observed);
                if (units.isEmpty()) continue;
                runStage(stage.name(), units, pool);
                for (Unit u : units) {
                    ops += u.ops().size();
                    created += (int) u.ops().stream().filter(op -> op.creates().isPresent()).count();
                }
            }
        } finally {
            pool.shutdownNow();
            awaitWorkers(pool);
        }
        return new Stats(ops, created);
    }

    /**
     * Waits until every unit has really stopped. After Ctrl-C the caller removes what was made; a unit still
     * running (a container being created, a namespace being named) would make something after that removal
     * looked, and leave it behind.
     */
    private void awaitWorkers(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + WORKER_GRACE.toNanos();
        while (true) {
            try {
                if (pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) break;
                progress.warn("some work was still running " + WORKER_GRACE.toSeconds() + " s after it was cancelled; going on without it");
                break;
            } catch (InterruptedException e) {
                interrupted = true; // another Ctrl-C: the third one ends the process (see Interrupts)
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private List<Unit> pending(Stage stage, Observed observed) throws InterruptedException {
        List<Unit> out = new ArrayList<>();
        for (Unit u : stage.units()) {
            List<Op> ops = new ArrayList<>();
            for (Op op : u.ops()) {
                if (op.creates().isPresent() && (observed.exists(op.creates().get()) || isDone(op))) continue;
                ops.add(op);
            }
            if (!ops.isEmpty()) out.add(new Unit(u.label(), u.netns(), ops));
        }
        return out;
    }

    private boolean isDone(Op op) {
        return op.creates().get() instanceof netlab.plan.ObjectRef.Done d && ctx.isDone(d.key());
    }

    private void runStage(String name, List<Unit> units, ExecutorService pool) throws InterruptedException {
        long t0 = System.nanoTime();
        progress.stageStarted(name, units.size(), units.stream().mapToInt(u -> u.ops().size()).sum());
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (Unit u : units) {
            futures.add(pool.submit(() -> {
                if (ctx.cancelled()) return null;
                runUnit(u);
                progress.unitDone(name, done.incrementAndGet(), units.size());
                return null;
            }));
        }
        NetlabException first = null;
        int failures = 0;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failures++;
                if (first == null) first = asNetlab(e.getCause());
            } catch (InterruptedException e) {
                ctx.cancel();
                futures.forEach(x -> x.cancel(true));
                throw e;
            }
        }
        if (ctx.cancelled()) throw new InterruptedByUser("interrupted during stage '" + name + "'");
        if (first != null) {
            if (failures > 1) {
                throw new NetlabException(first.exitCode(), first.getMessage() + " (and " + (failures - 1) + " more failures in stage '" + name + "')", first);
            }
            throw first;
        }
        progress.stageDone(name, Duration.ofNanos(System.nanoTime() - t0));
    }

    private void runUnit(Unit u) throws InterruptedException {
        List<Op> batch = new ArrayList<>();
        for (Op op : u.ops()) {
            if (!batch.isEmpty() && batch.get(0).tool() != op.tool()) {
                runners.get(batch.get(0).tool()).run(u.netns(), batch, ctx);
                batch = new ArrayList<>();
            }
            batch.add(op);
        }
        if (!batch.isEmpty()) runners.get(batch.get(0).tool()).run(u.netns(), batch, ctx);
    }

    /** The whole plan as the shell commands that would run, stage by stage. */
    public static String render(Plan plan, ToolRunners runners, RunContext ctx) {
        StringBuilder sb = new StringBuilder();
        sb.append(ShellQuote.comment("netlab plan for lab '" + plan.lab() + "'")).append('\n');
        for (Stage stage : plan.stages()) {
            sb.append("\n# --- ").append(stage.name());
            if (stage.units().size() > 1) sb.append(" (").append(stage.units().size()).append(" units, run in parallel)");
            sb.append('\n');
            for (Unit u : stage.units()) {
                sb.append(ShellQuote.comment(u.label())).append('\n');
                List<Op> batch = new ArrayList<>();
                for (Op op : u.ops()) {
                    if (!batch.isEmpty() && batch.get(0).tool() != op.tool()) {
                        sb.append(runners.get(batch.get(0).tool()).render(u.netns(), batch, ctx)).append('\n');
                        batch = new ArrayList<>();
                    }
                    batch.add(op);
                }
                if (!batch.isEmpty()) sb.append(runners.get(batch.get(0).tool()).render(u.netns(), batch, ctx)).append('\n');
            }
        }
        return sb.toString();
    }

    private static NetlabException asNetlab(Throwable t) {
        if (t instanceof NetlabException n) return n;
        if (t instanceof InterruptedException) return new InterruptedByUser("interrupted");
        return new NetlabException(netlab.errors.ExitCode.INTERNAL, "internal error: " + t, t);
    }
}
