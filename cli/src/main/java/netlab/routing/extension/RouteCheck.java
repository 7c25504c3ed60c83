package netlab.routing.extension;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.CheckKind;
import netlab.check.NestedProbes;
import netlab.check.Observation;
import netlab.model.LabModel;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.routing.observe.FrrObserver;
import netlab.routing.observe.KernelRoute;
import netlab.routing.runtime.FrrInstall;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.yaml.Fields;

/**
 * {@code route: {node: r1, to: 10.255.0.3/32, proto: ospf, via: r2, dev: eth1}}: r1's kernel holds a route to exactly
 * that prefix (an address alone is its host prefix), installed by the given protocol ({@code ospf}, {@code bgp},
 * {@code static}, {@code kernel}, {@code boot}, {@code zebra}: iproute2's names), through the given next hop (a node:
 * any of its addresses; or an address) and interface. The kernel is read with {@code ip}, independently of FRR: a
 * route FRR chose but the kernel lacks forwards nothing. Looked at again and again within the timeout until it holds.
 *
 * <p>Ran: the node's routing table could be read. No such route, another protocol, next hop or interface (a
 * multipath route has no single next hop): failures. The namespace gone: could not run.
 */
public record RouteCheck(String node, String to, Optional<String> proto, Optional<String> via, Optional<String> dev, Pos nodePos, Pos toPos,
                         Pos viaPos, Pos devPos) implements CheckBody {
    static final List<String> PROTOCOLS = List.of("ospf", "bgp", "rip", "static", "kernel", "boot", "zebra");

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "route";
        }

        @Override
        public Set<String> fields() {
            return Set.of("node", "to", "proto", "via", "dev");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            String node = f.requiredString("node").orElse("").trim();
            String to = f.requiredString("to").orElse("").trim();
            if (!to.isEmpty() && prefix(to).isEmpty()) {
                f.diags().error(f.posOf("to"), "'to' of the route check must be a prefix (10.0.0.0/24) or an address, not '" + to + "'");
            } else if (!to.isEmpty() && !prefix(to).get().isNetwork()) {
                f.diags().error(f.posOf("to"), "'to' of the route check has host bits set: " + to + " (the prefix is " + prefix(to).get().network() + ")");
            }
            Optional<String> proto = f.string("proto").map(String::trim);
            if (proto.isPresent() && !PROTOCOLS.contains(proto.get())) {
                f.diags().error(f.posOf("proto"), "'proto' of the route check must be one of " + String.join(", ", PROTOCOLS) + ", not '" + proto.get() + "'"
                        + Suggest.hint(proto.get(), PROTOCOLS));
            }
            return new RouteCheck(node, to, proto, f.string("via").map(String::trim), f.string("dev").map(String::trim), f.posOf("node"), f.posOf("to"),
                    f.posOf("via"), f.posOf("dev"));
        }
    }

    static Optional<Cidr> prefix(String text) {
        if (text.contains("/")) return Cidr.parse(text);
        return IpAddress.parse(text).map(a -> new Cidr(a, a.bits()));
    }

    @Override
    public String kind() {
        return "route";
    }

    @Override
    public String describe() {
        return "route " + node + " to " + to + proto.map(p -> " proto " + p).orElse("") + via.map(v -> " via " + v).orElse("")
                + dev.map(d -> " dev " + d).orElse("");
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        if (!RoutingTargets.node(model, node, nodePos, "the node of a route check", d)) return;
        if (via.isPresent() && IpAddress.parse(via.get()).isEmpty()) RoutingTargets.node(model, via.get(), viaPos, "'via' of a route check (a node or an address)", d);
        Set<String> interfaces = model.node(node).map(n -> n.interfaces().keySet()).orElse(Set.of());
        if (dev.isPresent() && !interfaces.contains(dev.get())) {
            d.error(devPos, "'dev' of a route check: node " + node + " has no interface '" + dev.get() + "'" + Suggest.hint(dev.get(), interfaces));
        }
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        Cidr want = prefix(to).orElseThrow();
        Optional<Set<IpAddress>> gateways = via.map(v -> IpAddress.parse(v).map(Set::of).orElseGet(() -> NodeAddresses.of(ctx.model(), v)));
        FrrObserver observer = new FrrObserver(ctx.processes(), FrrInstall.DEBIAN);
        String netns = ctx.naming().nodeNetns(node);
        return Converging.until(timeout, () -> {
            List<KernelRoute> routes = observer.kernelRoutes(netns, want.isV6());
            Optional<KernelRoute> r = routes.stream().filter(x -> x.destination().equals(want)).findFirst();
            if (r.isEmpty()) return Observation.notOk(node + " has no route to " + want);
            String seen = node + "'s route to " + words(r.get());
            List<String> wrong = new java.util.ArrayList<>();
            if (proto.isPresent() && !proto.get().equals(r.get().protocol())) wrong.add("proto " + proto.get());
            if (gateways.isPresent() && !r.get().gateway().map(gateways.get()::contains).orElse(false)) wrong.add("via " + via.get());
            if (dev.isPresent() && !r.get().dev().equals(dev)) wrong.add("dev " + dev.get());
            return wrong.isEmpty() ? Observation.ok(seen) : Observation.notOk(seen + "; expected " + String.join(", ", wrong));
        });
    }

    private static String words(KernelRoute r) {
        return r.destination() + r.gateway().map(g -> " via " + g).orElse(r.dev().isPresent() ? "" : " (multipath)")
                + r.dev().map(d -> " dev " + d).orElse("") + " proto " + r.protocol();
    }
}
