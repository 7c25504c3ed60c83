package netlab.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.check.CheckSpec;
import netlab.core.Catalog;
import netlab.core.Extension;
import netlab.doctor.Feature;
import netlab.doctor.FeatureProbe;
import netlab.doctor.Netns;
import netlab.doctor.ProbeResult;
import netlab.errors.InterruptedByUser;
import netlab.errors.NetlabException;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.plan.ObjectRef;
import netlab.plan.Op;
import netlab.plan.Plan;
import netlab.plan.Stage;
import netlab.plan.Unit;
import netlab.plan.build.Planner;
import netlab.runtime.Observed;
import netlab.runtime.PlanExecutor;
import netlab.runtime.RunContext;
import netlab.state.LabLock;
import netlab.state.LabName;
import netlab.state.LabState;

/**
 * Builds a lab. A fresh lab is recorded before anything is made, then built; if building fails or is interrupted,
 * everything is removed again. A lab that is already (partly) up is converged to exactly its topology: its drift is
 * read first (see {@link LabStatus#find}), what is extra is removed and what the plan only sets at creation is set,
 * then the plan makes what is missing and sets again what it sets; finally the lab is read again to say what, if
 * anything, still differs.
 */
public final class LabUp {
    private final LabEnv env;

    public LabUp(LabEnv env) {
        this.env = env;
    }

    /**
     * How the build went, for the summary line.
     *
     * @param repaired  when converging: the drift found before, which up repaired (extras kept with --keep-extra excluded)
     * @param kept      extras left in place because of --keep-extra
     * @param remaining drift still there afterwards (kept extras excluded): nothing, unless something could not be repaired
     */
    public record Built(String lab, boolean converged, int nodes, int switches, int links, int created, Duration took,
                        List<netlab.drift.Drift> repaired, List<netlab.drift.Drift> kept, List<netlab.drift.Drift> remaining) {
        public Built(String lab, boolean converged, int nodes, int switches, int links, int created, Duration took) {
            this(lab, converged, nodes, switches, links, created, took, List.of(), List.of(), List.of());
        }
    }

    public Plan plan(LoadedLab lab) {
        return Planner.plan(lab.model(), env.kindRuntime(lab.name()), env.catalog());
    }

    public String dryRun(LoadedLab lab) {
        Plan plan = plan(lab);
        RunContext ctx = new RunContext(env.processes(), env.nodeExec(lab.model()), Set.of());
        return PlanExecutor.render(plan, env.runners(), ctx);
    }

    public Built up(LoadedLab lab, boolean waitForLock, boolean keepOnError) throws InterruptedException {
        return up(lab, waitForLock, keepOnError, false);
    }

    /** @param keepExtra a converging up leaves what was added by hand (still reported as drift by status) */
    public Built up(LoadedLab lab, boolean waitForLock, boolean keepOnError, boolean keepExtra) throws InterruptedException {
        requireFeatures(lab.model());
        preflight(lab.model());
        try (LabLock lock = LabLock.acquire(env.store(), lab.labName(), waitForLock, env.progress())) {
            return upLocked(lab, keepOnError, keepExtra, lock);
        }
    }

    private Built upLocked(LoadedLab lab, boolean keepOnError, boolean keepExtra, LabLock lock) throws InterruptedException {
        long t0 = System.nanoTime();
        LabName name = lab.labName();
        Optional<LabState> existing = env.store().load(name);
        String path = lab.topology().source().absolutePath();
        if (existing.isPresent() && existing.get().topologyPath() != null && !existing.get().topologyPath().equals(path)) {
            throw NetlabException.labState("lab '" + name + "' is already up from " + existing.get().topologyPath()
                    + "; take it down first, or run this one under another name with --name");
        }
        Plan plan = plan(lab);
        List<String> namespaces = created(plan, ObjectRef.Netns.class);
        if (existing.isEmpty()) refuseForeignNamespaces(namespaces);

        LabState state = existing.orElse(LabState.fresh(name.value(), env.store().token(), path))
                .withTopologyPath(path).plus(namespaces, containers(plan)).withStatus(LabState.BUILDING);
        env.store().saveTopology(name, lab.topology().source().text());
        env.store().save(name, state);

        Observed observed = existing.isPresent() ? new LiveObserver(env.processes(), env.docker(), env.naming(name)) : Observed.NOTHING;
        RunContext ctx = new RunContext(env.processes(), env.nodeExec(lab.model()), Set.copyOf(state.done()));
        PlanExecutor.Stats stats;
        List<netlab.drift.Drift> before = List.of();
        try {
            PlanExecutor executor = new PlanExecutor(env.runners(), ctx, env.progress(), PlanExecutor.defaultParallelism());
            if (existing.isPresent()) {
                LabStatus.Found found = new LabStatus(env).find(lab.model(), Optional.empty(), keepExtra);
                before = found.drift();
                executor.execute(found.kernel().repairs(), Observed.NOTHING);
            }
            stats = executor.execute(plan, observed);
            // Ctrl-C after the last unit finished, before up returned: it still means "stop and undo"
            if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
        } catch (InterruptedException | RuntimeException e) {
            Thread.interrupted(); // clean up even when Ctrl-C interrupted us
            boolean interrupted = e instanceof InterruptedException || e instanceof InterruptedByUser;
            env.store().save(name, recorded(state, ctx).withStatus(LabState.FAILED));
            if (existing.isEmpty() && !keepOnError) {
                env.progress().warn("building lab '" + name + "' " + (interrupted ? "was interrupted" : "failed")
                        + "; removing what was made");
                new LabDown(env).downLocked(name);
                lock.deleteFile();
            } else {
                env.progress().warn("lab '" + name + "' is left as it is; 'netlab down " + name + "' removes it");
            }
            if (interrupted) throw new InterruptedByUser("interrupted; lab '" + name + "' was "
                    + (existing.isEmpty() && !keepOnError ? "removed again" : "left as it was"));
            throw (RuntimeException) e;
        }
        env.store().save(name, recorded(state, ctx).withStatus(LabState.UP));
        LabModel m = lab.model();
        List<netlab.drift.Drift> remaining = List.of();
        if (existing.isPresent() && (!before.isEmpty() || stats.created() > 0)) {
            remaining = new LabStatus(env).find(m, Optional.empty(), keepExtra).drift();
        }
        return new Built(name.value(), existing.isPresent(), m.nodes().size(), m.switches().size(), m.links().size(), stats.created(),
                Duration.ofNanos(System.nanoTime() - t0), keepExtra ? withoutExtras(before) : before,
                keepExtra ? before.stream().filter(LabUp::extra).toList() : List.of(), keepExtra ? withoutExtras(remaining) : remaining);
    }

