package netlab.cli;

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.app.BuiltIn;
import netlab.console.Io;
import netlab.core.Catalog;
import netlab.lab.LabEnv;
import netlab.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top command: global options and the list of subcommands. Holds the streams commands write to. */
@Command(name = "netlab",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT, // -h/--help and -V/--version on every subcommand too
        versionProvider = VersionProvider.class,
        description = "Builds real network labs from a YAML topology (namespaces, bridges, routers, tunnels, containers and pods), proves them with checks, and removes exactly what it made.",
        footer = {"", "Exit codes: 0 ok, 1 a check failed, 2 invalid topology or usage, 3 missing privilege/tool/kernel feature, "
                + "4 lab not in the needed state, 5 an operation failed or a check could not run (its probe did not start: "
                + "a node gone, a tool missing, a filter that does not compile), 130 interrupted.",
                "Topology format: netlab help topology"})
public final class NetlabCommand implements Runnable {
    /**
     * Every subcommand by name, in the order help lists them. Registered by {@link netlab.Main}: all of them, or
     * just the one a command line runs (building picocli's model of every command costs a short command a good
     * part of its start-up).
     */
    public static final Map<String, Class<?>> SUBCOMMANDS = ordered(List.of(
            Map.entry("up", UpCommand.class),
            Map.entry("down", DownCommand.class),
            Map.entry("status", StatusCommand.class),
            Map.entry("inspect", InspectCommand.class),
            Map.entry("check", CheckCommand.class),
            Map.entry("test", TestCommand.class),
            Map.entry("validate", ValidateCommand.class),
            Map.entry("exec", ExecCommand.class),
            Map.entry("save", SaveCommand.class),
            Map.entry("shell", ShellCommand.class),
            Map.entry("graph", GraphCommand.class),
            Map.entry("trace", TraceCommand.class),
            Map.entry("capture", CaptureCommand.class),
            Map.entry("link", LinkCommand.class),
            Map.entry("cluster", ClusterCommand.class),
            Map.entry("import", netlab.cli.ImportCommand.class),
            Map.entry("generate", netlab.cli.GenerateCommand.class),
            Map.entry("list", ListCommand.class),
            Map.entry("doctor", DoctorCommand.class),
            Map.entry("version", VersionCommand.class),
            Map.entry("help", HelpCommand.class)));

    /** Other names of subcommands (their {@code aliases}). */
    public static final Map<String, String> ALIASES = Map.of("ls", "list");

    // a list, not varargs: @SafeVarargs here would cost every start an annotation proxy class (picocli reads the
    // annotations of this class's methods)
    private static Map<String, Class<?>> ordered(List<Map.Entry<String, Class<?>>> entries) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (Map.Entry<String, Class<?>> e : entries) m.put(e.getKey(), e.getValue());
        return Collections.unmodifiableMap(m);
    }

    private final Io io;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "On errors, print the stack trace too.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print no progress, only results and errors.")
    boolean quiet;

    @Option(names = "--state-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where lab records live (default: $NETLAB_STATE_DIR, else /run/netlab).")
    String stateDir;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Do not color PASS, FAIL and ERROR.")
    boolean noColor;

    public NetlabCommand(Io io) {
        this.io = io;
    }

    public Io io() {
        return io;
    }

    public PrintStream out() {
        return io.out();
    }

    public PrintStream err() {
        return io.err();
    }

    public LabEnv env() {
        return LabEnv.standard(catalog(), StateStore.fromEnvironment(stateDir), new ConsoleProgress(io.err(), quiet));
    }

    /** Every kind and extension netlab is built with. */
    public Catalog catalog() {
        return BuiltIn.catalog();
    }

    public boolean color() {
        return !noColor && System.getenv("NO_COLOR") == null && io.out() == System.out && System.console() != null;
    }

    public boolean debug() {
        return debug;
    }

    @Override
    public void run() {
        // no subcommand: show what there is
        new picocli.CommandLine(this).usage(io.out());
    }
}
