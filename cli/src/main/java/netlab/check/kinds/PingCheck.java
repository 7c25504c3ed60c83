package netlab.check.kinds;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.CheckKind;
import netlab.check.Egress;
import netlab.check.NestedProbes;
import netlab.check.NeighbourOverflow;
import netlab.check.Observation;
import netlab.check.Target;
import netlab.check.Echoes;
import netlab.check.IcmpEcho;
import netlab.model.LabModel;
import netlab.net.IpAddress;
import netlab.process.ProcResult;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.yaml.Fields;

/**
 * {@code ping: {from: h1, to: h2, count: 3, ipv6: false, reply_ttl: 63}}: ICMP echo from a node to a node, an
 * interface or an address. Succeeds when replies come back (and, with {@code reply_ttl}, every reply arrived with
 * that TTL: the proof of how many routers it crossed). With {@code rtt: 180ms..260ms} the average round trip must
 * fall in the range (the proof of a delay); with {@code loss: 10%..40%} the share of echoes without a reply must
 * (the proof of a lossy link; then no reply at all is a result, not a failure). {@code size} sets the payload,
 * {@code every} the time between echoes.
 *
 * <p>The echoes are sent from inside the JVM, as ping sends them ({@link IcmpEcho}: a raw ICMP socket opened in the
 * source node's namespace, ping's intervals, deadline and rules), with no process per check.
 *
 * <p>Ran: the source node's namespace was entered and its sockets opened there, and the echoes were sent, or the
 * kernel refused a route to the destination ("connect: Network is unreachable", "No route to host", a blackhole or
 * prohibit route: the node's routing table answering, a real observation of no route, though nothing was sent).
 * Could not run: the namespace is gone, a socket cannot be opened in it, or the source interface does not exist.
 * 100% loss is a real failure; when no reply came, the way out is looked at, so that a probe whose echoes could not
 * leave (no carrier, interface down) says it sent nothing.
 *
 * @param source the interface to send from ({@code from: h1:eth2}), if given
 */
