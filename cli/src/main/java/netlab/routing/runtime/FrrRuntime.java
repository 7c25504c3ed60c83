package netlab.routing.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import netlab.errors.NetlabException;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;
import netlab.routing.config.FrrConfigText;
import netlab.routing.config.FrrDaemon;

/**
 * Starts and stops one node's FRR. Start, after the node's links and addresses exist: the node's directory is
 * prepared ({@link FrrWorkDir}), zebra starts and is waited for until it answers on its vty socket, then the other
 * daemons the node needs, each waited for the same way (no fixed sleeps: the daemon's own answer tells), then vtysh
 * applies the integrated configuration to all of them. Every program runs in the node's namespace and in the
 * node's FRR view ({@link FrrView}); the daemons in a session of their own, as the user frr once started.
 * The result is one record per daemon (PID and start time) for the lab's state; stop signals exactly those, and
 * only while their start time still matches.
 */
public final class FrrRuntime {
    static final Duration START_LIMIT = Duration.ofSeconds(30);
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    static final Duration CONFIG_LIMIT = Duration.ofSeconds(60);
    static final Duration POLL = Duration.ofMillis(10);
    private final FrrInstall install;
    private final FrrLauncher launcher;
    private final ProcessRunner runner;

    public FrrRuntime(FrrInstall install, FrrLauncher launcher, ProcessRunner runner) {
        this.install = install;
        this.launcher = launcher;
        this.runner = runner;
    }

    public FrrRuntime() {
        this(FrrInstall.DEBIAN, FrrLauncher.PROCESS, new ProcessRunner());
    }

    /**
     * One node's FRR to start.
     *
     * @param netns   the node's network namespace
     * @param daemons the daemons it needs ({@link netlab.routing.config.FrrNode#daemons()}); zebra always
     */
    public record Start(String node, String netns, FrrLayout layout, FrrConfigText config, Set<FrrDaemon> daemons) {
        public Start {
            daemons = new TreeSet<>(daemons);
            if (!daemons.contains(FrrDaemon.ZEBRA)) throw new IllegalArgumentException("every node's FRR needs zebra");
        }
    }

    /** The command line of each program a start runs, in order: the daemons, then the configuration (for --dry-run). */
    public List<List<String>> commands(Start s) {
        List<List<String>> out = new ArrayList<>();
        for (FrrDaemon d : s.daemons()) out.add(FrrView.argv(s.netns(), s.layout(), true, daemonArgs(d, s.layout())));
        out.add(applyArgv(s));
        return out;
    }

    private record Started(FrrDaemon daemon, Process process) {}

    public List<FrrProcess> start(Start s) throws InterruptedException {
        install.check(s.daemons());
        refuseIfRunning(s);
        FrrWorkDir.prepare(s.layout(), s.config().text(), FileOwner.of(install.user(), install.group()));
        List<Started> started = new ArrayList<>();
        try {
            Started zebra = launch(s, FrrDaemon.ZEBRA);
            started.add(zebra);
            awaitAnswer(s, zebra);
            List<Started> others = new ArrayList<>();
            for (FrrDaemon d : s.daemons()) if (d != FrrDaemon.ZEBRA) others.add(launch(s, d));
            started.addAll(others);
            for (Started o : others) awaitAnswer(s, o);
            applyConfig(s);
            List<FrrProcess> out = new ArrayList<>();
            for (Started st : started) {
                out.add(new FrrProcess(st.process().pid(), ProcessTable.startMillis(st.process().toHandle()), s.node(), st.daemon()));
            }
            return out;
        } catch (InterruptedException | RuntimeException e) {
            // A half-started node keeps nothing: the next start begins from a clean directory.
            for (Started st : started) st.process().destroyForcibly();
            for (Started st : started) awaitExit(st.process().toHandle(), Duration.ofSeconds(2));
            throw e;
        }
    }

    /**
     * Stops the recorded daemons: SIGTERM (each cleans up its routes), SIGKILL after a grace period; a record whose
     * PID now belongs to another process (another start time) is left alone. Then removes the daemons' pid files
     * and sockets, which FRR leaves behind. Returns how many daemons were signalled.
     */
    public int stop(FrrLayout layout, List<FrrProcess> processes) throws InterruptedException {
        List<ProcessHandle> signalled = new ArrayList<>();
        List<FrrProcess> order = new ArrayList<>(processes);
        order.sort(Comparator.comparing(FrrProcess::daemon).reversed()); // zebra last: the others leave through it
        for (FrrProcess p : order) {
            ProcessTable.same(p.pid(), p.startTime()).ifPresent(h -> {
                h.destroy();
                signalled.add(h);
            });
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle h : signalled) {
            while (ProcessTable.running(h) && System.nanoTime() < deadline) Thread.sleep(POLL.toMillis());
            if (ProcessTable.running(h)) h.destroyForcibly();
        }
        List<Long> left = new ArrayList<>();
        for (ProcessHandle h : signalled) if (!awaitExit(h, Duration.ofSeconds(2))) left.add(h.pid());
        if (!left.isEmpty()) throw NetlabException.failed("FRR daemons " + left + " did not stop, not even on SIGKILL");
        try {
            for (FrrDaemon d : FrrDaemon.values()) {
                Files.deleteIfExists(layout.pidFile(d));
                Files.deleteIfExists(layout.vtySocket(d));
            }
            Files.deleteIfExists(layout.zservSocket());
        } catch (IOException e) {
            throw NetlabException.failed("cannot remove FRR's sockets in " + layout.dir() + ": " + e.getMessage());
        }
        return signalled.size();
    }

