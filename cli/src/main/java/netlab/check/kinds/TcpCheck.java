package netlab.check.kinds;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.CheckKind;
import netlab.check.NestedProbes;
import netlab.check.CurlProbe;
import netlab.check.NeighbourOverflow;
import netlab.check.Observation;
import netlab.check.Target;
import netlab.model.LabModel;
import netlab.net.IpAddress;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.yaml.Fields;

/**
 * {@code tcp: {from: h2, to: internet, port: 80, state: filtered, ipv6: false}}: opens a TCP connection from a node and says what
 * the port looks like from there, as a port scanner would: {@code open} (the connection was made), {@code closed}
 * (refused: a TCP reset or an ICMP port unreachable, what an empty port or a reject rule sends), {@code unreachable}
 * (another ICMP error, or no route) or {@code filtered} (no answer at all within the timeout: a drop rule). The check
 * passes when the port is in the given state (default open). {@code ipv6: true} connects to the node's IPv6 address
 * (an IPv6 address as {@code to} needs no flag).
 *
 * <p>The connection is made from inside the JVM, on a socket opened in the source node's namespace
 * ({@link netlab.check.TcpProbe}), with no process per check.
 *
 * <p>Ran: the source node's namespace was entered, a socket opened there and its connection attempted; open, closed,
 * unreachable (an ICMP error, or the kernel's own "no route") and filtered (silence) are all observations. Could not
 * run: the namespace is gone, or the attempt failed before it could try (an address it cannot use, a local error).
 */
public record TcpCheck(String from, Target to, int port, String state, boolean ipv6, Pos fromPos, Pos statePos) implements CheckBody {
    static final List<String> STATES = List.of("open", "closed", "filtered", "unreachable");

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "tcp";
        }

        @Override
        public Set<String> fields() {
            return Set.of("from", "to", "port", "state", "ipv6");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            String from = f.requiredString("from").orElse("");
            String to = f.requiredString("to").orElse("");
            if (!f.has("port")) f.diags().error(f.pos(), "the tcp check needs 'port'");
            int port = (int) f.integer("port", 1, 1, 65535);
            String state = f.string("state").map(String::trim).orElse("open");
            if (!STATES.contains(state)) {
                f.diags().error(f.posOf("state"), "'state' of the tcp check must be " + String.join(", ", STATES) + ", not '" + state + "'"
                        + Suggest.hint(state, STATES));
            }
            return new TcpCheck(from, new Target(to, f.posOf("to")), port, state, f.bool("ipv6", false), f.posOf("from"), f.posOf("state"));
        }
    }

    /** Over IPv6: asked for ({@code ipv6: true}, a node's IPv6 address), or an IPv6 address given. */
    private boolean v6() {
        return ipv6 || to.literal().map(IpAddress::isV6).orElse(false);
    }

    @Override
    public Optional<String> sender() {
        return Optional.of(from);
    }

    @Override
    public netlab.check.Sharing sharing() {
        return netlab.check.Sharing.TRAFFIC;
    }

    @Override
    public Optional<IpAddress> destination(CheckContext ctx) {
        return to.resolve(ctx.model(), from, to.literal().map(IpAddress::isV6).orElse(false));
    }

    @Override
    public String kind() {
        return "tcp";
    }

    @Override
    public String describe() {
        return "tcp " + from + " -> " + to + ":" + port + " " + state;
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofSeconds(3);
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        if (new Target(from, fromPos).validNode(model, d, "tcp from")) to.validate(model, d, "tcp to", v6());
        else if (to.literal().isEmpty()) to.validNode(model, d, "tcp to");
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        Optional<IpAddress> dst = to.resolve(ctx.model(), from, v6());
        if (dst.isEmpty()) return Observation.couldNotRun("no address for " + to);
        NeighbourOverflow.Watch table = NeighbourOverflow.watch(dst.get().isV6());
        CurlProbe.Result r = CurlProbe.connect(ctx, from, dst.get(), port, timeout);
        String seen = switch (r.connection()) {
            case CONNECTED -> "open";
            case REFUSED -> "closed";
            case UNREACHABLE -> "unreachable";
            case TIMEOUT -> "filtered";
            case ERROR -> "";
        };
        String where = "port " + port + " of " + dst.get() + " from " + from;
        if (seen.isEmpty()) return Observation.couldNotRun("could not try " + where + ": " + r.reason());
        String why = switch (seen) {
            case "open" -> "the connection was made";
            case "filtered" -> "no answer within " + timeout.toMillis() + " ms";
            default -> r.reason();
        };
        String detail = where + " is " + seen + " (" + why + ")";
        Observation o = seen.equals(state) ? Observation.ok(detail) : Observation.notOk(detail + "; expected " + state);
        // silence (filtered) while the host's neighbour table overflowed may be a SYN that never left
        o = table.unlessOverflowed(o, r.connection() != CurlProbe.Connection.TIMEOUT);
        return o.ran() ? CurlProbe.whetherSent(o, r, ctx, from, dst.get()) : o;
    }
}
