package netlab.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.docker.LabContainers;
import netlab.doctor.Netns;
import netlab.errors.NetlabException;
import netlab.plan.Naming;
import netlab.runtime.ns.InNetns;
import netlab.source.Printable;
import netlab.state.LabLock;
import netlab.state.LabName;
import netlab.state.LabState;

/**
 * Removes a lab from its own record alone (the topology file is not needed): first every process running in the
 * lab's namespaces (servers, captures a crashed netlab left), then the namespaces, which takes their interfaces
 * and bridges with them, then the record. Safe to repeat; touches nothing the record or the marks do not name.
 */
public final class LabDown {
    private final LabEnv env;
    /** What was said about namespaces this down ignores, so looking twice (down --all) says it once. */
    private final java.util.Set<String> reported = new java.util.HashSet<>();

    public LabDown(LabEnv env) {
        this.env = env;
    }

    /** What was removed, for the summary line. */
    public record Removed(String lab, int namespaces, int processes, int containers, Duration took) {}

    /** Removes one lab; a lab with neither record nor marked namespaces is "not up", which is not an error. */
    public Optional<Removed> down(LabName lab, boolean waitForLock) throws InterruptedException {
        Optional<Removed> removed;
        try (LabLock lock = LabLock.acquire(env.store(), lab, waitForLock, env.progress())) {
            try {
                removed = downLocked(lab);
            } finally {
                // also when down is refused (the name is a link planted among the records) or fails: a lock file is
                // made afresh by whoever needs one (a waiter notices its file went), and a refusal leaves nothing
                lock.deleteFile();
            }
        }
        // an up killed while it probed kernel features left its throw-away namespace: not the lab's, but netlab's
        new netlab.doctor.FeatureProbe(env.processes()).removeStaleProbes();
        return removed;
    }

    /** For callers that already hold the lab's lock (rollback of a failed up). */
    Optional<Removed> downLocked(LabName lab) throws InterruptedException {
        long t0 = System.nanoTime();
        Optional<LabState> state = env.store().load(lab);
        List<String> namespaces = new ArrayList<>();
        if (state.isPresent()) {
            env.store().save(lab, state.get().withStatus(LabState.REMOVING));
            for (String ns : state.get().namespaces()) if (isLabsNamespace(ns, lab, "its record") && Netns.exists(ns)) namespaces.add(ns);
        }
        // The record is written before anything is made, so it names everything. Without one (the state directory
        // was wiped), the marks on the namespaces tell which are this lab's.
        if (state.isEmpty()) namespaces.addAll(markedOrphans(Optional.of(lab)).getOrDefault(lab, List.of()));
        if (state.isEmpty() && namespaces.isEmpty() && !hasMarkedContainers(lab)) {
            // An up stopped while writing its record made nothing yet; what it wrote still goes.
            if (!env.store().hasRecordFiles(lab)) return Optional.empty();
            env.store().delete(lab);
            return Optional.of(new Removed(lab.value(), 0, 0, 0, Duration.ofNanos(System.nanoTime() - t0)));
        }

        int containers = removeContainers(lab, state);
        int killed = stopProcesses(namespaces);
        deleteNamespaces(namespaces);
        env.store().delete(lab);
        return Optional.of(new Removed(lab.value(), namespaces.size(), killed, containers, Duration.ofNanos(System.nanoTime() - t0)));
    }

    /**
     * Whether a namespace name read back from the machine (a record, a listing whose mark named this lab) is one this
     * lab's names can be: {@code netlab.LAB} or {@code netlab.LAB.NODE}. Anything else (a path, another lab's
     * namespace, a name with a newline) is said in one line and left alone: down acts on nothing its own names and
     * marks do not prove to be the lab's.
     */
    private boolean isLabsNamespace(String ns, LabName lab, String from) {
        if (env.naming(lab).ownsNetns(ns)) return true;
        warnOnce("ignoring namespace '" + Printable.name(ns) + "' named by " + from + " of lab '" + lab
                + "': not a name of that lab's; left as it is");
        return false;
    }

    private void warnOnce(String message) {
        if (reported.add(message)) env.progress().warn(message);
    }

    /** Every lab this state directory knows of: recorded ones and those only marks tell about. */
    public List<LabName> allLabs() throws InterruptedException {
        List<LabName> labs = new ArrayList<>(env.store().labs());
        for (LabName lab : env.store().unfinishedRecords()) if (!labs.contains(lab)) labs.add(lab);
        for (LabName lab : markedOrphans(Optional.empty()).keySet()) if (!labs.contains(lab)) labs.add(lab);
        // containers outlive /run (a reboot empties /run/netns and /run/netlab): their labels still tell
        if (env.docker().reachable()) {
            for (LabName lab : LabContainers.labs(env.docker().engine(), env.store().token(), env.progress())) if (!labs.contains(lab)) labs.add(lab);
        }
        return labs;
    }

