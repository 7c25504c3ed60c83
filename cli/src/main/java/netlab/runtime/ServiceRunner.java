package netlab.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.errors.NetlabException;
import netlab.plan.Op;
import netlab.plan.ServiceFile;
import netlab.plan.ServiceOp;
import netlab.process.ShellQuote;
import netlab.state.LabName;
import netlab.state.LabState;
import netlab.state.PrivateFiles;
import netlab.state.StateStore;

/**
 * Starts a node's servers and leaves them running: writes each server's files under the lab's work directory,
 * starts it in the node's namespace in a session of its own (so a Ctrl-C meant for the terminal does not reach it),
 * with a clean environment and its output in a log file next to its files, then polls the kernel's socket table
 * until it really listens, and records its PID and start time in the lab's state. {@code down} stops every process
 * inside the lab's namespaces, which includes these.
 * <p>
 * The files are root's alone (directories 0700, files 0600, whatever the umask), but for the directory a server
 * reads after giving up root ({@link netlab.plan.Service#unprivilegedRoot}), which is readable to all; the log
 * is never in it, so a server cannot hand out its own log.
 */
public final class ServiceRunner implements ToolRunner {
    static final Duration START_LIMIT = Duration.ofSeconds(10);
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private final StateStore store;

    public ServiceRunner(StateStore store) {
        this.store = store;
    }

    /** Where a service keeps its files and log: {@code work/services/NODE-KIND-PORT}. */
    public Path dir(ServiceOp op) {
        return store.workDir(LabName.of(op.lab())).resolve(inWorkDir(op));
    }

    private static Path inWorkDir(ServiceOp op) {
        return Path.of("services", op.node() + "-" + op.service().kind() + "-" + op.service().port());
    }

    List<String> argv(String netns, ServiceOp op) {
        // ip netns exec and setsid both exec (setsid forks only when it already leads a process group, which a
        // child of netlab never does), so the PID netlab gets is the server's own.
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", netns, "setsid"));
        argv.addAll(op.service().command(dir(op)));
        return argv;
    }

    private record Started(ServiceOp op, Process process, Path log) {}

    @Override
    public void run(String netns, List<Op> ops, RunContext ctx) throws InterruptedException {
        if (netns == null) throw new IllegalStateException("netlab never starts servers in the host's namespace");
        List<Started> started = new ArrayList<>();
        try {
            for (Op op : ops) started.add(start(netns, (ServiceOp) op));
            long inode = namedNetnsInode(netns);
            for (Started s : started) {
                awaitListening(netns, inode, s);
                long pid = s.process().pid();
                long since = s.process().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
                ctx.recordProcess(new LabState.ProcessRecord(pid, since, s.op().node(), s.op().service().describe()));
            }
        } catch (InterruptedException | RuntimeException e) {
            // This up is failing. A fresh lab's rollback stops every process in its namespaces anyway; a lab that is
            // kept (converging, or --keep-on-error) must not keep servers of a half-done start either: the next up
            // starts again whatever does not listen.
            for (Started s : started) if (s.process().isAlive()) s.process().destroyForcibly();
            throw e;
        }
    }

