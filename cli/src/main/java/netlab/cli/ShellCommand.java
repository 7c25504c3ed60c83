package netlab.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.console.Io;
import netlab.console.LabSelector;
import netlab.errors.ExitCode;
import netlab.lab.LabEnv;
import netlab.shell.InteractiveShell;
import netlab.shell.ShellSession;
import netlab.shell.verbs.ShellVerbs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

@Command(name = "shell", description = "An interactive shell on a lab: every netlab command, plus quick verbs (nodes, links, net, 'h1 ping "
        + "h2', pingall, 'h1 CMD', link h1:eth1 down|up, show fdb|arp|routes|rules|addr, check, source FILE), "
        + "with history and TAB completion of commands, options, nodes, interfaces and checks. Without a "
        + "terminal (netlab shell LAB < script) it runs the script's lines, stopping at the first that fails.")
public final class ShellCommand implements Callable<Integer> {
    @ParentCommand
    NetlabCommand top;

    @Parameters(arity = "0..1", paramLabel = "LAB", description = "A topology file (brought up first if it is not up) or the name of a lab that is up "
            + "(default: the only lab that is up).")
    String lab;

    @Option(names = "--name", paramLabel = "NAME", description = "The lab's name when it runs (or is to run) under another name.")
    String name;

    @Option(names = {"-c", "--command"}, paramLabel = "COMMAND", description = "Run this shell command (repeatable) and leave, instead of reading commands.")
    List<String> commands = new ArrayList<>();

    @Option(names = "--keep", description = "On leaving, keep a lab this shell brought up, without asking.")
    boolean keep;

    @Option(names = "--down", description = "On leaving, take down a lab this shell brought up, without asking.")
    boolean down;

    @Option(names = "--keep-going", description = "Without a terminal: run every line even after one fails (the exit code is the first failure's).")
    boolean keepGoing;

    @Option(names = "--allow-large", description = "Bring up a topology file over netlab's limits (5000 nodes, 20000 links, a 4 MiB file...: see 'netlab help topology').")
    boolean allowLarge;

