package netlab;

import netlab.cli.CommandTree;
import netlab.cli.NetlabCommand;
import netlab.console.Io;
import netlab.errors.ExitCode;
import picocli.CommandLine;

/**
 * Entry point. Errors become one line on stderr and a distinct exit code; the stack trace only with --debug.
 * Ctrl-C interrupts the running command, which stops at a safe point and undoes what it started.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // vfork starts a child without the extra jspawnhelper exec: netlab starts many short processes
        if (System.getProperty("jdk.lang.Process.launchMechanism") == null) {
            System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
        }
        // picocli registers converters for java.time and java.sql types by reflection, initialising those classes
        // (date-time formatters among them) on every start; no netlab option has such a type (SubcommandsTest
        // guards that), so a short command skips a few milliseconds of start-up
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.time\\..*,java\\.sql\\..*");
        }
        // The interactive shell leaves its own way when its terminal hangs up (through the JVM's shutdown hooks)
        boolean hangupStops = !"shell".equals(CommandTree.subcommandOf(args));
        Interrupts.Received interrupts = Interrupts.install(Thread.currentThread(), hangupStops);
        int code;
        try {
            code = run(args, Io.system());
        } catch (Error e) {
            // picocli hands only Exceptions to the handler; an Error (stack overflow, out of memory, a native library
            // that cannot load) would otherwise end the JVM with a stack trace. Its root cause says what went wrong.
            System.err.println(describeError(e));
            if (java.util.Arrays.asList(args).contains("--debug")) e.printStackTrace();
            code = ExitCode.INTERNAL;
        }
        if (code == ExitCode.OK && interrupts.any()) {
            // Ctrl-C landed after the command's last safe point: what it did stands; say so rather than leave the
            // "stopping and cleaning up" line as the last word
            System.err.println("netlab: the interrupt came after the command had finished; nothing was undone");
        }
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** The one line an Error escaping a command ends with: what it was and, when it has one, its root cause. */
    static String describeError(Error e) {
        Throwable root = netlab.errors.RootCause.of(e);
        String detail = root != e ? ": " + root : e.getMessage() != null ? ": " + e.getMessage() : "";
        return "netlab: internal error: " + e.getClass().getSimpleName() + detail.replace('\n', ' ')
                + " (please report it; --debug shows where)";
    }

    /** Runs one command line with the given streams; never calls System.exit (tests and the shell use it). */
    public static int run(String[] args, Io io) {
        NetlabCommand top = new NetlabCommand(io);
        CommandLine cl = CommandTree.of(top, args);
        return cl.execute(args);
    }

}
