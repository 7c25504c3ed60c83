package netlab.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What runners share while a plan runs: the process runner, how to run commands in nodes, and the set of
 * {@link netlab.plan.ObjectRef.Done} keys completed (persisted in the lab's state by the caller).
 */
public final class RunContext {
    private final ProcessRunner processes;
    private final NodeExec nodeExec;
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public RunContext(ProcessRunner processes, NodeExec nodeExec, Set<String> alreadyDone) {
        this.processes = processes;
        this.nodeExec = nodeExec;
        this.done.addAll(alreadyDone);
    }

    public ProcessRunner processes() {
        return processes;
    }

    public NodeExec nodeExec() {
        return nodeExec;
    }

    public void markDone(String key) {
        done.add(key);
    }

    public Set<String> done() {
        return Set.copyOf(done);
    }

    public boolean isDone(String key) {
        return done.contains(key);
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelled() {
        return cancelled.get();
    }
}