    @Override
    public Integer call() throws Exception {
        if (keep && down) throw netlab.errors.NetlabException.usage("--keep and --down contradict each other");
        LabEnv env = top.env();
        Io io = top.io();
        boolean interactive = commands.isEmpty() && io.in() == System.in && System.console() != null;
        ShellSession s = new ShellSession(io, globalArgs(), env, interactive, netlab.source.Budget.of(allowLarge), ShellVerbs.all(),
                new ShellCommandTree());
        int code = select(s, env);
        if (code != ExitCode.OK) return code;
        if (interactive) {
            // The terminal may go away under the shell (a closed window, a dropped SSH connection): the JVM then
            // gets SIGHUP and exits through its shutdown hooks. Nobody is left to ask, so a lab this shell brought
            // up goes as the question's default says, unless --keep.
            java.util.concurrent.atomic.AtomicBoolean left = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.CountDownLatch leftDone = new java.util.concurrent.CountDownLatch(1);
            Thread hangup = new Thread(() -> {
                if (!left.compareAndSet(false, true)) {
                    // The shell is leaving already (a hangup also ends its input): the JVM must not exit under the
                    // down it may be running, nor before what it could not ask about is down too
                    awaitQuietly(leftDone);
                }
                leaveWithoutTerminal(s);
            }, "netlab-shell-hangup");
            Runtime.getRuntime().addShutdownHook(hangup);
            try (InteractiveShell sh = new InteractiveShell(s)) {
                io.err().println("netlab shell" + s.lab().name().map(n -> " on lab '" + n + "'").orElse("")
                        + ": 'help' lists the commands, TAB completes, Ctrl-D leaves");
                code = sh.loop();
                if (left.compareAndSet(false, true)) {
                    try {
                        leave(s, sh);
                    } finally {
                        leftDone.countDown();
                    }
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hangup);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down: the hook runs (and finds the shell has left, or leaves for it)
                }
            }
            return code;
        }
        try {
            if (!commands.isEmpty()) {
                code = ExitCode.OK;
                for (String c : commands) {
                    code = s.execute(c);
                    if (code != ExitCode.OK && !keepGoing) break;
                }
            } else {
                code = s.runScript(new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8)), "<stdin>", !keepGoing, true);
            }
        } catch (netlab.shell.ExitRequest e) {
            code = e.code();
        } finally {
            boolean interrupted = Thread.interrupted(); // take down what it brought up even after Ctrl-C
            leave(s, null);
            if (interrupted) Thread.currentThread().interrupt();
        }
        return code;
    }

    /** The global options this netlab was started with, so commands run in the shell see the same state dir etc. */
    private List<String> globalArgs() {
        List<String> g = new ArrayList<>();
        if (top.stateDir != null) g.addAll(List.of("--state-dir", top.stateDir));
        if (top.debug) g.add("--debug");
        if (top.quiet) g.add("--quiet");
        if (top.noColor) g.add("--no-color");
        return g;
    }

    /** Picks the shell's lab, bringing a topology up when it is not up yet. */
    private int select(ShellSession s, LabEnv env) throws InterruptedException {
        if (lab != null && LabSelector.looksLikeFile(lab)) {
            netlab.state.LabName labName = LabSelector.labName(lab, Optional.ofNullable(name), env);
            s.lab().select(labName, Path.of(lab));
            if (!s.lab().isUp()) {
                List<String> up = new ArrayList<>(List.of("up", lab));
                if (name != null) up.addAll(List.of("--name", name));
                if (allowLarge) up.add("--allow-large");
                return s.runCli(up);
            }
        } else if (lab != null || name != null) {
            netlab.state.LabName labName = netlab.state.LabName.of(name != null ? name : lab);
            s.lab().select(labName, null);
            if (!s.lab().isUp()) throw LabSelector.notUp(labName, env);
        } else if (env.store().labs().size() == 1) {
            s.lab().select(env.store().labs().get(0), null);
        } else if (!env.store().labs().isEmpty()) {
            top.err().println("netlab: labs up: " + LabSelector.names(env.store().labs()) + "; choose one with 'lab NAME'");
        }
        return ExitCode.OK;
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch done) {
        try {
            done.await(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Labs whose question was answered "keep" (a hangup right after must not take them down after all). */
    private final java.util.Set<String> keptOnPurpose = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** After a hangup: what leaving without a terminal does (take down the labs this shell brought up, unless --keep). */
    private void leaveWithoutTerminal(ShellSession s) {
        try {
            leave(s, null);
        } catch (InterruptedException | RuntimeException e) {
            // the JVM is exiting; 'netlab down' (or down --all) can still remove what is left, from the lab's record
        }
    }

    /** Labs this shell brought up: asked about at a terminal, else taken down unless --keep. */
    private void leave(ShellSession s, InteractiveShell sh) throws InterruptedException {
        for (netlab.state.LabName broughtUp : s.labsBroughtUp()) {
            String l = broughtUp.value();
            if (keptOnPurpose.contains(l)) continue;
            // a terminal that hung up (a closed window) has nobody left to ask: the lab goes as without one
            boolean noTerminal = sh == null || InteractiveShell.terminalHungUp();
            Optional<Boolean> answer = noTerminal || down || keep ? Optional.empty()
                    : sh.ask("lab '" + l + "' was brought up by this shell; take it down?", true);
            boolean takeDown = down || (!keep && (noTerminal || answer.orElse(false)));
            if (answer.isPresent() && !takeDown) keptOnPurpose.add(l);
            if (takeDown) {
                if (noTerminal && !down) top.err().println("netlab: taking down lab '" + l + "', which this shell brought up (--keep leaves it up)");
                s.runCli(List.of("down", l));
            } else {
                top.err().println("lab '" + l + "' stays up; 'netlab down " + l + "' removes it");
            }
        }
    }

    /** A fresh command tree for each line the shell runs (a named class, not a lambda: see CommandTree#configure). */
    private static final class ShellCommandTree implements java.util.function.Function<Io, CommandLine> {
        @Override
        public CommandLine apply(Io io) {
            return CommandTree.of(new NetlabCommand(io));
        }
    }
}
