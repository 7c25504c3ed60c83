package netlab.routing.extension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.CheckKind;
import netlab.check.CouldNotRun;
import netlab.check.NestedProbes;
import netlab.check.Observation;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.model.ModelRoute;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.plan.build.Planner;
import netlab.process.ProcResult;
import netlab.routing.observe.FrrObserver;
import netlab.routing.observe.KernelRoute;
import netlab.routing.runtime.FrrInstall;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.yaml.Fields;

/**
 * {@code converge: {cut: r1:eth1, node: r1, to: 10.1.2.0/24, via: r4, within: 10s}}: takes r1's eth1 down (the cable
 * pulled, as the shell's {@code link} does), measures how long until r1's kernel route to the prefix goes the way
 * given ({@code via} a node or an address, {@code dev} an interface; neither: any other way than before), fails when
 * it does not within {@code within}, and puts the interface back up (with the node's routes from the topology, which
 * the kernel dropped with it) whatever happened, then waits, within the same bound, until the route is back as it
 * was. The report gives the measured time ({@link Reroute}).
 *
 * <p>It changes the lab while it runs, so it runs alone: checks run one after the other under the lab's lock, and
 * this one undoes its cut before the next begins. Ran: the route was there before and did not already go the
 * expected way, the cut was made, the table could be read. Static routes only: the route is gone with the link
 * and nothing puts another in: a failure.
 */
