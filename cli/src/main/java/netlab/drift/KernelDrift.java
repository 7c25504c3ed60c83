package netlab.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import netlab.doctor.Netns;
import netlab.plan.Op;
import netlab.plan.Plan;
import netlab.plan.Stage;
import netlab.plan.Unit;
import netlab.process.ProcessRunner;
import netlab.runtime.LiveRules;
import netlab.runtime.netlink.KernelState;
import netlab.runtime.netlink.NetlinkReader;

/**
 * A lab's namespaces read and compared with what its plan makes: every namespace at once, each from a JVM thread inside it
 * (netlink and its /proc), plus one iptables-save where a namespace has firewall tables. The result is the drift and
 * the repairs that take the kernel back to exactly the topology.
 */
public final class KernelDrift {
    private static final LiveRules NO_RULES = new LiveRules(List.of(), List.of());

    private KernelDrift() {}

    /** What was read: each namespace's state (absent: the namespace is gone), and its firewall tables where it has any. */
    public record Reading(Map<String, KernelState> states, Map<String, LiveRules> v4, Map<String, LiveRules> v6) {}

    /** The drift, and the repairs as a one-stage plan (units per namespace, run in parallel before the lab's own plan). */
    public record Result(List<Drift> drift, Plan repairs, Reading reading) {
        public boolean repairsNothing() {
            return repairs.stages().isEmpty();
        }
    }

    /** Reads the namespaces of {@code lab} ({@code only}: just these), in parallel. */
    public static Reading read(ExpectedState.Lab lab, Set<String> only, ProcessRunner processes) throws InterruptedException {
        List<Expected> todo = lab.namespaces().values().stream().filter(e -> only.isEmpty() || only.contains(e.netns())).toList();
        Map<String, KernelState> states = new LinkedHashMap<>();
        Map<String, LiveRules> v4 = new LinkedHashMap<>(), v6 = new LinkedHashMap<>();
        if (todo.isEmpty()) return new Reading(states, v4, v6);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(todo.size(), Math.max(4, Runtime.getRuntime().availableProcessors() * 2)), r -> {
            Thread t = new Thread(r, "netlab-read");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Object[]>> futures = new ArrayList<>();
            for (Expected e : todo) futures.add(pool.submit(() -> readOne(e, processes)));
            for (int i = 0; i < todo.size(); i++) {
                Object[] r;
                try {
                    r = futures.get(i).get();
                } catch (java.util.concurrent.ExecutionException ex) {
                    if (ex.getCause() instanceof InterruptedException ie) throw ie;
                    r = new Object[] {null, null, null}; // unreadable: as good as gone
                }
                String ns = todo.get(i).netns();
                if (r[0] != null) states.put(ns, (KernelState) r[0]);
                if (r[1] != null) v4.put(ns, (LiveRules) r[1]);
                if (r[2] != null) v6.put(ns, (LiveRules) r[2]);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Reading(states, v4, v6);
    }

    private static Object[] readOne(Expected e, ProcessRunner processes) throws Exception {
        if (!Netns.exists(e.netns())) return new Object[] {null, null, null};
        KernelState s;
        try {
            s = NetlinkReader.read(e.netns(), new NetlinkReader.Wants(e.sysctls().keySet(), !e.vlans().isEmpty(), !e.listeners().isEmpty()));
        } catch (InterruptedException ie) {
            throw ie;
        } catch (Exception ex) {
            return new Object[] {null, null, null}; // vanished meanwhile
        }
        LiveRules v4 = e.rules().isPresent() || s.firewall().ipv4() ? LiveRules.read(processes, e.netns(), false) : null;
        LiveRules v6 = s.firewall().ipv6() ? LiveRules.read(processes, e.netns(), true) : null;
        return new Object[] {s, v4, v6};
    }

    /**
     * Compares what was read with what the lab's plan makes.
     *
     * @param keepExtra report extra objects but leave them (up --keep-extra)
     */
    public static Result compare(ExpectedState.Lab lab, Reading reading, Set<String> only, boolean keepExtra) {
        List<Drift> drift = new ArrayList<>();
        Map<String, NetnsDrift.Repairs> repairs = new LinkedHashMap<>();
        for (Expected e : lab.namespaces().values()) {
            if (!only.isEmpty() && !only.contains(e.netns())) continue;
            KernelState s = reading.states().get(e.netns());
            if (s == null) {
                drift.add(Drift.missing(e.owner(), Drift.Thing.NAMESPACE, e.netns()));
                continue;
            }
            drift.addAll(NetnsDrift.compare(e, s, reading.states(), reading.v4().getOrDefault(e.netns(), NO_RULES),
                    reading.v6().getOrDefault(e.netns(), NO_RULES), keepExtra, repairs));
        }
        List<Unit> units = new ArrayList<>();
        repairs.forEach((ns, r) -> {
            List<Op> ops = r.inOrder();
            Expected owner = lab.namespaces().get(ns);
            if (!ops.isEmpty()) units.add(new Unit("repair " + (owner != null ? owner.owner() : ns), ns, ops));
        });
        Plan plan = new Plan("repair", units.isEmpty() ? List.of() : List.of(new Stage("repair", units)));
        return new Result(drift, plan, reading);
    }
}
