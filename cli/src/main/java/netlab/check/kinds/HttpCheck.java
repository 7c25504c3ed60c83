package netlab.check.kinds;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.CheckKind;
import netlab.check.NestedProbes;
import netlab.check.CurlProbe;
import netlab.check.NeighbourOverflow;
import netlab.check.Observation;
import netlab.check.Placeholders;
import netlab.check.Target;
import netlab.doctor.Feature;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.net.IpAddress;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.yaml.Fields;

/**
 * {@code http: {from: h1, url: "http://${internet}/", status: 200, contains: "...", matches: "...", server_sees: r1:eth2}}:
 * an HTTP GET from a node. Succeeds when an answer with the expected status comes back (and its body
 * contains / matches what is given). {@code server_sees} asks a netlab {@code http} service which address the request
 * came from, and compares it with the given node, interface or address: the proof of NAT (behind a masquerade the
 * server sees the router's public address, without it the client's own, or nothing at all).
 *
 * <p>An {@code http://} URL to an address is fetched from inside the JVM, on a socket opened in the node's namespace
 * ({@link netlab.check.TcpProbe}, HTTP/1.1 with "Connection: close"); curl, run in the node, fetches the others
 * ({@code https://}, a host name the node resolves).
 *
 * <p>Ran: the node's namespace was entered (or curl started there) and the connection attempted (no connection, an
 * incomplete answer, another status or body are observations). Could not run: the namespace (or curl, where it is
 * needed) is missing, or the attempt failed before it could try (a URL curl cannot use, a name it cannot resolve).
 *
 * @param serverSees whose address the server must have seen
 */
public record HttpCheck(String from, String url, int status, Optional<String> contains, Optional<Pattern> matches,
                        Optional<Target> serverSees, Pos fromPos, Pos urlPos) implements CheckBody {
    /** The line a netlab http service answers with: "client 203.0.113.1 port 40512". */
    static final Pattern CLIENT = Pattern.compile("^client (\\S+) port (\\d+)$", Pattern.MULTILINE);

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "http";
        }

        @Override
        public Set<String> fields() {
            return Set.of("from", "url", "status", "contains", "matches", "server_sees");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            String from = f.requiredString("from").orElse("");
            String url = f.requiredString("url").orElse("");
            int status = (int) f.integer("status", 200, 100, 599);
            Optional<String> contains = f.string("contains");
            Optional<Pattern> matches = f.string("matches").flatMap(p -> {
                try {
                    return Optional.of(Pattern.compile(p, Pattern.MULTILINE));
                } catch (PatternSyntaxException e) {
                    f.diags().error(f.posOf("matches"), "'matches' is not a valid regular expression: " + e.getDescription());
                    return Optional.empty();
                }
            });
            Optional<Target> sees = f.string("server_sees").map(s -> new Target(s.trim(), f.posOf("server_sees")));
            return new HttpCheck(from, url, status, contains, matches, sees, f.posOf("from"), f.posOf("url"));
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
    public Optional<IpAddress> destination(CheckContext ctx) throws InterruptedException {
        return netlab.check.HttpTarget.of(Placeholders.expand(url, ctx)).map(netlab.check.HttpTarget::address);
    }

    @Override
    public String kind() {
        return "http";
    }

    @Override
    public String describe() {
        return "http " + from + " -> " + url;
    }

    @Override
    public Set<Feature> features() {
        return netlab.check.HttpTarget.needsCurl(url) ? Set.of(Feature.CURL) : Set.of(); // else fetched from inside the JVM
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        new Target(from, fromPos).validNode(model, d, "http from");
        if (!url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")) {
            d.error(urlPos, "'url' must start with http:// or https://, like http://${web}/ (not '" + url + "')");
        }
        Placeholders.validate(url, urlPos, model, d);
        serverSees.ifPresent(t -> t.validate(model, d, "server_sees", seesV6(t, url)));
    }

    /**
     * Whether server_sees names the client's IPv6 address: an IPv6 address given, or a node or interface while the
     * URL's host is in brackets (an IPv6 address, like http://[${web.ip6}]/): the client then speaks IPv6.
     */
    static boolean seesV6(Target t, String url) {
        return t.literal().map(IpAddress::isV6).orElse(url.startsWith("http://[") || url.startsWith("https://["));
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        String u = Placeholders.expand(url, ctx);
        NeighbourOverflow.Watch table = NeighbourOverflow.watch(literalHost(u).map(IpAddress::isV6).orElse(false));
        CurlProbe.Result r = CurlProbe.http(ctx, from, u, timeout);
        if (r.connection() == CurlProbe.Connection.ERROR) return Observation.couldNotRun("could not try " + u + ": " + r.reason());
        if (r.connection() != CurlProbe.Connection.CONNECTED) {
            Observation none = table.unlessOverflowed(Observation.notOk("no connection to " + u + ": " + r.reason()),
                    r.connection() != CurlProbe.Connection.TIMEOUT);
            if (!none.ran()) return none;
            Optional<IpAddress> host = literalHost(u);
            return host.isPresent() ? CurlProbe.whetherSent(none, r, ctx, from, host.get()) : r.sentNothing() ? none.nothingSent() : none;
        }
        if (!r.completed()) return Observation.notOk("connected to " + u + ", but no complete answer: " + r.reason());
        String got = "status " + r.status() + " from " + u;
        if (r.status() != status) return Observation.notOk(got + " (expected " + status + ")" + firstLine(r.body()));
        if (contains.isPresent() && !r.body().contains(contains.get())) {
            return Observation.notOk(got + ", but the body does not contain '" + contains.get() + "'" + firstLine(r.body()));
        }
        if (matches.isPresent() && !matches.get().matcher(r.body()).find()) {
            return Observation.notOk(got + ", but the body does not match /" + matches.get().pattern() + "/" + firstLine(r.body()));
        }
        if (serverSees.isEmpty()) return Observation.ok(got);
        Matcher m = CLIENT.matcher(r.body());
        if (!m.find()) {
            return Observation.notOk(got + ", but it is not a netlab http service (no 'client ADDRESS port N' line), so it cannot say"
                    + " whom it saw" + firstLine(r.body()));
        }
        Optional<IpAddress> seen = IpAddress.parse(m.group(1));
        Optional<IpAddress> want = serverSees.get().resolve(ctx.model(), null, seesV6(serverSees.get(), u));
        String saw = "the server saw " + m.group(1) + owner(ctx.model(), seen);
        if (want.isEmpty() || seen.isEmpty() || !seen.get().equals(want.get())) {
            return Observation.notOk(got + ", but " + saw + ", not " + want.map(Object::toString).orElse("?") + " (" + serverSees.get() + ")");
        }
        return Observation.ok(got + "; " + saw);
    }

    /** The URL's host when it is an address (what {@link netlab.check.Egress} can look a route up for). */
    private static Optional<IpAddress> literalHost(String url) {
        try {
            String h = java.net.URI.create(url).getHost();
            return h == null ? Optional.empty() : IpAddress.parse(h.startsWith("[") ? h.substring(1, h.length() - 1) : h);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** " (r1:eth2)" for an address a node of the lab has. */
    private static String owner(LabModel model, Optional<IpAddress> a) {
        return a.flatMap(model::ownerOf).map(ModelInterface::ref).map(r -> " (" + r + ")").orElse("");
    }

    private static String firstLine(String s) {
        String t = s.strip();
        if (t.isEmpty()) return "";
        String line = t.lines().findFirst().orElse("");
        return ": " + (line.length() > 120 ? line.substring(0, 120) + "…" : line);
    }
}
