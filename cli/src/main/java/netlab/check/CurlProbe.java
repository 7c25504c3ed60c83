package netlab.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.net.IpAddress;
import netlab.process.ProcResult;

/**
 * Tells what happened to a connection from a node, the part the {@code http} and {@code tcp} checks share: whether it
 * was established, refused (a TCP reset or an ICMP port unreachable), answered with another ICMP error (no route, host
 * unreachable, administratively prohibited), or never answered at all (a silent drop): the difference between a
 * closed port and a filtered one. TCP connections, and HTTP GETs of {@code http://} URLs to an address, are made from
 * inside the JVM ({@link TcpProbe}: a socket opened in the node's namespace); curl runs inside the node for the
 * rest ({@code https://}, a host name), and its verbose lines say the same things.
 */
public final class CurlProbe {
    private static final Pattern CONNECTED = Pattern.compile("^\\* (Connected to|Established connection to) ", Pattern.MULTILINE);
    /** The kernel's reason: "* connect to A port P failed: Connection refused", "* Immediate connect fail for A: Network is unreachable". */
    private static final Pattern CONNECT_FAILED = Pattern.compile("^\\* (?:connect to .*? failed|(Immediate) connect fail for \\S+): (.+)$", Pattern.MULTILINE);
    private static final Pattern CURL_ERROR = Pattern.compile("^curl: \\((\\d+)\\) (.+)$", Pattern.MULTILINE);
    private static final Pattern STATUS = Pattern.compile("^netlab-http-status: (\\d+)$", Pattern.MULTILINE);
    private static final int CURL_TIMEOUT = 28;

    private CurlProbe() {}

    /** What became of the connection attempt. */
    public enum Connection { CONNECTED, REFUSED, UNREACHABLE, TIMEOUT, ERROR }

    /**
     * @param reason      the kernel's or curl's words for a failure ("Connection refused", "No route to host"…)
     * @param status      the HTTP status, 0 when there was none
     * @param body        what the server sent (HTTP body)
     * @param sentNothing the kernel refused the connection at once (no route): not even a SYN was sent
     */
    public record Result(Connection connection, String reason, int exitCode, int status, String body, boolean sentNothing) {
        public Result(Connection connection, String reason, int exitCode, int status, String body) {
            this(connection, reason, exitCode, status, body, false);
        }

        public boolean completed() {
            return connection == Connection.CONNECTED && exitCode == 0;
        }
    }

    /** One HTTP GET of {@code url} from {@code node}; the whole exchange is limited to {@code timeout}. */
    public static Result http(CheckContext ctx, String node, String url, Duration timeout) throws InterruptedException {
        Optional<HttpTarget> target = HttpTarget.of(url);
        if (target.isPresent()) return TcpProbe.get(node, netns(ctx, node), target.get(), timeout, timeout);
        return run(ctx, node, httpArgv(url, timeout), timeout);
    }

    /** The network namespace of a node (a pod's containers share their pod's). */
    public static String netns(CheckContext ctx, String node) {
        return ctx.naming().nodeNetns(new Target(node, netlab.source.Pos.unknown("")).node());
    }

    static List<String> httpArgv(String url, Duration timeout) {
        List<String> argv = new ArrayList<>(base(timeout));
        argv.addAll(List.of("-o", "-", "-w", "%{stderr}netlab-http-status: %{http_code}\\n", "--", url));
        return argv;
    }

    /** Opens a TCP connection to {@code dst}:{@code port} and closes it again, from inside the JVM ({@link TcpProbe}). */
    public static Result connect(CheckContext ctx, String node, IpAddress dst, int port, Duration timeout) throws InterruptedException {
        return TcpProbe.connect(node, netns(ctx, node), dst, port, timeout);
    }

    /**
     * curl's options before the URL. The URL (the topology's, placeholders expanded) follows {@code --}, so curl never
     * reads it as an option, and {@code --globoff} keeps curl from expanding {@code [1-1000]} or {@code {a,b}} in it into
     * many requests: it fetches the URL as written. {@code -q} (it must come first) keeps curl from reading a
     * {@code .curlrc}: root's could add options (an output file, a proxy) the check never asked for.
     */
    static List<String> base(Duration timeout) {
        String secs = String.format(Locale.ROOT, "%.3f", Math.max(1, timeout.toMillis()) / 1000.0);
        return List.of("curl", "-q", "-sS", "-v", "--globoff", "--noproxy", "*", "--connect-timeout", secs, "--max-time", secs);
    }

    /**
     * The observation {@code o} of an attempt that got {@code r}, marked as one that sent nothing when that is so: the
     * kernel refused the connection at once, or, with no answer, nothing could leave {@code from} (see {@link Egress}).
     */
    public static Observation whetherSent(Observation o, Result r, CheckContext ctx, String from, IpAddress dst) throws InterruptedException {
        if (r.sentNothing()) return o.nothingSent();
        if (r.connection() == Connection.CONNECTED || r.connection() == Connection.REFUSED) return o;
        Optional<String> blocked = Egress.blocked(ctx, from, dst, Optional.empty());
        return blocked.isEmpty() ? o : o.nothingSent(blocked.get());
    }

    /** Runs curl in the node; {@link CouldNotRun} when curl did not start there (its namespace gone, curl missing). */
    private static Result run(CheckContext ctx, String node, List<String> argv, Duration timeout) throws InterruptedException {
        ProcResult r = ctx.inNetns(node, argv, timeout.plusSeconds(3));
        return judge(r.exitCode(), r.stdout(), r.stderr(), r.timedOut());
    }

    static Result judge(int exit, String stdout, String stderr, boolean killed) {
        Matcher st = STATUS.matcher(stderr);
        int status = st.find() ? Integer.parseInt(st.group(1)) : 0;
        Optional<String> curlError = firstGroup(CURL_ERROR, stderr, 2);
        if (CONNECTED.matcher(stderr).find()) {
            return new Result(Connection.CONNECTED, exit == 0 ? "" : curlError.orElse("curl exit code " + exit), exit, status, stdout);
        }
        Optional<String> failed = firstGroup(CONNECT_FAILED, stderr, 2).map(String::strip);
        boolean immediate = firstGroup(CONNECT_FAILED, stderr, 1).isPresent();
        if (killed || exit == CURL_TIMEOUT) return new Result(Connection.TIMEOUT, "no answer (timed out)", exit, 0, "");
        if (failed.isPresent()) {
            String f = failed.get();
            String l = f.toLowerCase(Locale.ROOT);
            if (l.contains("refused")) return new Result(Connection.REFUSED, f, exit, 0, "");
            if (l.contains("unreachable") || l.contains("no route") || l.contains("prohibited")) {
                return new Result(Connection.UNREACHABLE, f, exit, 0, "", immediate);
            }
            return new Result(Connection.ERROR, f, exit, 0, "");
        }
        return new Result(Connection.ERROR, curlError.orElse(stderr.isBlank() ? "curl exit code " + exit : stderr.strip().lines().reduce((a, b) -> b).orElse("")),
                exit, 0, "");
    }

    private static Optional<String> firstGroup(Pattern p, String text, int group) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.ofNullable(m.group(group)) : Optional.empty();
    }
}
