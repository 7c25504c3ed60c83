package netlab.capture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import netlab.errors.NetlabException;
import netlab.process.ProcessRunner;

/**
 * Captures on several interfaces of a lab at once: one tcpdump per interface, run in the interface's namespace,
 * writing pcap to a pipe; the frames are merged in time order ({@link TimeOrder}) and handed to a {@link Sink}
 * (a pcapng file, or a line each). It ends after {@code count} frames, after {@code duration}, when every tcpdump
 * has gone, when the output's reader went away, or on Ctrl-C (the thread is interrupted); in every case the
 * frames already captured are written before it returns, and the tcpdumps are stopped and waited for.
 */
public final class LiveCapture {
    /** Long enough for every reader to have handed over a frame its tcpdump wrote (they flush each one: -U). */
    static final long HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    static final int SNAPLEN = 262144;
    /** The kernel's buffer per interface (KiB): a flood writes a frame at a time into the pipe, a burst waits here. */
    static final String BUFFER_KIB = "16384";
    private static final java.util.regex.Pattern DROPPED = java.util.regex.Pattern.compile("^(\\d+) packets? dropped by kernel");

    /** Where the merged frames go. {@code begin} is called once, with the interfaces in the order of the taps. */
    public interface Sink {
        void begin(List<PcapngWriter.Interface> interfaces) throws IOException;

        void frame(Frame f) throws IOException;

        /** After each batch of frames: what was written reaches its reader now (a pipe to Wireshark). */
        void flush() throws IOException;

        void end() throws IOException;
    }

    /** When to stop, besides Ctrl-C. */
    public record Limits(Optional<Long> count, Optional<Duration> duration) {}

    /** How it ended: frames written, why it stopped, and what went wrong on the way (one line each). */
    public record Result(long frames, Stop stop, List<String> problems) {}

    public enum Stop { COUNT, DURATION, INTERRUPTED, ALL_GONE, OUTPUT_CLOSED }

    /** Starts the capturing program of one tap (tests start one that replays a file). */
    interface Starter {
        Process start(List<String> argv);
    }

    private final List<Tap> taps;
    private final Optional<String> filter;
    private final Starter starter;
    private final LongSupplier wallNanos;

    public LiveCapture(List<Tap> taps, Optional<String> filter, ProcessRunner processes) {
        this(taps, filter, processes::startWhileWaiting, LiveCapture::wallClockNanos);
    }

    LiveCapture(List<Tap> taps, Optional<String> filter, Starter starter, LongSupplier wallNanos) {
        if (filter.isPresent() && filter.get().strip().startsWith("-")) throw NetlabException.usage("a filter may not start with '-'");
        this.taps = List.copyOf(taps);
        this.filter = filter;
        this.starter = starter;
        this.wallNanos = wallNanos;
    }