public record ConvergeCheck(String cutNode, String cutIface, String node, String to, Optional<String> via, Optional<String> dev, Duration within,
                            Pos cutPos, Pos nodePos, Pos viaPos, Pos devPos) implements CheckBody {
    static final Duration DEFAULT_WITHIN = Duration.ofSeconds(30);
    static final Duration MAX_WITHIN = Duration.ofMinutes(10);
    /** What a cut and its undoing may take at most. */
    private static final Duration COMMAND = Duration.ofSeconds(10);

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "converge";
        }

        @Override
        public Set<String> fields() {
            return Set.of("cut", "node", "to", "via", "dev", "within");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            String cut = f.requiredString("cut").orElse("").trim();
            int colon = cut.indexOf(':');
            if (!cut.isEmpty() && (colon <= 0 || colon == cut.length() - 1)) {
                f.diags().error(f.posOf("cut"), "'cut' of the converge check must be NODE:INTERFACE (the interface taken down), not '" + cut + "'");
            }
            String node = f.requiredString("node").orElse("").trim();
            String to = f.requiredString("to").orElse("").trim();
            if (!to.isEmpty() && RouteCheck.prefix(to).isEmpty()) {
                f.diags().error(f.posOf("to"), "'to' of the converge check must be a prefix (10.0.0.0/24) or an address, not '" + to + "'");
            } else if (!to.isEmpty() && !RouteCheck.prefix(to).get().isNetwork()) {
                f.diags().error(f.posOf("to"), "'to' of the converge check has host bits set: " + to + " (the prefix is " + RouteCheck.prefix(to).get().network() + ")");
            }
            Duration within = f.duration("within", MAX_WITHIN).orElse(DEFAULT_WITHIN);
            if (within.isZero() || within.isNegative()) f.diags().error(f.posOf("within"), "'within' of the converge check must be more than 0");
            boolean split = colon > 0 && colon < cut.length() - 1;
            return new ConvergeCheck(split ? cut.substring(0, colon) : "", split ? cut.substring(colon + 1) : "", node, to,
                    f.string("via").map(String::trim), f.string("dev").map(String::trim), within, f.posOf("cut"), f.posOf("node"), f.posOf("via"), f.posOf("dev"));
        }
    }

    @Override
    public String kind() {
        return "converge";
    }

    @Override
    public String describe() {
        return "converge " + node + " to " + to + " after cutting " + cutNode + ":" + cutIface + via.map(v -> " via " + v).orElse("")
                + dev.map(d -> " dev " + d).orElse("");
    }

    /** The bound twice (the move, then the way back) and time for the cut and its undoing. */
    @Override
    public Duration defaultTimeout() {
        return within.multipliedBy(2).plus(COMMAND.multipliedBy(2));
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        if (!cutNode.isEmpty() && RoutingTargets.node(model, cutNode, cutPos, "the node of a converge check's cut", d)) {
            Set<String> ifaces = model.node(cutNode).map(n -> n.interfaces().keySet()).orElse(Set.of());
            if (cutIface.equals("lo")) {
                d.error(cutPos, "'cut' of a converge check: a node's loopback is no link to cut");
            } else if (!ifaces.contains(cutIface)) {
                d.error(cutPos, "'cut' of a converge check: node " + cutNode + " has no interface '" + cutIface + "' to take down"
                        + Suggest.hint(cutIface, ifaces));
            }
        }
        if (!RoutingTargets.node(model, node, nodePos, "the node of a converge check", d)) return;
        if (via.isPresent() && IpAddress.parse(via.get()).isEmpty()) RoutingTargets.node(model, via.get(), viaPos, "'via' of a converge check (a node or an address)", d);
        Set<String> interfaces = model.node(node).map(n -> n.interfaces().keySet()).orElse(Set.of());
        if (dev.isPresent() && !interfaces.contains(dev.get())) {
            d.error(devPos, "'dev' of a converge check: node " + node + " has no interface '" + dev.get() + "'" + Suggest.hint(dev.get(), interfaces));
        }
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        Cidr want = RouteCheck.prefix(to).orElseThrow();
        Optional<Set<IpAddress>> gateways = via.map(v -> IpAddress.parse(v).map(Set::of).orElseGet(() -> NodeAddresses.of(ctx.model(), v)));
        Reroute.MoveTest moved = via.isEmpty() && dev.isEmpty() ? Reroute.MoveTest.away() : Reroute.MoveTest.to(r ->
                gateways.map(g -> r.gateway().map(g::contains).orElse(false)).orElse(true) && dev.map(x -> r.dev().equals(Optional.of(x))).orElse(true));
        String expected = via.isEmpty() && dev.isEmpty() ? "another way" : String.join(" ", via.map(v -> "via " + v).orElse(""), dev.map(x -> "dev " + x).orElse("")).strip();
        Reroute.Words words = new Reroute.Words(node, want.toString(), cutNode + ":" + cutIface + " went down", expected);
        // the attempt keeps to its timeout: the bound is what is left of it for the move and the way back
        Duration bound = within.compareTo(timeout.minus(COMMAND.multipliedBy(2)).dividedBy(2)) <= 0 ? within
                : max(timeout.minus(COMMAND.multipliedBy(2)).dividedBy(2), Duration.ofMillis(100));
        return Reroute.measure(new LiveLab(ctx, want), words, moved, bound);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The running lab: the node's kernel table read with ip, the cut made and undone with ip in the cut node. */
    private final class LiveLab implements Reroute.Lab {
        private final CheckContext ctx;
        private final Cidr want;
        private final FrrObserver observer;

        LiveLab(CheckContext ctx, Cidr want) {
            this.ctx = ctx;
            this.want = want;
            this.observer = new FrrObserver(ctx.processes(), FrrInstall.DEBIAN);
        }

        @Override
        public Optional<KernelRoute> route() throws InterruptedException {
            return observer.kernelRoutes(ctx.naming().nodeNetns(node), want.isV6()).stream().filter(r -> r.destination().equals(want)).findFirst();
        }

        @Override
        public void act() throws InterruptedException {
            ProcResult r = link("down");
            if (!r.ok()) throw new CouldNotRun("ip link set dev " + cutIface + " down in " + cutNode + ": " + r.errorText().strip());
        }

        /** The link up, and the cut node's routes from the topology back (the kernel dropped those through it). */
        @Override
        public void undo() throws InterruptedException {
            ProcResult up = link("up");
            if (!up.ok()) throw new CouldNotRun("ip link set dev " + cutIface + " up in " + cutNode + ": " + up.errorText().strip());
            ModelNode n = ctx.model().node(cutNode).orElseThrow();
            if (n.routes().isEmpty()) return;
            StringBuilder batch = new StringBuilder();
            for (ModelRoute r : n.routes()) batch.append(Planner.route(r).batchLine()).append('\n');
            ProcResult routes = ctx.processes().run(List.of("ip", "-n", ctx.naming().nodeNetns(cutNode), "-force", "-batch", "-"), batch.toString(), COMMAND);
            if (!routes.ok()) throw new CouldNotRun("the routes of " + cutNode + " could not be put back: " + routes.errorText().strip());
        }

        private ProcResult link(String state) throws InterruptedException {
            return ctx.processes().run(new ArrayList<>(List.of("ip", "-n", ctx.naming().nodeNetns(cutNode), "link", "set", "dev", cutIface, state)), null, COMMAND);
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            Thread.sleep(d.toMillis());
        }
    }
}
