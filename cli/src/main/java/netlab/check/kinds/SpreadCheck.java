package netlab.check.kinds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.CheckKind;
import netlab.check.CurlProbe;
import netlab.check.NestedProbes;
import netlab.check.NeighbourOverflow;
import netlab.check.Observation;
import netlab.check.Placeholders;
import netlab.check.Target;
import netlab.check.HttpTarget;
import netlab.check.TcpProbe;
import netlab.doctor.Feature;
import netlab.model.LabModel;
import netlab.process.ProcResult;
import netlab.services.NodeServices;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.yaml.Fields;

/**
 * {@code spread: {from: client, url: "http://10.96.0.10/", requests: 30, over: [web1, web2, web3]}}: makes that many
 * HTTP requests, each on a connection of its own, and counts which netlab http service answered each (it names its
 * node). Passes when every request was answered by one of {@code over} and each of them answered at least once: the
 * proof that a load balancer (kube-proxy's random choice per connection) reaches every endpoint. With 3 endpoints
 * at 1/3 each, 30 requests miss one of them with a chance of about 1 in 60 000.
 *
 * <p>Ran: the node's namespace was entered and the requests made from there (from inside the JVM; for an
 * {@code https://} URL or a host name, curl started there). Requests not answered, or answered by another node, and
 * endpoints never reached are observations, within the attempt's time limit.
 */
public record SpreadCheck(String from, String url, int requests, List<Located> over, Pos fromPos, Pos urlPos) implements CheckBody {
    private static final Pattern SERVER = Pattern.compile("^netlab http server on (\\S+)$", Pattern.MULTILINE);

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "spread";
        }

        @Override
        public Set<String> fields() {
            return Set.of("from", "url", "requests", "over");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            String from = f.requiredString("from").orElse("");
            String url = f.requiredString("url").orElse("");
            int requests = (int) f.integer("requests", 30, 1, 1000);
            if (!f.has("over")) f.diags().error(f.pos(), "a spread check needs 'over': the nodes whose http services must all answer");
            return new SpreadCheck(from, url, requests, f.textList("over"), f.posOf("from"), f.posOf("url"));
        }
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
    public Optional<netlab.net.IpAddress> destination(CheckContext ctx) throws InterruptedException {
        return HttpTarget.of(Placeholders.expand(url, ctx)).map(HttpTarget::address);
    }

    @Override
    public String kind() {
        return "spread";
    }

    @Override
    public String describe() {
        return "spread " + from + " -> " + url + " over " + String.join(", ", over.stream().map(Located::text).toList());
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofSeconds(20);
    }

    @Override
    public Set<Feature> features() {
        return netlab.check.HttpTarget.needsCurl(url) ? Set.of(Feature.CURL) : Set.of(); // else fetched from inside the JVM
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        new Target(from, fromPos).validNode(model, d, "spread from");
        if (!url.isEmpty() && !url.startsWith("http://")) d.error(urlPos, "'url' must start with http://, like http://${web}/ (not '" + url + "')");
        Placeholders.validate(url, urlPos, model, d);
        for (Located o : over) {
            if (model.node(o.text()).isEmpty()) {
                new Target(o.text(), o.pos()).validNode(model, d, "spread over");
            } else if (NodeServices.of(model.node(o.text()).get().spec()).stream().noneMatch(s -> s.kind().equals("http"))) {
                d.error(o.pos(), "spread over '" + o.text() + "': it runs no http service, so no answer can name it (add services: [http])");
            }
        }
        if (!over.isEmpty() && requests < over.size()) {
            d.error(fromPos, "a spread check of " + requests + " requests cannot reach all " + over.size() + " nodes of 'over'");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** curl with the URL {@code requests} times, after {@code --} and without URL globbing (see {@link netlab.check.CurlProbe}). */
    static List<String> argv(String url, int requests) {
        List<String> argv = new ArrayList<>(List.of("curl", "-q", "-sS", "--globoff", "--noproxy", "*", "-H", "Connection: close", "--connect-timeout", "2",
                "--max-time", "5", "--"));
        for (int i = 0; i < requests; i++) argv.add(url);
        return argv;
    }

    /**
     * The requests, each on a connection of its own (so each is balanced anew), going on after a failed one; the
     * attempt's timeout bounds them all, and what answered until then is counted. From inside the JVM for an
     * {@code http://} URL to an address (each connection within 2 s, each request within 5 s, as curl was told);
     * otherwise one curl with the URL {@code requests} times and "Connection: close".
     */
    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        String u = Placeholders.expand(url, ctx);
        Optional<HttpTarget> target = HttpTarget.of(u);
        NeighbourOverflow.Watch table = NeighbourOverflow.watch(target.map(t -> t.address().isV6()).orElse(false));
        StringBuilder bodies = new StringBuilder();
        String trouble = "";
        if (target.isPresent()) {
            String netns = CurlProbe.netns(ctx, from);
            long end = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < requests; i++) {
                Duration left = Duration.ofNanos(end - System.nanoTime());
                if (left.isNegative() || left.isZero()) break;
                CurlProbe.Result r = TcpProbe.get(from, netns, target.get(), min(left, Duration.ofSeconds(2)), min(left, Duration.ofSeconds(5)));
                bodies.append(r.body()).append('\n');
                if (!r.completed() && trouble.isEmpty()) trouble = r.reason();
            }
        } else {
            ProcResult r = ctx.inNetns(from, argv(u, requests), timeout);
            bodies.append(r.stdout());
            trouble = r.stderr().strip().lines().findFirst().orElse("");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        over.forEach(o -> counts.put(o.text(), 0));
        Matcher m = SERVER.matcher(bodies);
        int answered = 0;
        while (m.find()) {
            counts.merge(m.group(1), 1, Integer::sum);
            answered++;
        }
        String tally = requests + " requests to " + u + ": " + String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        List<String> unknown = counts.keySet().stream().filter(k -> over.stream().noneMatch(o -> o.text().equals(k))).toList();
        List<String> silent = over.stream().map(Located::text).filter(k -> counts.get(k) == 0).toList();
        if (answered < requests) {
            return table.unlessOverflowed(Observation.notOk(tally + "; " + (requests - answered) + " not answered by a netlab http service"
                    + (trouble.isBlank() ? "" : " (" + trouble + ")")), false);
        }
        if (!unknown.isEmpty()) return Observation.notOk(tally + "; answered by " + String.join(", ", unknown) + ", not listed in 'over'");
        if (!silent.isEmpty()) return Observation.notOk(tally + "; never reached: " + String.join(", ", silent));
        return Observation.ok(tally);
    }
}