    /**
     * The recorded daemons that still run (same PID, same start time): for a converging up (start only a node whose
     * daemons are gone), for status and drift (a daemon that died).
     */
    public List<FrrProcess> running(List<FrrProcess> processes) {
        return processes.stream().filter(p -> ProcessTable.same(p.pid(), p.startTime()).isPresent()).toList();
    }

    // ---- starting

    List<String> daemonArgs(FrrDaemon d, FrrLayout layout) {
        return List.of(install.daemon(d).toString(), "-N", layout.pathspace(), "-f", "/dev/null", "-i", FrrLayout.insidePidFile(d),
                "--vty_socket", FrrLayout.INSIDE, "-P", "0", "-u", install.user(), "-g", install.group(), "--log", "stdout");
    }

    private Started launch(Start s, FrrDaemon d) {
        List<String> argv = FrrView.argv(s.netns(), s.layout(), true, daemonArgs(d, s.layout()));
        try {
            return new Started(d, launcher.start(argv, s.layout().dir(), s.layout().log(d)));
        } catch (IOException e) {
            throw NetlabException.failed("cannot start FRR's " + d.program() + " in node " + s.node() + ": " + e.getMessage());
        }
    }

    /** Until the daemon answers a command on its vty socket; fails at once when it exits. */
    private void awaitAnswer(Start s, Started st) throws InterruptedException {
        long pid = st.process().pid();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (true) {
            // Until the exec chain has reached the daemon, /proc/PID/root is not yet the daemon's view: ask only then.
            if (isDaemon(pid, st.daemon())) {
                try {
                    if (VtyClient.ask(FrrLayout.vtyOfProcess(pid, st.daemon()), "show version", Duration.ofSeconds(2)).ok()) return;
                } catch (IOException e) {
                    // not listening yet
                }
            }
            if (!st.process().isAlive()) {
                throw NetlabException.failed("FRR's " + st.daemon().program() + " in node " + s.node() + " exited (code " + st.process().exitValue()
                        + ") before it answered: " + tail(s.layout().log(st.daemon())));
            }
            if (System.nanoTime() > deadline) {
                throw NetlabException.failed("FRR's " + st.daemon().program() + " in node " + s.node() + " did not answer on its vty socket within "
                        + START_LIMIT.toSeconds() + " s: " + tail(s.layout().log(st.daemon())));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private boolean isDaemon(long pid, FrrDaemon d) {
        Optional<Path> exe = ProcessTable.executable(pid);
        if (exe.isEmpty()) return false;
        try {
            return exe.get().equals(install.daemon(d).toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> applyArgv(Start s) {
        return FrrView.argv(s.netns(), s.layout(), false,
                List.of(install.vtysh().toString(), "--config_dir", FrrLayout.INSIDE, "--vty_socket", FrrLayout.INSIDE, "-b"));
    }

    private void applyConfig(Start s) throws InterruptedException {
        ProcResult r = runner.run(applyArgv(s), null, CONFIG_LIMIT);
        if (!r.ok()) {
            throw NetlabException.failed("FRR refused the configuration of node " + s.node() + ": "
                    + FrrConfigErrors.describe(s.config(), r.stdout() + "\n" + r.stderr()));
        }
    }

    /** A daemon of a previous start of this node that still runs (its pid file names it, it runs in the node's directory). */
    private void refuseIfRunning(Start s) {
        for (FrrProcess p : runningIn(s.node(), s.layout())) {
            throw NetlabException.failed("FRR already runs in node " + s.node() + " (" + p.daemon().program() + ", PID " + p.pid() + "); stop it first");
        }
    }

    /**
     * The daemons of an earlier start that still run in the node's directory, found without the lab's record: each
     * one a pid file names, whose program is that daemon and whose working directory is the node's directory (so a
     * PID reused by another program, or another node's daemon, is not taken for it). A converging up asks this.
     */
    public List<FrrProcess> runningIn(String node, FrrLayout layout) {
        List<FrrProcess> out = new ArrayList<>();
        for (FrrDaemon d : FrrDaemon.values()) {
            Optional<Long> pid = readPid(layout.pidFile(d));
            if (pid.isEmpty() || !isDaemon(pid.get(), d)) continue;
            try {
                Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid.get()), "cwd"));
                Optional<ProcessHandle> h = ProcessHandle.of(pid.get());
                if (cwd.equals(layout.dir()) && h.isPresent()) out.add(new FrrProcess(pid.get(), ProcessTable.startMillis(h.get()), node, d));
            } catch (IOException e) {
                // gone meanwhile
            }
        }
        return out;
    }

    private static Optional<Long> readPid(Path file) {
        try {
            String t = Files.readString(file).strip();
            return t.matches("[1-9][0-9]{0,9}") ? Optional.of(Long.parseLong(t)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean awaitExit(ProcessHandle h, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (ProcessTable.running(h)) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
            String t = String.join("; ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            return t.isEmpty() ? "(its log " + log + " is empty)" : t;
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
