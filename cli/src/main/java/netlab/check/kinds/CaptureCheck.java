package netlab.check.kinds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.CheckKind;
import netlab.check.NestedProbes;
import netlab.check.Observation;
import netlab.check.Placeholders;
import netlab.check.SentFrames;
import netlab.check.Target;
import netlab.doctor.Feature;
import netlab.model.LabModel;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.yaml.Fields;
import netlab.yaml.YMap;

/**
 * {@code capture: {on: h3:eth1, filter: "icmp", during: {ping: {from: h1, to: h2}}, min: 1}}: listens on an
 * interface with tcpdump while another probe runs, and succeeds when at least {@code min} frames matching the
 * filter were seen. With {@code expect: failure} it proves a frame did NOT reach that interface (a switch that
 * learned does not flood; a hub does).
 *
 * <p>Ran: tcpdump started on {@code on} in its node's namespace and compiled its filter (it said it was listening)
 * before the {@code during} action began, and was still running when it was stopped (a tcpdump that ended by
 * itself, its interface gone, saw nothing after); and the {@code during} action ran and sent its traffic, by its
 * own observation (one that could not run or sent nothing, such as a ping with no route or no carrier on its way
 * out, gives the capture nothing to see; one that got no answer did send: an ARP for an address nobody has is
 * traffic). Too few matching frames, or some with expect: failure, are observations. So a capture that saw
 * nothing proves that the frames, once sent, did not reach {@code on}.
 */