    /**
     * Removes every container carrying the lab's marks. A lab recorded without containers never needs (or loads)
     * the Docker client; a lab recorded with some needs the engine, and its record stays until they are gone.
     * Without a record, containers are looked for wherever an engine answers.
     */
    int removeContainers(LabName lab, Optional<LabState> state) throws InterruptedException {
        boolean recorded = state.isPresent() && !state.get().containers().isEmpty();
        if (state.isPresent() && !recorded) return 0;
        if (!recorded && !env.docker().reachable()) return 0;
        try {
            return new LabContainers(env.docker().engine(), env.naming(lab)).removeAll();
        } catch (NetlabException e) {
            throw new NetlabException(e.exitCode(), "cannot remove the containers of lab '" + lab + "' (its record is kept, so"
                    + " 'netlab down " + lab + "' can finish later): " + e.getMessage(), e);
        }
    }

    private boolean hasMarkedContainers(LabName lab) {
        return env.docker().reachable() && !new LabContainers(env.docker().engine(), env.naming(lab)).all().isEmpty();
    }

    /** Stops every process inside the lab's namespaces: SIGTERM, a short grace, then SIGKILL. */
    private int stopProcesses(List<String> namespaces) throws InterruptedException {
        Map<Long, String> pids = Netns.processesIn(Netns.inodes(namespaces));
        if (pids.isEmpty()) return 0;
        List<ProcessHandle> handles = new ArrayList<>();
        for (long pid : pids.keySet()) ProcessHandle.of(pid).ifPresent(h -> {
            h.destroy();
            handles.add(h);
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        for (ProcessHandle h : handles) {
            while (running(h) && System.nanoTime() < deadline) Thread.sleep(20);
            if (running(h)) h.destroyForcibly();
        }
        return handles.size();
    }

    /**
     * Alive and not a zombie. A server netlab started outlives the netlab process that started it, so its parent is
     * init, which may take its time to reap it; once it is a zombie it holds no socket and no namespace.
     */
    private static boolean running(ProcessHandle h) {
        if (!h.isAlive()) return false;
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(h.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** Deletes the namespaces (no process: see {@link InNetns#deleteNetns}); all of them, then says which would not go. */
    private void deleteNamespaces(List<String> namespaces) {
        List<String> left = new ArrayList<>();
        for (String ns : namespaces) if (!InNetns.deleteNetns(ns) || Netns.exists(ns)) left.add(ns);
        if (!left.isEmpty()) {
            throw NetlabException.failed("could not remove namespace" + (left.size() > 1 ? "s " : " ") + String.join(", ", left));
        }
    }

    /**
     * Namespaces with this state directory's mark, grouped by the lab the mark names. The name only narrows the
     * search; the mark decides, and must agree with the name: a lab's container with NET_ADMIN can rewrite the alias
     * its namespace's loopback carries, so a mark naming no lab ("../../etc"), or a lab other than the one the
     * namespace's name belongs to, is ignored and said in one line, never acted on.
     */
    Map<LabName, List<String>> markedOrphans(Optional<LabName> onlyLab) throws InterruptedException {
        Map<LabName, List<String>> out = new LinkedHashMap<>();
        String token = env.store().token();
        for (String ns : Netns.listNetlab()) {
            if (onlyLab.isPresent() && !env.naming(onlyLab.get()).ownsNetns(ns)) continue;
            Optional<String> mark = Netns.mark(ns, env.processes());
            Optional<String> named = mark.flatMap(m -> Naming.labOfMark(m, token));
            if (named.isEmpty()) continue; // no mark, or another state directory's: not this netlab's to touch
            Optional<LabName> lab = LabName.ifValid(named.get());
            if (lab.isEmpty() || !env.naming(lab.get()).ownsNetns(ns)) {
                warnOnce("ignoring namespace " + Printable.name(ns) + ": its mark '" + Printable.name(mark.get())
                        + "' is forged (it names " + (lab.isEmpty() ? "no lab" : "lab '" + lab.get() + "', whose namespace it is not")
                        + "); left as it is");
                continue;
            }
            out.computeIfAbsent(lab.get(), k -> new ArrayList<>()).add(ns);
        }
        return out;
    }
}