public record PingCheck(String from, Optional<String> source, Target to, int count, boolean v6, OptionalInt replyTtl, Pos fromPos,
                        OptionalInt size, Optional<Duration> every, Optional<Between> rtt, Optional<Between> loss)
        implements CheckBody {

    public PingCheck(String from, Optional<String> source, Target to, int count, boolean v6, OptionalInt replyTtl, Pos fromPos) {
        this(from, source, to, count, v6, replyTtl, fromPos, OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "ping";
        }

        @Override
        public Set<String> fields() {
            return Set.of("from", "to", "count", "ipv6", "reply_ttl", "size", "every", "rtt", "loss");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            String from = f.requiredString("from").orElse("");
            String to = f.requiredString("to").orElse("");
            int count = (int) f.integer("count", 1, 1, 1000);
            boolean v6 = f.bool("ipv6", false);
            OptionalInt ttl = f.integer("reply_ttl", 1, 255).map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
            OptionalInt size = f.integer("size", 0, 65507).map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
            Optional<Duration> every = f.duration("every", Duration.ofSeconds(10)).filter(e -> {
                if (e.toMillis() >= 1) return true;
                f.diags().error(f.posOf("every"), "'every' in the ping check must be at least 1ms");
                return false;
            });
            Optional<Between> rtt = f.string("rtt").flatMap(t -> Between.parse(t, f.posOf("rtt"), "'rtt' of the ping check", "180ms..260ms",
                    PingCheck::millis, f.diags()));
            Optional<Between> loss = f.string("loss").flatMap(t -> Between.parse(t, f.posOf("loss"), "'loss' of the ping check", "10%..40%",
                    PingCheck::percent, f.diags()));
            if (loss.isPresent() && count < 10) {
                f.diags().error(f.posOf("loss"), "a loss range needs enough echoes to measure: set 'count' to 10 or more (100 or more for a"
                        + " steady figure)");
            }
            int colon = from.indexOf(':');
            Optional<String> src = colon < 0 ? Optional.empty() : Optional.of(from.substring(colon + 1));
            String node = colon < 0 ? from : from.substring(0, colon);
            return new PingCheck(node, src, new Target(to, f.posOf("to")), count, v6, ttl, f.posOf("from"), size, every, rtt, loss);
        }
    }

    static OptionalDouble millis(String s) {
        if (!s.matches("\\d+(\\.\\d+)?\\s*(ms|s)")) return OptionalDouble.empty();
        return netlab.yaml.Durations.parse(s).map(d -> OptionalDouble.of(d.toNanos() / 1e6)).orElse(OptionalDouble.empty());
    }

    static OptionalDouble percent(String s) {
        Matcher m = PERCENT.matcher(s);
        if (!m.matches() || Double.parseDouble(m.group(1)) > 100) return OptionalDouble.empty();
        return OptionalDouble.of(Double.parseDouble(m.group(1)));
    }

    @Override
    public Optional<String> sender() {
        return Optional.of(from);
    }

    /** A measurement of round trips or loss runs alone: other traffic on its links would queue before its echoes. */
    @Override
    public netlab.check.Sharing sharing() {
        return rtt.isPresent() || loss.isPresent() ? netlab.check.Sharing.ALONE : netlab.check.Sharing.TRAFFIC;
    }

    @Override
    public Optional<netlab.check.Sharing> whenNotAlone() {
        return Optional.of(netlab.check.Sharing.TRAFFIC);
    }

    @Override
    public Optional<IpAddress> destination(CheckContext ctx) {
        return to.resolve(ctx.model(), from, v6);
    }

    @Override
    public String kind() {
        return "ping";
    }

    @Override
    public String describe() {
        return "ping " + from + source.map(s -> ":" + s).orElse("") + " -> " + to + (v6 ? " (IPv6)" : "")
                + rtt.map(r -> " rtt " + r.text()).orElse("") + loss.map(l -> " loss " + l.text()).orElse("");
    }

    @Override
    public Duration defaultTimeout() {
        if (every.isPresent()) return Duration.ofSeconds(3).plus(every.get().multipliedBy(count)).plusSeconds(loss.isPresent() ? 0 : 2);
        return Duration.ofSeconds(Math.max(3, count + 2));
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        Target src = new Target(source.map(s -> from + ":" + s).orElse(from), fromPos);
        if (src.validNode(model, d, "ping from")) to.validate(model, d, "ping to", v6);
        else if (to.literal().isEmpty()) to.validNode(model, d, "ping to");
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        Optional<IpAddress> dst = to.resolve(ctx.model(), from, v6);
        if (dst.isEmpty()) return Observation.notOk("no address to ping for " + to);
        NeighbourOverflow.Watch table = NeighbourOverflow.watch(dst.get().isV6());
        Echoes echoes = IcmpEcho.run(from, ctx.naming().nodeNetns(new Target(from, fromPos).node()), plan(dst.get(), timeout));
        // replies are answers, and so is the route's refusal; silence, or a loss measured, while the table overflowed is not
        Observation seen = table.unlessOverflowed(judge(echoes, dst.get()), echoes.refused().isPresent() || !echoes.replies().isEmpty() && loss.isEmpty());
        if (!seen.ran() || seen.sentNothing() || !echoes.replies().isEmpty()) return seen;
        Optional<String> blocked = Egress.blocked(ctx, from, dst.get(), source);
        return blocked.isEmpty() ? seen : seen.nothingSent(blocked.get());
    }

    /**
     * What ping was told: {@code -c count}, {@code -i} (every, else 0.2 s for several echoes, ping's 1 s for one),
     * {@code -s size} (56), {@code -I} the source interface; {@code -w} the timeout, except when measuring loss,
     * which needs every echo sent ({@code -W 1} bounds the wait for the last replies).
     */
    IcmpEcho.Plan plan(IpAddress dst, Duration timeout) {
        Duration interval = every.orElse(count > 1 ? Duration.ofMillis(200) : Duration.ofSeconds(1));
        return new IcmpEcho.Plan(dst, source, count, interval, size.orElse(56), loss.isPresent(), timeout);
    }

    Observation judge(Echoes e, IpAddress dst) {
        if (e.refused().isPresent()) return Observation.notOk("no route to " + dst + ": " + e.refused().get()).nothingSent();
        List<Integer> ttls = e.replies().stream().map(Echoes.Reply::ttl).toList();
        int sent = e.sent();
        int received = ttls.size();
        double rttSum = 0, rttMin = Double.MAX_VALUE, rttMax = 0;
        for (Echoes.Reply r : e.replies()) {
            rttSum += r.rttMillis();
            rttMin = Math.min(rttMin, r.rttMillis());
            rttMax = Math.max(rttMax, r.rttMillis());
        }
        if (loss.isPresent()) {
            double lost = sent == 0 ? 100 : 100.0 * (sent - Math.min(received, sent)) / sent;
            String seen = String.format(java.util.Locale.ROOT, "loss %.1f%% (%d of %d echoes unanswered) from %s", lost, sent - Math.min(received, sent), sent, dst);
            if (!loss.get().contains(lost)) return Observation.notOk(seen + " (expected " + loss.get().text() + ")");
            if (rtt.isEmpty() && replyTtl.isEmpty()) return Observation.ok(seen);
            if (received == 0) return Observation.notOk(seen + "; no reply to measure");
        }
        if (received == 0) return Observation.notOk("no reply from " + dst + " (" + sent + " sent)" + errors(e.errors()));
        String rttText = String.format(java.util.Locale.ROOT, ", rtt avg %.3f ms", rttSum / received);
        String got = received + "/" + sent + " replies from " + dst + ", ttl " + ttls.stream().distinct().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("");
        if (replyTtl.isPresent()) {
            boolean allMatch = ttls.stream().allMatch(t -> t == replyTtl.getAsInt());
            if (!allMatch) return Observation.notOk(got + rttText + " (expected reply ttl " + replyTtl.getAsInt() + ")");
        }
        if (rtt.isPresent()) {
            double avg = rttSum / received;
            String times = String.format(java.util.Locale.ROOT, ", rtt avg %.1f ms (min %.1f, max %.1f)", avg, rttMin, rttMax);
            if (!rtt.get().contains(avg)) return Observation.notOk(got + times + " (expected " + rtt.get().text() + ")");
            return Observation.ok(got + times + " within " + rtt.get().text());
        }
        return Observation.ok(got + rttText);
    }

    /** ": from 10.0.0.1: destination host unreachable (3 errors)": the first error that came back, and how many. */
    private static String errors(List<String> errors) {
        if (errors.isEmpty()) return "";
        return ": " + errors.get(0) + (errors.size() > 1 ? " (" + errors.size() + " errors)" : "");
    }

}