public record CaptureCheck(Target on, String filter, Optional<CheckBody> during, int min, Duration settle, Pos pos) implements CheckBody {
    /**
     * tcpdump's own count of the frames that matched. Not "received by filter": with some kernels and libpcaps that
     * also counts frames which arrived before the filter was attached and did not match it (seen under UML 6.1).
     */
    private static final Pattern CAPTURED = Pattern.compile("(\\d+) packets? captured");

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "capture";
        }

        @Override
        public Set<String> fields() {
            return Set.of("on", "filter", "during", "min", "settle");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            Target on = new Target(f.requiredString("on").orElse(""), f.posOf("on"));
            String filter = f.string("filter").orElse("");
            int min = (int) f.integer("min", 1, 1, 1_000_000);
            Optional<CheckBody> during = f.mapping("during").flatMap(m -> nested.read(m, "during", "{ping: {from: h1, to: h2}}", f.diags()));
            Duration settle = f.duration("settle", Duration.ofSeconds(30)).orElse(Duration.ofSeconds(1));
            return new CaptureCheck(on, filter, during, min, settle, f.posOf("filter"));
        }
    }

    /** Always alone: a capture watches a window of time: frames of other checks would be seen in it. */
    @Override
    public Optional<netlab.check.Sharing> whenNotAlone() {
        return Optional.empty();
    }

    @Override
    public String kind() {
        return "capture";
    }

    @Override
    public List<CheckBody> nested() {
        return during.map(List::of).orElse(List.of());
    }

    @Override
    public String describe() {
        return "capture on " + on + (filter.isBlank() ? "" : " [" + filter + "]") + during.map(b -> " during " + b.describe()).orElse("");
    }

    @Override
    public Set<Feature> features() {
        return Set.of(Feature.TCPDUMP);
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        if (on.text().isEmpty()) {
            // missing: already reported by the parser
        } else if (on.iface().isEmpty()) {
            d.error(on.pos(), "capture 'on' needs node:interface, like " + on.text() + ":eth1");
        } else {
            on.validNode(model, d, "capture on");
        }
        if (filter.strip().startsWith("-")) {
            d.error(pos, "capture filter '" + filter + "' starts with '-', which tcpdump would read as an option; write a filter"
                    + " expression, such as 'icmp' or 'ether src ${h1:eth1.mac}'");
        }
        Placeholders.validate(filter, pos, model, d);
        during.ifPresent(b -> b.validate(model, d));
    }

    /**
     * tcpdump's command line: the filter (the topology's text, placeholders expanded) comes after {@code --}, so
     * tcpdump never reads it as an option ({@code -w FILE} would write a file as root), even if validation missed one.
     */
    static List<String> argv(String iface, String expandedFilter) {
        List<String> argv = new ArrayList<>(List.of("tcpdump", "-i", iface, "-n", "-e", "-l", "--immediate-mode"));
        if (!expandedFilter.isBlank()) argv.addAll(List.of("--", expandedFilter));
        return argv;
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        List<String> argv = argv(on.iface().get(), Placeholders.expand(filter, ctx));
        Process p = ctx.processes().start(ctx.exec().inNetns(on.node(), argv));
        List<String> packets = Collections.synchronizedList(new ArrayList<>());
        StringBuilder err = new StringBuilder();
        CountDownLatch listeningOrGone = new CountDownLatch(1);
        AtomicBoolean listening = new AtomicBoolean();
        Thread out = reader(p, true, line -> {
            if (!line.isBlank()) packets.add(line); // tcpdump ends with an empty line
        }, listeningOrGone);
        Thread errs = reader(p, false, line -> {
            synchronized (err) {
                err.append(line).append('\n');
            }
            // tcpdump says so once the interface is open and the filter compiled and attached
            if (line.contains("listening on")) {
                listening.set(true);
                listeningOrGone.countDown();
            }
        }, listeningOrGone);
        Observation action = null;
        boolean endedByItself;
        try {
            listeningOrGone.await(Math.max(1000, timeout.toMillis()), TimeUnit.MILLISECONDS);
            if (!listening.get() || !p.isAlive()) {
                p.toHandle().destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                errs.join(2000);
                return Observation.couldNotRun("tcpdump did not start on " + on + ": " + text(err));
            }
            if (during.isPresent()) {
                action = act(ctx, during.get(), timeout);
                if (!action.ran()) {
                    return Observation.couldNotRun("its 'during' action (" + during.get().describe() + ") did not do its job: " + action.detail());
                }
            }
            // Frames already sent may still be on their way to tcpdump: wait until enough have been printed, up to
            // 'settle'. Proving that a frame did NOT arrive always takes the whole settle time.
            long deadline = System.nanoTime() + settle.toNanos();
            while (packets.size() < min && System.nanoTime() < deadline && p.isAlive()) Thread.sleep(10);
            endedByItself = !p.isAlive();
        } finally {
            // SIGTERM: tcpdump stops and prints its counters. Through the handle: Process.destroy() would also close
            // the pipes, and what tcpdump said last (its counters, why it ended) would be lost to the readers.
            p.toHandle().destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) p.toHandle().destroyForcibly();
            out.join(2000);
            errs.join(2000);
        }
        Matcher m = CAPTURED.matcher(err);
        int count = Math.max(packets.size(), m.find() ? Integer.parseInt(m.group(1)) : 0);
        if (endedByItself && count < min) {
            return Observation.couldNotRun("tcpdump on " + on + " ended before the capture did: " + text(err));
        }
        String sample = packets.isEmpty() ? "" : ", first: " + abbreviate(packets.get(0));
        String traffic = action == null ? "" : "; during: " + action.detail();
        String seen = count + " matching frame" + (count == 1 ? "" : "s") + " on " + on + sample + traffic;
        return count >= min ? Observation.ok(seen) : Observation.notOk(seen + (min > 1 ? " (wanted at least " + min + ")" : ""));
    }

    /**
     * Runs the {@code during} action until a frame has left its sender, by the sender's own counters, or the time is
     * up. A probe's own "sent" is not enough: ping counts an echo as transmitted when the kernel took it, even when
     * no frame went out (the neighbour entry it waited on failed that moment; a firewall dropped it on its way out),
     * and a capture that then sees nothing would prove nothing. Run again, the probe sends (a failed entry is
     * resolved afresh); a probe whose frames never leave its node did not do its job.
     */
    static Observation act(CheckContext ctx, CheckBody action, Duration timeout) throws InterruptedException {
        Optional<String> sender = action.sender();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long before = sender.isPresent() ? SentFrames.of(ctx, sender.get()) : 0;
            Observation seen = action.observe(ctx, timeout).asAction();
            if (!seen.ran() || sender.isEmpty() || SentFrames.of(ctx, sender.get()) > before) return seen;
            if (System.nanoTime() >= deadline) {
                return Observation.couldNotRun("no frame left " + sender.get() + " while it ran, though it said: " + seen.detail());
            }
            Thread.sleep(100);
        }
    }

    /** What tcpdump said, on one line, without its own progress lines. */
    private static String text(StringBuilder err) {
        synchronized (err) {
            String s = err.toString().lines().filter(l -> !l.isBlank() && !l.startsWith("tcpdump: verbose output suppressed"))
                    .reduce((a, b) -> a + " " + b).orElse("");
            return s.isEmpty() ? "it printed nothing" : s;
        }
    }

    private static Thread reader(Process p, boolean stdout, java.util.function.Consumer<String> sink, CountDownLatch onEof) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stdout ? p.getInputStream() : p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) sink.accept(line);
            } catch (IOException e) {
                // process gone; what was read is what it printed
            } finally {
                if (!stdout) onEof.countDown();
            }
        }, "capture-" + (stdout ? "out" : "err"));
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String abbreviate(String s) {
        return s.length() > 140 ? s.substring(0, 140) + "…" : s;
    }
}
