package netlab.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import netlab.errors.NetlabException;

/**
 * Runs a program to completion: feeds stdin, collects stdout and stderr, enforces a time limit. An interrupted
 * caller kills the child instead of leaving it behind; a netlab killed outright takes it along (see
 * {@link ParentDeath}).
 */
public final class ProcessRunner {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    public ProcResult run(List<String> argv) throws InterruptedException {
        return run(argv, null, DEFAULT_TIMEOUT);
    }

    public ProcResult run(List<String> argv, String stdin, Duration timeout) throws InterruptedException {
        Process p = start(ParentDeath.killsChild(argv));
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The child exited before reading all its input; its exit code and stderr tell why.
        }
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        }
        if (!finished) kill(p);
        return new ProcResult(List.copyOf(argv), finished ? p.exitValue() : -1, out.join(), err.join(), !finished);
    }

    /** Starts a program whose output the caller reads itself (long-running: captures, services). */
    public Process start(List<String> argv) {
        try {
            return new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw NetlabException.environment("cannot run " + argv.get(0) + ": " + rootMessage(e));
        }
    }

    /**
     * Starts a long-running program that the calling thread stays with until it ends (a capture): like
     * {@link #start}, but it dies with netlab, as the programs {@link #run} waits for do ({@link ParentDeath}).
     */
    public Process startWhileWaiting(List<String> argv) {
        return start(ParentDeath.killsChild(argv));
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CompletableFuture<String> drain(InputStream s) {
        return CompletableFuture.supplyAsync(() -> {
            try (s) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                s.transferTo(buf);
                return buf.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> { Thread t = new Thread(r, "drain"); t.setDaemon(true); t.start(); });
    }

    private static String rootMessage(IOException e) {
        String m = e.getMessage();
        if (m != null && m.contains("error=2")) return "not installed (no such file)";
        return m;
    }
}
