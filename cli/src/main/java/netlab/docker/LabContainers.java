package netlab.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import netlab.errors.NetlabException;
import netlab.plan.Naming;
import netlab.process.Progress;
import netlab.source.Printable;
import netlab.state.LabName;

/**
 * A lab's containers as the engine holds them, found by their marks (labels with the lab and the state
 * directory's token), never by name: so cleanup touches nothing that is not the lab's own.
 */
public final class LabContainers {
    /** Removals in flight at once: the engine serializes much of the work, a few in parallel still overlap well. */
    private static final int PARALLEL = 8;
    private final DockerEngine engine;
    private final Naming naming;

    public LabContainers(DockerEngine engine, Naming naming) {
        this.engine = engine;
        this.naming = naming;
    }

    /**
     * Whether the container runs as the lab needs it: it exists, carries the lab's marks, runs, and — for a pod's
     * app container — still shares the network namespace of its running pause container (a pause container made
     * again leaves the old members cut off).
     */
    public boolean live(String name) {
        Optional<ContainerState> c = engine.inspect(name);
        if (c.isEmpty() || !c.get().running() || !naming.marks(c.get().labels())) return false;
        String mode = c.get().networkMode();
        if (!mode.startsWith("container:")) return true;
        Optional<ContainerState> owner = engine.inspect(mode.substring("container:".length()));
        return owner.isPresent() && owner.get().running() && NetnsAttach.sameNamespace(c.get().pid(), owner.get().pid(), "net");
    }

    /** Every container carrying the lab's marks, running or not. */
    public List<ContainerState> all() {
        return engine.list(naming.containerMarks());
    }

    /**
     * Removes every container carrying the lab's marks, several at a time. Lists again afterwards: a container
     * whose creation a killed netlab had already asked for may appear a moment later.
     *
     * @return how many were removed
     */
    /** How long removal keeps trying while the engine is still busy with a container. */
    static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(15);

    public int removeAll() throws InterruptedException {
        // A container the engine is still creating or starting (its request was cut short by Ctrl-C or a kill) cannot
        // be removed yet, or shows up only after the first listing: keep at it, with pauses, until none is left.
        java.util.Set<String> removed = new java.util.HashSet<>();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            List<ContainerState> found = all();
            if (found.isEmpty() || System.nanoTime() > deadline) break;
            removeInParallel(found);
            found.forEach(c -> removed.add(c.id()));
            if (all().isEmpty()) break;
            Thread.sleep(200);
        }
        List<ContainerState> left = all();
        if (!left.isEmpty()) {
            throw NetlabException.failed("could not remove container" + (left.size() > 1 ? "s " : " ")
                    + String.join(", ", left.stream().map(ContainerState::name).toList()));
        }
        return removed.size();
    }

    private void removeInParallel(List<ContainerState> containers) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, containers.size()), r -> {
            Thread t = new Thread(r, "netlab-docker-rm");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (ContainerState c : containers) futures.add(pool.submit(() -> engine.remove(c.id())));
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Labs that have containers made by the state directory with this token. A label that names no lab (whoever
     * can label containers can write anything there) is said in one line and ignored, never acted on.
     */
    public static List<LabName> labs(DockerEngine engine, String stateToken, Progress progress) {
        TreeSet<LabName> out = new TreeSet<>();
        for (ContainerState c : engine.list(Map.of(Naming.LABEL_STATE, stateToken))) {
            String lab = c.labels().get(Naming.LABEL_LAB);
            if (lab == null) continue;
            Optional<LabName> name = LabName.ifValid(lab);
            if (name.isPresent()) {
                out.add(name.get());
            } else {
                progress.warn("ignoring container " + Printable.name(String.valueOf(c.name())) + ": its label " + Naming.LABEL_LAB + "='"
                        + Printable.name(lab) + "' names no lab; left as it is");
            }
        }
        return new ArrayList<>(out);
    }
}
