package netlab.cli;

import java.io.PrintStream;
import java.util.Map;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.source.InvalidTopologyException;
import picocli.CommandLine;

/**
 * netlab's picocli command tree, with its error handling: an error of a command is one line on stderr and a
 * distinct exit code (the stack trace only with --debug). {@code netlab.Main} runs it; the shell runs its lines
 * through it too (given it by {@link ShellCommand}, so the shell does not depend on the command line).
 */
public final class CommandTree {
    private CommandTree() {}

    /** The whole command tree (the shell, generated docs and help use it). */
    public static CommandLine of(NetlabCommand top) {
        return of(top, null);
    }

    /**
     * The command tree for one command line: only the subcommand it runs when that is clear, so picocli models
     * one command instead of all of them; the whole tree for help, completion, usage errors and the like.
     */
    public static CommandLine of(NetlabCommand top, String[] args) {
        CommandLine cl = new CommandLine(top);
        String only = args == null ? null : subcommandOf(args);
        for (Map.Entry<String, Class<?>> e : NetlabCommand.SUBCOMMANDS.entrySet()) {
            if (only == null || only.equals(e.getKey())) cl.addSubcommand(e.getKey(), e.getValue());
        }
        configure(cl, top);
        return cl;
    }

    /** The subcommand a command line runs, if it names one before anything else but global options. */
    public static String subcommandOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--state-dir")) {
                i++;
                continue;
            }
            if (a.startsWith("--state-dir=") || a.equals("--debug") || a.equals("-q") || a.equals("--quiet") || a.equals("--no-color")) continue;
            if (a.startsWith("-")) return null; // help, version, or a mistake: picocli needs everything
            String name = NetlabCommand.ALIASES.getOrDefault(a, a);
            return NetlabCommand.SUBCOMMANDS.containsKey(name) && !name.equals("help") ? name : null;
        }
        return null;
    }

    private static void configure(CommandLine cl, NetlabCommand top) {
        cl.setOut(new java.io.PrintWriter(top.out(), true));
        cl.setErr(new java.io.PrintWriter(top.err(), true));
        CommandLine exec = cl.getSubcommands().get("exec");
        if (exec != null) exec.setStopAtPositional(true);
        // named classes, not lambdas: a lambda implementing a picocli interface is spun at every start (the
        // class-data archive cannot hold it; scripts/make-cds.sh says why)
        cl.setExecutionExceptionHandler(new ExecutionErrors(top));
        cl.setParameterExceptionHandler(new UsageErrors(top));
    }

    /** An exception out of a command: one line (see {@link #report}). */
    private record ExecutionErrors(NetlabCommand top) implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            return report(ex, top);
        }
    }

    /** A command line picocli cannot parse: what is wrong, what was maybe meant, where help is; exit 2. */
    private record UsageErrors(NetlabCommand top) implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            top.err().println("netlab: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, top.err());
            top.err().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.INVALID_TOPOLOGY;
        }
    }

    static int report(Exception ex, NetlabCommand top) {
        PrintStream err = top.err();
        if (ex instanceof InvalidTopologyException bad) {
            bad.printTo(err);
            int n = bad.diagnostics().size();
            err.println("netlab: " + (n == 1 ? "1 error" : n + " errors") + ", nothing was created");
        } else if (ex instanceof NetlabException ne) {
            // one line whatever the message quotes (a name, a path or a tool's words with a newline in them)
            err.println("netlab: " + netlab.source.Printable.escaped(String.valueOf(ne.getMessage())));
        } else if (ex instanceof InterruptedException) {
            // Ctrl-C before the command reached a point that cleans up: nothing was started yet
            err.println("netlab: interrupted");
            err.flush();
            return ExitCode.INTERRUPTED;
        } else {
            err.println("netlab: internal error: " + ex + " (please report it; --debug shows where)");
        }
        if (top.debug()) ex.printStackTrace(err);
        err.flush();
        return ex instanceof NetlabException ne ? ne.exitCode() : ExitCode.INTERNAL;
    }
}
