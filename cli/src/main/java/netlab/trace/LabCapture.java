package netlab.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import netlab.errors.NetlabException;
import netlab.process.ProcessRunner;

/**
 * Listens on many interfaces at once: one tcpdump per interface (in its namespace), all started together, ready
 * when every one has said "listening on"; then stopped once the traffic has died down. Frames come back with
 * their kernel timestamps, to be decoded and ordered.
 */
final class LabCapture implements AutoCloseable {
    private static final int SNAPLEN = 512;

    private final List<Listener> listeners = new ArrayList<>();
    private final AtomicLong lastOutput = new AtomicLong(System.nanoTime());

    private final class Listener {
        final CapturePoint point;
        final Process process;
        final TcpdumpOutput output = new TcpdumpOutput();
        final CountDownLatch ready = new CountDownLatch(1);
        final StringBuilder errors = new StringBuilder();
        volatile boolean rawIp; // an L3 device (GRE, IP-in-IP, WireGuard): frames start with the IP header
        final Thread out, err;

        Listener(CapturePoint point, Process process) {
            this.point = point;
            this.process = process;
            this.out = reader(true);
            this.err = reader(false);
        }

        private Thread reader(boolean stdout) {
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(
                        stdout ? process.getInputStream() : process.getErrorStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (stdout) {
                            output.line(line);
                            lastOutput.set(System.nanoTime());
                        } else {
                            if (line.contains("listening on")) {
                                rawIp = line.contains("link-type RAW");
                                ready.countDown();
                            }
                            else synchronized (errors) {
                                errors.append(line).append(' ');
                            }
                        }
                    }
                } catch (IOException e) {
                    // tcpdump is gone; what it printed is what there is
                } finally {
                    if (!stdout) ready.countDown();
                }
            }, "trace-" + point.ifname());
            t.setDaemon(true);
            t.start();
            return t;
        }
    }

    /** Starts listening on every point; returns once all listen (those that could not start are reported). */
    static LabCapture start(List<CapturePoint> points, ProcessRunner processes, List<String> problems) throws InterruptedException {
        LabCapture c = new LabCapture();
        try {
            for (CapturePoint p : points) {
                List<String> argv = List.of("ip", "netns", "exec", p.netns(), "tcpdump", "-i", p.ifname(), "-n", "-l", "-xx",
                        "--immediate-mode", "-tt", "--time-stamp-precision=nano", "-s", Integer.toString(SNAPLEN),
                        "ip or ip6 or vlan");
                c.listeners.add(c.new Listener(p, processes.start(argv)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (Listener l : c.listeners) {
                long left = deadline - System.nanoTime();
                if (!l.ready.await(Math.max(0, left), TimeUnit.NANOSECONDS) || !l.process.isAlive()) {
                    problems.add("could not listen on " + l.point.label() + ": " + l.errors.toString().strip());
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
        if (c.listeners.stream().noneMatch(l -> l.process.isAlive())) {
            c.close();
            throw NetlabException.environment("tcpdump could not listen on any interface of the lab: " + String.join("; ", problems));
        }
        return c;
    }

    /**
     * Waits until no capture has printed anything for {@code quietMillis} (frames on their way have arrived), at
     * most {@code maxMillis}.
     */
    void settle(long quietMillis, long maxMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (System.nanoTime() < end) {
            if (System.nanoTime() - lastOutput.get() >= TimeUnit.MILLISECONDS.toNanos(quietMillis)) return;
            Thread.sleep(10);
        }
    }

    /** Stops every tcpdump and returns what each saw, decoded. */
    List<Sighting> stop() throws InterruptedException {
        close();
        List<Sighting> all = new ArrayList<>();
        for (Listener l : listeners) {
            l.out.join(2000);
            for (TcpdumpOutput.Frame f : l.output.frames()) {
                (l.rawIp ? PacketDecoder.rawIp(f.bytes()) : PacketDecoder.ethernet(f.bytes())).ifPresent(p -> all.add(new Sighting(l.point, f.nanos(), f.bytes(), p)));
            }
        }
        return all;
    }

    @Override
    public void close() {
        for (Listener l : listeners) l.process.destroy();
        for (Listener l : listeners) {
            try {
                if (!l.process.waitFor(3, TimeUnit.SECONDS)) l.process.destroyForcibly();
            } catch (InterruptedException e) {
                l.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
