package netlab.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.errors.NetlabException;

/**
 * Runs a program for the shell with its output shown as it comes: with the terminal attached when a person is at
 * it (so {@code h1 exec sh} or {@code top} work), otherwise copied to the session's streams (scripts, tests).
 * Ctrl-C reaches the program (same terminal); the shell waits for it to end, then goes on.
 */
public final class NodeProcesses {
    private NodeProcesses() {}

    public static int run(List<String> argv, ShellSession s) throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv);
        if (s.interactive()) pb.inheritIO();
        else pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw NetlabException.environment("cannot run " + argv.get(0) + ": " + e.getMessage());
        }
        Thread out = s.interactive() ? null : pump(p.getInputStream(), s.io().out());
        Thread err = s.interactive() ? null : pump(p.getErrorStream(), s.io().err());
        try {
            int code = p.waitFor();
            join(out);
            join(err);
            return code;
        } catch (InterruptedException e) {
            // Ctrl-C: a program on the terminal got it too; give it a moment to end on its own terms
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                if (!p.waitFor(2, TimeUnit.SECONDS)) p.destroyForcibly();
            }
            join(out);
            join(err);
            throw e;
        }
    }

    private static void join(Thread t) throws InterruptedException {
        if (t != null) t.join(5000);
    }

    private static Thread pump(InputStream in, OutputStream to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (to) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                }
            } catch (IOException e) {
                // the program is gone; what it printed has been copied
            }
        }, "shell-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
