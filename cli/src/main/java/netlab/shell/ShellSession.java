package netlab.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import netlab.console.Io;
import netlab.console.LabSelector;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.lab.LabEnv;
import netlab.model.LabModel;
import netlab.source.InvalidTopologyException;
import netlab.source.Suggest;
import netlab.state.LabName;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * One shell: the current lab, the verbs, and how a line is run. A line is a verb ({@code nodes}, {@code ping}…),
 * a node followed by what to do ({@code h1 ping h2}, {@code h1 ip route}), or any CLI command, run through the
 * same picocli command tree as {@code netlab} itself, with the shell's lab filled in where the command takes one.
 */
public final class ShellSession {
    private final Io io;
    private final List<String> globalArgs;
    private final LabEnv env;
    private final CurrentLab lab;
    private final boolean interactive;
    private final Set<LabName> labsAtStart;
    private final Map<String, Verb> verbs = new LinkedHashMap<>();
    private final Function<Io, CommandLine> cliTree;
    private final Parser parser = newParser();
    /** Whether the last line dispatched ended in an error netlab reported (not a command's own exit code). */
    private boolean lastWasError;

    /**
     * @param globalArgs the global options the shell was started with (--state-dir…), given to every CLI command
     * @param interactive a person at a terminal (exec gets the terminal; leaving asks before taking a lab down)
     * @param fileBudget  how a topology file the shell reads itself is read (--allow-large given to the shell)
     * @param verbs       the shell's own verbs ({@code netlab.shell.verbs.ShellVerbs#all})
     * @param cliTree     a fresh command tree of netlab's command line writing to the given streams: the shell runs
     *                    every other line through it (given, so the shell does not depend on the command line)
     */
    public ShellSession(Io io, List<String> globalArgs, LabEnv env, boolean interactive, netlab.source.Budget fileBudget,
                        List<Verb> verbs, Function<Io, CommandLine> cliTree) {
        this.io = io;
        this.globalArgs = List.copyOf(globalArgs);
        this.env = env;
        this.lab = new CurrentLab(env, fileBudget);
        this.interactive = interactive;
        this.labsAtStart = new TreeSet<>(env.store().labs());
        for (Verb v : verbs) this.verbs.put(v.name(), v);
        this.cliTree = cliTree;
    }

    static Parser newParser() {
        DefaultParser p = new DefaultParser();
        p.setEofOnUnclosedQuote(true);
        return p;
    }

    public Io io() {
        return io;
    }

    public PrintStream out() {
        return io.out();
    }

    public LabEnv env() {
        return env;
    }

    public CurrentLab lab() {
        return lab;
    }

    public boolean interactive() {
        return interactive;
    }

    public Map<String, Verb> verbs() {
        return verbs;
    }

    public Parser parser() {
        return parser;
    }

    public String prompt() {
        Optional<String> name = lab.name();
        if (name.isEmpty()) return "netlab> ";
        return "netlab(" + name.get() + (lab.isUp() ? "" : ": not up") + ")> ";
    }

    /** The CLI's command tree, for completion and help (a fresh one: commands keep state between runs). */
    public CommandLine cliTree() {
        return cliTree.apply(io);
    }

