package netlab.runtime;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import netlab.process.ProcessRunner;
import netlab.state.LabState;

/**
 * What runners share while a plan runs: the process runner, how to run commands in nodes, the set of
 * {@link netlab.plan.ObjectRef.Done} keys completed and the servers started (both persisted in the lab's state by
 * the caller).
 */
public final class RunContext {
    private final ProcessRunner processes;
    private final NodeExec nodeExec;
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<LabState.ProcessRecord> started = new CopyOnWriteArrayList<>();

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

    /** A long-running process started in a node (a server): the caller records it in the lab's state. */
    public void recordProcess(LabState.ProcessRecord p) {
        started.add(p);
    }

    public List<LabState.ProcessRecord> startedProcesses() {
        return List.copyOf(started);
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelled() {
        return cancelled.get();
    }
}