    private Started start(String netns, ServiceOp op) {
        Path dir = dir(op);
        Path log = dir.resolve("log");
        try {
            store.makeWorkDir(LabName.of(op.lab()), inWorkDir(op));
            Optional<Path> shared = op.service().unprivilegedRoot().map(dir::resolve);
            if (shared.isPresent()) PrivateFiles.directory(shared.get(), PrivateFiles.SHARED_DIRECTORY);
            for (String d : op.service().dataDirs()) PrivateFiles.directories(dir, dir.resolve(d), PrivateFiles.DIRECTORY);
            for (ServiceFile f : op.service().files(op.node())) {
                Path p = dir.resolve(f.path());
                boolean readable = shared.isPresent() && p.startsWith(shared.get());
                PrivateFiles.directories(dir, p.getParent(), readable ? PrivateFiles.SHARED_DIRECTORY : PrivateFiles.DIRECTORY);
                PrivateFiles.write(p, f.content().getBytes(StandardCharsets.UTF_8), readable
                        ? (f.executable() ? PrivateFiles.SHARED_EXECUTABLE : PrivateFiles.SHARED_FILE)
                        : (f.executable() ? PrivateFiles.EXECUTABLE : PrivateFiles.FILE));
            }
            // the log: made here (0600), then appended to; a link or anything but a file there is refused
            Optional<java.nio.file.attribute.BasicFileAttributes> there = PrivateFiles.attributes(log);
            if (there.isEmpty()) PrivateFiles.create(log, PrivateFiles.FILE);
            else if (!there.get().isRegularFile()) throw PrivateFiles.notOurs(log, PrivateFiles.kind(there.get()) + " where netlab keeps a server's log");
            else PrivateFiles.mode(log, PrivateFiles.FILE);
        } catch (IOException e) {
            throw NetlabException.environment("cannot write the files of " + op.describe() + " in " + dir + ": " + e.getMessage());
        }
        ProcessBuilder pb = new ProcessBuilder(argv(netns, op));
        Map<String, String> env = pb.environment();
        env.clear(); // the server (and its CGI scripts) see a clean environment, not netlab's
        env.put("PATH", PATH);
        pb.redirectInput(new File("/dev/null"));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return new Started(op, pb.start(), log);
        } catch (IOException e) {
            throw new OpFailedException("node " + op.node(), op, "cannot start it: " + e.getMessage());
        }
    }

    /** Polls until the port listens inside the node's namespace; fails at once if the server exits. */
    private void awaitListening(String netns, long inode, Started s) throws InterruptedException {
        int port = s.op().service().port();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (true) {
            // Until ip netns exec has switched namespaces, /proc/PID/net shows the host's sockets: only trust it after.
            if (inode == netnsInode(s.process().pid()) && Listeners.ofProcess(s.process().pid()).contains(port)) return;
            if (!s.process().isAlive()) {
                throw new OpFailedException("node " + s.op().node(), s.op(), "the server exited (code " + s.process().exitValue()
                        + ") before listening on tcp port " + port + ": " + tail(s.log()));
            }
            if (System.nanoTime() > deadline) {
                s.process().destroyForcibly();
                throw new OpFailedException("node " + s.op().node(), s.op(), "the server did not listen on tcp port " + port
                        + " within " + START_LIMIT.toSeconds() + " s: " + tail(s.log()));
            }
            Thread.sleep(5);
        }
    }

    private static long namedNetnsInode(String netns) {
        try {
            return ((Number) Files.getAttribute(Path.of("/run/netns", netns), "unix:ino")).longValue();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long netnsInode(long pid) {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "net")).toString();
            return Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']')));
        } catch (IOException | RuntimeException e) {
            return -2;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            String t = String.join("; ", lines.subList(Math.max(0, lines.size() - 3), lines.size())).strip();
            return t.isEmpty() ? "(its log " + log + " is empty)" : t;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public String render(String netns, List<Op> ops, RunContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (Op op : ops) {
            ServiceOp s = (ServiceOp) op;
            Path dir = dir(s);
            Optional<Path> shared = s.service().unprivilegedRoot().map(dir::resolve);
            java.util.Set<String> dirs = new java.util.LinkedHashSet<>();
            java.util.Set<String> readableDirs = new java.util.LinkedHashSet<>();
            for (ServiceFile f : s.service().files(s.node())) {
                Path parent = dir.resolve(f.path()).getParent();
                dirs.add(ShellQuote.quote(parent.toString()));
                if (shared.isPresent() && parent.startsWith(shared.get())) {
                    for (Path d = parent; d.startsWith(shared.get()); d = d.getParent()) readableDirs.add(ShellQuote.quote(d.toString()));
                }
            }
            for (String d : s.service().dataDirs()) dirs.add(ShellQuote.quote(dir.resolve(d).toString()));
            if (dirs.isEmpty()) dirs.add(ShellQuote.quote(dir.toString()));
            sb.append("umask 077\n"); // the server's directory, files and log: root's alone
            sb.append("mkdir -p ").append(String.join(" ", dirs)).append('\n');
            if (!readableDirs.isEmpty()) {
                List<String> top = new ArrayList<>(readableDirs);
                java.util.Collections.reverse(top);
                sb.append("chmod 755 ").append(String.join(" ", top)).append('\n');
            }
            for (ServiceFile f : s.service().files(s.node())) {
                Path p = dir.resolve(f.path());
                boolean readable = shared.isPresent() && p.startsWith(shared.get());
                sb.append(ShellQuote.withInput("cat > " + ShellQuote.quote(p.toString()), f.content())).append('\n');
                if (f.executable() || readable) {
                    sb.append("chmod ").append(f.executable() ? (readable ? "755 " : "700 ") : "644 ").append(ShellQuote.quote(p.toString())).append('\n');
                }
            }
            sb.append("env -i PATH=").append(PATH).append(' ').append(ShellQuote.join(argv(netns, s)))
                    .append(" </dev/null >>").append(ShellQuote.quote(dir.resolve("log").toString())).append(" 2>&1 &\n");
            sb.append(ShellQuote.comment("then: wait until tcp port " + s.service().port() + " listens in " + netns
                    + ", and record the server's PID in the lab's state")).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
