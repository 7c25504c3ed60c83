package netlab.check.kinds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.CheckKind;
import netlab.check.Observation;
import netlab.check.Target;
import netlab.model.LabModel;
import netlab.net.IpAddress;
import netlab.runtime.ProcResult;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.yaml.Fields;

/**
 * {@code ping: {from: h1, to: h2, count: 3, ipv6: false, reply_ttl: 63}}: ICMP echo from a node to a node, an
 * interface or an address. Succeeds when replies come back (and, with {@code reply_ttl}, every reply arrived with
 * that TTL: the proof of how many routers it crossed).
 *
 * @param source the interface to send from ({@code from: h1:eth2}), if given
 */
public record PingCheck(String from, Optional<String> source, Target to, int count, boolean v6, OptionalInt replyTtl, Pos fromPos)
        implements CheckBody {

    private static final Pattern REPLY = Pattern.compile("bytes from .*?ttl=(\\d+)(?: time=([\\d.]+) ms)?");
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "ping";
        }

        @Override
        public Set<String> fields() {
            return Set.of("from", "to", "count", "ipv6", "reply_ttl");
        }

        @Override
        public CheckBody parse(Fields f) {
            String from = f.requiredString("from").orElse("");
            String to = f.requiredString("to").orElse("");
            int count = (int) f.integer("count", 1, 1, 1000);
            boolean v6 = f.bool("ipv6", false);
            OptionalInt ttl = f.integer("reply_ttl", 1, 255).map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
            int colon = from.indexOf(':');
            Optional<String> src = colon < 0 ? Optional.empty() : Optional.of(from.substring(colon + 1));
            String node = colon < 0 ? from : from.substring(0, colon);
            return new PingCheck(node, src, new Target(to, f.posOf("to")), count, v6, ttl, f.posOf("from"));
        }
    }

    @Override
    public String kind() {
        return "ping";
    }

    @Override
    public String describe() {
        return "ping " + from + source.map(s -> ":" + s).orElse("") + " -> " + to + (v6 ? " (IPv6)" : "");
    }

    @Override
    public Duration defaultTimeout() {
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
        List<String> argv = new ArrayList<>(List.of("ping", "-n", "-c", Integer.toString(count),
                "-w", Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000)), "-W", "1"));
        if (count > 1) argv.addAll(List.of("-i", "0.2"));
        if (v6) argv.add("-6");
        source.ifPresent(s -> argv.addAll(List.of("-I", s)));
        argv.add(dst.get().toString());
        ProcResult r = ctx.inNetns(from, argv, timeout.plusSeconds(2));
        return judge(r.stdout(), dst.get(), r);
    }

    Observation judge(String out, IpAddress dst, ProcResult r) {
        List<Integer> ttls = new ArrayList<>();
        double rttSum = 0;
        int rtts = 0;
        Matcher m = REPLY.matcher(out);
        while (m.find()) {
            ttls.add(Integer.parseInt(m.group(1)));
            if (m.group(2) != null) {
                rttSum += Double.parseDouble(m.group(2));
                rtts++;
            }
        }
        Matcher s = SUMMARY.matcher(out);
        int sent = s.find() ? Integer.parseInt(s.group(1)) : count;
        int received = ttls.size();
        if (received == 0) {
            String why = r.stderr().isBlank() ? lastLine(out) : r.stderr().strip().lines().findFirst().orElse("");
            return Observation.notOk("no reply from " + dst + " (" + sent + " sent)" + (why.isBlank() ? "" : ": " + why));
        }
        String rtt = rtts > 0 ? String.format(", rtt avg %.3f ms", rttSum / rtts) : "";
        String got = received + "/" + sent + " replies from " + dst + ", ttl " + ttls.stream().distinct().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("");
        if (replyTtl.isPresent()) {
            boolean allMatch = ttls.stream().allMatch(t -> t == replyTtl.getAsInt());
            if (!allMatch) return Observation.notOk(got + rtt + " (expected reply ttl " + replyTtl.getAsInt() + ")");
        }
        return Observation.ok(got + rtt);
    }

    private static String lastLine(String s) {
        return s.strip().lines().reduce((a, b) -> b).orElse("");
    }
}