    /** Splits a line into words the way the interactive reader does (quotes, backslashes). */
    public List<String> words(String line) {
        ParsedLine pl = parser.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE);
        return new ArrayList<>(pl.words().stream().filter(w -> !w.isEmpty()).toList());
    }

    /** Runs one line; returns its exit code. Errors are printed, never thrown (except {@link ExitRequest}). */
    public int execute(String line) throws InterruptedException {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) return ExitCode.OK;
        List<String> words;
        try {
            words = words(trimmed);
        } catch (RuntimeException e) {
            io.err().println("netlab: cannot read the line: " + e.getMessage());
            return ExitCode.INVALID_TOPOLOGY;
        }
        if (words.isEmpty()) return ExitCode.OK;
        if (words.get(0).equals("!")) return negate(words.subList(1, words.size()));
        return dispatch(words);
    }

    /**
     * {@code ! COMMAND}: succeeds when the command ran and failed (for scripts asserting that something is broken).
     * netlab's own commands fail with exit code 1 (a check failed, drift, a pair silent); any other code is an
     * error that proves nothing broken (a check that could not run, a lab that is not up, a typo), so the line fails
     * with it. A program run in a node fails with any code of its own, unless netlab could not start it.
     */
    private int negate(List<String> words) throws InterruptedException {
        if (words.isEmpty()) return ExitCode.OK;
        int code = dispatch(new ArrayList<>(words));
        if (code == ExitCode.INTERRUPTED) return code;
        if (code == ExitCode.OK) {
            io.err().println("netlab: '" + String.join(" ", words) + "' succeeded, but it was expected to fail");
            return ExitCode.CHECK_FAILED;
        }
        if (code != ExitCode.CHECK_FAILED && (lastWasError || !runsAProgram(words))) {
            io.err().println("netlab: '" + String.join(" ", words) + "' did not get to fail as expected: it could not do its job (exit " + code + ")");
            return code;
        }
        io.err().println("(failed, as expected)");
        return ExitCode.OK;
    }

    /** Whether the line runs a program in a node, whose exit code is the program's own (h1 ping h2, exec h1 CMD, h1 CMD). */
    private boolean runsAProgram(List<String> words) {
        String first = words.get(0);
        if (verbs.containsKey(first)) return first.equals("exec") || first.equals("ping");
        Optional<LabModel> model = lab.modelIfAny();
        return model.isPresent() && model.get().node(first).isPresent() && words.size() > 1 && !words.get(1).equals("trace");
    }

    private int dispatch(List<String> words) throws InterruptedException {
        lastWasError = false;
        String first = words.get(0);
        List<String> rest = words.subList(1, words.size());
        try {
            Verb v = verbs.get(first);
            if (v != null) return v.run(new ArrayList<>(rest), this);
            Optional<LabModel> model = lab.modelIfAny();
            if (model.isPresent() && model.get().node(first).isPresent()) return nodeFirst(first, rest);
            if (cliTree().getSubcommands().containsKey(first)) return runCli(words);
            Set<String> known = new TreeSet<>(verbs.keySet());
            known.addAll(cliTree().getSubcommands().keySet());
            model.ifPresent(m -> known.addAll(m.nodes().keySet()));
            io.err().println("netlab: unknown command '" + first + "'" + Suggest.hint(first, known) + "; 'help' lists the commands");
            return ExitCode.INVALID_TOPOLOGY;
        } catch (ExitRequest e) {
            throw e;
        } catch (InterruptedException e) {
            io.err().println("netlab: interrupted");
            return ExitCode.INTERRUPTED;
        } catch (RuntimeException e) {
            lastWasError = true;
            return report(e);
        }
    }

    /** {@code h1 ping h2}, {@code h1 exec CMD}, {@code h1 CMD} (run in h1), or just {@code h1} (show it). */
    private int nodeFirst(String node, List<String> rest) throws InterruptedException {
        List<String> args = new ArrayList<>();
        args.add(node);
        if (rest.isEmpty()) return runCli(List.of("inspect", node));
        String action = rest.get(0);
        if (action.equals("ping") || action.equals("exec") || action.equals("trace")) {
            args.addAll(rest.subList(1, rest.size()));
            return action.equals("trace") ? runCli(prepend("trace", args)) : verbs.get(action).run(args, this);
        }
        args.addAll(rest);
        return verbs.get("exec").run(args, this);
    }

    private static List<String> prepend(String w, List<String> rest) {
        List<String> l = new ArrayList<>();
        l.add(w);
        l.addAll(rest);
        return l;
    }

    int report(RuntimeException e) {
        if (e instanceof InvalidTopologyException bad) {
            bad.printTo(io.err());
            return ExitCode.INVALID_TOPOLOGY;
        }
        if (e instanceof NetlabException ne) {
            io.err().println("netlab: " + ne.getMessage());
            return ne.exitCode();
        }
        io.err().println("netlab: internal error: " + e);
        if (globalArgs.contains("--debug")) e.printStackTrace(io.err());
        return ExitCode.INTERNAL;
    }

    /**
     * Runs a CLI command line through netlab's own command tree. Where the command takes a lab (an option or a
     * parameter labelled LAB) and none was given, the shell's lab is filled in.
     */
    public int runCli(List<String> words) throws InterruptedException {
        if (words.get(0).equals("shell")) {
            io.err().println("netlab: already in the shell");
            return ExitCode.INVALID_TOPOLOGY;
        }
        List<String> args = new ArrayList<>(globalArgs);
        args.addAll(withLab(words));
        int code = cliTree.apply(io).execute(args.toArray(String[]::new));
        if (Thread.interrupted()) code = ExitCode.INTERRUPTED;
        if (code == ExitCode.OK && words.get(0).equals("up")) followUp(words);
        return code;
    }

    private List<String> withLab(List<String> words) {
        Optional<String> current = lab.name();
        if (current.isEmpty()) return words;
        ParseResult pr;
        try {
            pr = cliTree().parseArgs(words.toArray(String[]::new));
        } catch (CommandLine.MissingParameterException e) {
            // a required LAB parameter left out ('graph -o x.svg'): the shell's lab is the one meant
            boolean labMissing = e.getMissing().stream().anyMatch(a -> isLab(a.paramLabel()));
            List<String> out = new ArrayList<>(words);
            if (labMissing) out.add(current.get());
            return out;
        } catch (CommandLine.ParameterException e) {
            return words; // let the real run report it
        }
        if (!pr.hasSubcommand()) return words;
        ParseResult sub = pr.subcommand();
        CommandSpec spec = sub.commandSpec();
        if (spec.findOption("--all") != null && sub.hasMatchedOption("--all")) return words;
        for (OptionSpec o : spec.options()) {
            if (isLab(o.paramLabel()) && !sub.hasMatchedOption(o)) {
                List<String> out = new ArrayList<>(words);
                out.add(1, o.longestName());
                out.add(2, current.get());
                return out;
            }
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (isLab(p.paramLabel()) && sub.matchedPositionals().stream().noneMatch(m -> m == p)) {
                List<String> out = new ArrayList<>(words);
                out.add(current.get());
                return out;
            }
        }
        return words;
    }

    private static boolean isLab(String label) {
        return label != null && label.replaceAll("[<>.\\[\\]]", "").equals("LAB");
    }

    /** After a successful {@code up FILE [--name N]}, that lab becomes the shell's lab. */
    private void followUp(List<String> words) {
        try {
            ParseResult sub = cliTree().parseArgs(words.toArray(String[]::new)).subcommand();
            String file = sub.matchedPositionals().isEmpty() ? null : String.valueOf(sub.matchedPositionals().get(0).getValue());
            Optional<String> name = sub.hasMatchedOption("--name") ? Optional.of(sub.matchedOptionValue("--name", "")) : Optional.empty();
            if (file != null) lab.select(LabSelector.labName(file, name, env), Path.of(file));
        } catch (RuntimeException e) {
            // the lab is up; only the prompt does not follow it
        }
    }

    /**
     * Runs the lines of a script. With {@code stopOnError}, the first failing line ends it and its exit code is
     * the script's; otherwise the script's code is that of the first failure. Ctrl-C always ends it.
     */
    public int runScript(BufferedReader in, String name, boolean stopOnError, boolean echo) throws InterruptedException {
        int first = ExitCode.OK;
        int lineNo = 0;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                if (echo) {
                    io.err().println(prompt() + t);
                    io.err().flush();
                }
                int code = execute(t);
                io.out().flush();
                if (code != ExitCode.OK) {
                    if (first == ExitCode.OK) first = code;
                    if (stopOnError || code == ExitCode.INTERRUPTED) {
                        io.err().println("netlab: " + name + ":" + lineNo + ": '" + t + "' failed (exit " + code + "); stopping");
                        return code;
                    }
                }
            }
        } catch (IOException e) {
            throw NetlabException.environment("cannot read " + name + ": " + e.getMessage());
        }
        return first;
    }

    /** Labs that are up now but were not when the shell started: the ones this shell brought up. */
    public List<LabName> labsBroughtUp() {
        List<LabName> now = new ArrayList<>(env.store().labs());
        now.removeAll(labsAtStart);
        return now;
    }
}