    private static boolean extra(netlab.drift.Drift d) {
        return d.change() == netlab.drift.Drift.Change.EXTRA;
    }

    private static List<netlab.drift.Drift> withoutExtras(List<netlab.drift.Drift> drift) {
        return drift.stream().filter(d -> !extra(d)).toList();
    }

    /** The state with what this run did: one-time actions done, servers started (replacing older records of the same server). */
    static LabState recorded(LabState state, RunContext ctx) {
        List<LabState.ProcessRecord> ps = new ArrayList<>();
        List<LabState.ProcessRecord> fresh = ctx.startedProcesses();
        for (LabState.ProcessRecord p : state.processes()) {
            if (fresh.stream().noneMatch(f -> f.node().equals(p.node()) && f.what().equals(p.what()))) ps.add(p);
        }
        ps.addAll(fresh);
        return state.withDone(ctx.done()).withProcesses(ps);
    }

    /** A fresh lab must not adopt namespaces that exist already: they are not its own. */
    private void refuseForeignNamespaces(List<String> namespaces) {
        List<String> there = namespaces.stream().filter(Netns::exists).toList();
        if (!there.isEmpty()) {
            throw NetlabException.labState("namespace " + there.get(0) + " already exists but this lab has no record of it"
                    + (there.size() > 1 ? " (and " + (there.size() - 1) + " more)" : "")
                    + "; if a lost lab left it, 'netlab down --all' removes what carries netlab's mark");
        }
    }

    /** Checks before anything is made that the machine has every feature the lab uses. */
    public void requireFeatures(LabModel model) throws InterruptedException {
        netlab.doctor.Privileges.require();
        // libc (through jffi) is how a build enters namespaces and how its rollback deletes them: a machine where it
        // cannot be bound must fail here, before anything is made that could then not be removed
        netlab.runtime.ns.InNetns.libc();
        Set<Feature> needed = features(model, env.catalog());
        // Namespaces, veth and bridges are what every lab is made of; probing them would cost each up three
        // processes, and a kernel without them fails the first op with its own clear error (doctor explains).
        needed.removeAll(EnumSet.of(Feature.NETNS, Feature.VETH, Feature.BRIDGE));
        Map<Feature, ProbeResult> found = needed.isEmpty() ? Map.of() : new FeatureProbe(env.processes()).probe(needed);
        List<String> missing = new ArrayList<>();
        for (Feature f : needed) {
            ProbeResult r = found.get(f);
            if (r != null && !r.available()) missing.add(f.description() + " (" + r.detail() + "); to get it: " + f.remedy());
        }
        if (!missing.isEmpty()) {
            throw NetlabException.environment("this machine lacks what lab '" + model.name() + "' needs: " + String.join("; ", missing));
        }
    }

    /** Asks each node's kind what would stop it from being built here (a missing image), before anything is made. */
    private void preflight(LabModel model) throws InterruptedException {
        Set<String> problems = new java.util.LinkedHashSet<>();
        for (ModelNode n : model.nodes().values()) {
            problems.addAll(env.catalog().nodeKinds().get(n.kind()).preflight(n, env.kindRuntime(model.name())));
        }
        if (!problems.isEmpty()) {
            throw NetlabException.environment("lab '" + model.name() + "' cannot be built here: " + String.join("; ", problems));
        }
    }

    public static Set<Feature> features(LabModel model, Catalog catalog) {
        Set<Feature> f = EnumSet.of(Feature.NETNS, Feature.VETH);
        if (!model.switches().isEmpty()) f.add(Feature.BRIDGE);
        for (ModelNode n : model.nodes().values()) {
            catalog.nodeKinds().byKey(n.kind()).ifPresent(k -> f.addAll(k.features()));
            for (ModelInterface i : n.interfaces().values()) {
                catalog.interfaceTypes().byKey(i.spec().typeSpec().type()).ifPresent(t -> f.addAll(t.features()));
            }
        }
        for (CheckSpec c : CheckSpec.of(model.topology())) f.addAll(c.body().features());
        f.addAll(LinkFeatures.of(model));
        for (Extension e : catalog.extensions()) f.addAll(e.features(model));
        return f;
    }

    static List<String> created(Plan plan, Class<? extends ObjectRef> type) {
        List<String> out = new ArrayList<>();
        for (Stage s : plan.stages()) {
            for (Unit u : s.units()) {
                for (Op op : u.ops()) {
                    op.creates().filter(type::isInstance).ifPresent(r -> {
                        if (r instanceof ObjectRef.Netns n) out.add(n.name());
                        if (r instanceof ObjectRef.Container c) out.add(c.name());
                    });
                }
            }
        }
        return out;
    }

    private static List<String> containers(Plan plan) {
        return created(plan, ObjectRef.Container.class);
    }
}