    static long wallClockNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** The tcpdump command line for one tap: its interface, pcap to stdout, one flush per frame; the filter after "--". */
    static List<String> command(Tap t, Optional<String> filter) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", t.netns(), "tcpdump", "-i", t.ifname(), "-B", BUFFER_KIB, "-w", "-", "-U", "--immediate-mode",
                "--time-stamp-precision=nano", "-s", Integer.toString(SNAPLEN), "-n", "--"));
        filter.ifPresent(argv::add);
        return argv;
    }

    private final class Listener {
        final int index;
        final Tap tap;
        final Process process;
        final CountDownLatch header = new CountDownLatch(1);
        final StringBuilder errors = new StringBuilder();
        volatile long dropped;
        volatile PcapReader reader;
        volatile String failure;
        final Thread out, err;

        Listener(int index, Tap tap, Process process, BlockingQueue<Frame> queue) {
            this.index = index;
            this.tap = tap;
            this.process = process;
            this.out = thread("capture-" + tap.label(), () -> read(queue));
            this.err = thread("capture-err-" + tap.label(), this::readErrors);
        }

        private void read(BlockingQueue<Frame> queue) {
            try {
                Optional<PcapReader> r = PcapReader.open(process.getInputStream());
                if (r.isEmpty()) return;
                reader = r.get();
                header.countDown();
                for (Optional<Frame> f = reader.next(index); f.isPresent(); f = reader.next(index)) queue.put(f.get());
            } catch (IOException e) {
                failure = e.getMessage();
            } catch (InterruptedException e) {
                // stopping
            } finally {
                header.countDown();
            }
        }

        private void readErrors() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    java.util.regex.Matcher m = DROPPED.matcher(line.strip());
                    if (m.find()) dropped = Long.parseLong(m.group(1));
                    if (line.contains("listening on") || line.contains("packets captured") || line.contains("received by filter")
                            || line.contains("dropped by kernel")) continue;
                    synchronized (errors) {
                        if (errors.length() < 2000) errors.append(errors.length() > 0 ? "; " : "").append(line.strip());
                    }
                }
            } catch (IOException e) {
                // tcpdump is gone
            }
        }

        String errorText() {
            synchronized (errors) {
                return errors.length() > 0 ? errors.toString() : failure != null ? failure : "tcpdump exited";
            }
        }

        boolean done() {
            return !out.isAlive();
        }
    }

    private static Thread thread(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** {@link #run(Limits, Sink, Runnable)} that tells nobody when it listens. */
    public Result run(Limits limits, Sink sink) throws IOException {
        return run(limits, sink, () -> { });
    }

    /**
     * Captures until one of the limits, Ctrl-C, or the end of every tcpdump; returns what it wrote. {@code listening}
     * runs once every tcpdump listens (what is sent from then on is captured).
     */
    public Result run(Limits limits, Sink sink, Runnable listening) throws IOException {
        BlockingQueue<Frame> queue = new LinkedBlockingQueue<>();
        List<Listener> listeners = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (int i = 0; i < taps.size(); i++) {
                listeners.add(new Listener(i, taps.get(i), starter.start(command(taps.get(i), filter)), queue));
            }
            try {
                awaitHeaders(listeners);
            } catch (InterruptedException e) {
                return new Result(0, Stop.INTERRUPTED, problems);
            }
            List<PcapngWriter.Interface> ifaces = new ArrayList<>();
            for (Listener l : listeners) {
                ifaces.add(new PcapngWriter.Interface(l.tap.label(), l.tap.description(), l.reader.linkType(), l.reader.snaplen()));
            }
            sink.begin(ifaces);
            listening.run();
            return loop(limits, sink, queue, listeners, problems);
        } finally {
            stop(listeners);
        }
    }

    private void awaitHeaders(List<Listener> listeners) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> failed = new ArrayList<>();
        for (Listener l : listeners) {
            l.header.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (l.reader == null) {
                // its message is on stderr: let it finish (Process.destroy would close the pipe before it is read)
                if (!l.process.waitFor(2, TimeUnit.SECONDS)) l.process.toHandle().destroy();
                l.err.join(2000);
                failed.add(l.tap.label() + ": " + l.errorText());
            }
        }
        if (!failed.isEmpty()) throw NetlabException.failed("tcpdump could not capture on " + String.join("; ", failed));
    }

    private Result loop(Limits limits, Sink sink, BlockingQueue<Frame> queue, List<Listener> listeners, List<String> problems) throws IOException {
        TimeOrder order = new TimeOrder(HOLD_NANOS);
        long end = limits.duration().map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        long max = limits.count().orElse(Long.MAX_VALUE);
        long written = 0;
        boolean[] reported = new boolean[listeners.size()];
        Stop stop;
        try {
            while (true) {
                Frame f = queue.poll(50, TimeUnit.MILLISECONDS);
                if (f != null) {
                    order.add(f);
                    for (Frame more = queue.poll(); more != null; more = queue.poll()) order.add(more);
                }
                written = emit(order.ready(wallNanos.getAsLong()), sink, written, max);
                if (written >= max) {
                    stop = Stop.COUNT;
                    break;
                }
                if (System.nanoTime() >= end) {
                    stop = Stop.DURATION;
                    break;
                }
                for (int i = 0; i < listeners.size(); i++) {
                    Listener l = listeners.get(i);
                    if (!reported[i] && l.done()) {
                        reported[i] = true;
                        problems.add("capture on " + l.tap.label() + " ended: " + l.errorText());
                    }
                }
                if (listeners.stream().allMatch(Listener::done) && queue.isEmpty()) {
                    stop = Stop.ALL_GONE;
                    break;
                }
            }
        } catch (InterruptedException e) {
            stop = Stop.INTERRUPTED;
        } catch (OutputClosed e) {
            return new Result(written, Stop.OUTPUT_CLOSED, problems);
        }
        // what the tcpdumps had already captured is written too (in order), up to the count
        stop(listeners);
        for (Frame f = queue.poll(); f != null; f = queue.poll()) order.add(f);
        for (Listener l : listeners) {
            if (l.dropped > 0) problems.add("tcpdump on " + l.tap.label() + ": " + l.dropped + " packets dropped by the kernel (they came faster than it could write them)");
        }
        try {
            written = emit(order.all(), sink, written, max);
            sink.end();
        } catch (OutputClosed e) {
            return new Result(written, Stop.OUTPUT_CLOSED, problems);
        }
        return new Result(written, stop, problems);
    }

    private static long emit(List<Frame> frames, Sink sink, long written, long max) throws IOException {
        for (Frame f : frames) {
            if (written >= max) break;
            sink.frame(f);
            written++;
        }
        if (!frames.isEmpty()) sink.flush();
        return written;
    }

    /**
     * Stops every tcpdump (SIGTERM: it writes what it holds), then waits for it and for its reader to have read the
     * pipe to its end. The signal goes through the process handle: {@link Process#destroy} would also close the
     * pipes, and frames still in them would be lost.
     */
    private static void stop(List<Listener> listeners) {
        boolean interrupted = Thread.interrupted();
        for (Listener l : listeners) l.process.toHandle().destroy();
        for (Listener l : listeners) {
            try {
                if (!l.process.waitFor(3, TimeUnit.SECONDS)) {
                    l.process.destroyForcibly();
                    l.process.waitFor(3, TimeUnit.SECONDS);
                }
                l.out.join(3000);
                l.err.join(1000);
            } catch (InterruptedException e) {
                l.process.destroyForcibly();
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** The output's reader went away (a closed pipe: Wireshark quit): the capture ends, not in error. */
    public static final class OutputClosed extends IOException {
        public OutputClosed(String message) {
            super(message);
        }
    }
}
