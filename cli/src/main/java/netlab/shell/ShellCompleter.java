package netlab.shell;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * TAB completion for the shell: verbs, netlab's commands and their options (read from the picocli command tree,
 * so new commands and options complete without edits here), and names from the current lab's model: nodes,
 * node:interface, switches, check names, labs. A CLI command's parameters complete by their label (NODE, LAB,
 * TOPOLOGY, FILE, FROM, TO…); anything else falls back to picocli's own completer (enum values, candidates).
 */
public final class ShellCompleter implements Completer {
    private final ShellSession s;

    public ShellCompleter(ShellSession s) {
        this.s = s;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = new ArrayList<>(line.words());
        int index = line.wordIndex();
        if (!words.isEmpty() && words.get(0).equals("!")) {
            words.remove(0);
            index--;
        }
        if (index < 0) return;
        try {
            Completions c = candidates(words, index);
            if (c.values().isEmpty() && c.picocliFallback() && reader != null) {
                new PicocliJLineCompleter(s.cliTree().getCommandSpec()).complete(reader, line, candidates);
                return;
            }
            for (String v : c.values()) {
                boolean done = !v.endsWith("/") && !v.endsWith(":");
                candidates.add(new Candidate(v, v, null, null, null, null, done));
            }
        } catch (RuntimeException e) {
            // completion never interrupts typing
        }
    }

    /** What may come at {@code words[index]}; public so tests can ask without a terminal. */
    public Completions candidates(List<String> words, int index) {
        String current = index < words.size() ? words.get(index) : "";
        if (index == 0) {
            Set<String> all = new LinkedHashSet<>(s.verbs().keySet());
            all.addAll(s.cliTree().getSubcommands().keySet());
            all.remove("shell");
            all.addAll(Candidates.nodes(s));
            return Completions.of(all);
        }
        String first = words.get(0);
        List<String> rest = words.subList(1, words.size());
        Verb v = s.verbs().get(first);
        if (v != null) {
            if (v.name().equals("source")) return Completions.of(files(current, false));
            return Completions.of(v.complete(rest, index - 1, s));
        }
        if (Candidates.nodes(s).contains(first)) {
            if (index == 1) return Completions.of(List.of("ping", "exec", "trace"));
            String action = words.get(1);
            List<String> args = new ArrayList<>();
            args.add(first);
            args.addAll(words.subList(2, words.size()));
            if (action.equals("ping") || action.equals("exec")) return Completions.of(s.verbs().get(action).complete(args, index - 1, s));
            if (action.equals("trace") && index == 2) return Completions.of(Candidates.targets(s));
            return Completions.of(List.of());
        }
        CommandLine sub = s.cliTree().getSubcommands().get(first);
        if (sub == null) return Completions.of(List.of());
        return cli(sub.getCommandSpec(), words, index, current);
    }

    /** Candidates for a CLI command's word, from its picocli model. */
    private Completions cli(CommandSpec spec, List<String> words, int index, String current) {
        String prev = words.get(index - 1);
        OptionSpec prevOpt = spec.findOption(prev);
        if (prevOpt != null && takesValue(prevOpt)) return byLabel(prevOpt, current);
        if (current.startsWith("-")) {
            List<String> names = new ArrayList<>();
            for (OptionSpec o : spec.options()) if (!o.hidden()) names.addAll(List.of(o.names()));
            return Completions.of(names);
        }
        int position = 0;
        for (int i = 1; i < index; i++) {
            String w = words.get(i);
            OptionSpec o = spec.findOption(w);
            if (o != null) {
                if (takesValue(o)) i++;
            } else if (!w.startsWith("-")) {
                position++;
            }
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.index().contains(position)) return byLabel(p, current);
        }
        return Completions.fallback();
    }

    private static boolean takesValue(OptionSpec o) {
        return o.arity().max() > 0 && o.type() != boolean.class && o.type() != Boolean.class;
    }

    private Completions byLabel(ArgSpec a, String current) {
        String label = a.paramLabel().replaceAll("[<>.\\[\\]]", "");
        List<String> l = switch (label) {
            case "NODE", "FROM" -> {
                List<String> n = new ArrayList<>(Candidates.nodes(s));
                if (label.equals("FROM")) n.addAll(Candidates.interfaces(s));
                yield n;
            }
            case "TO" -> Candidates.targets(s);
            case "NODE:IFACE" -> Candidates.interfaces(s);
            case "LAB" -> {
                List<String> labs = new ArrayList<>();
                for (netlab.state.LabName n : s.env().store().labs()) labs.add(n.value());
                labs.addAll(files(current, true));
                yield labs;
            }
            case "TOPOLOGY" -> files(current, true);
            case "FILE", "DIR" -> files(current, false);
            case "NAME" -> a instanceof OptionSpec o && List.of(o.names()).contains("--check") ? Candidates.checks(s) : List.of();
            case "TOPIC" -> {
                List<String> t = new ArrayList<>(s.cliTree().getSubcommands().keySet());
                t.add("topology");
                yield t;
            }
            default -> List.of();
        };
        if (l.isEmpty() && a.completionCandidates() != null) {
            for (String c : a.completionCandidates()) l = append(l, c);
        }
        return l.isEmpty() ? Completions.fallback() : Completions.of(l);
    }

    private static List<String> append(List<String> l, String c) {
        List<String> out = new ArrayList<>(l);
        out.add(c);
        return out;
    }

    /** Files and directories under the typed prefix; only topology files (and directories) when asked. */
    static List<String> files(String prefix, boolean topologiesOnly) {
        int slash = prefix.lastIndexOf('/');
        String dirText = slash < 0 ? "" : prefix.substring(0, slash + 1);
        Path dir = Path.of(dirText.isEmpty() ? "." : dirText);
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && !prefix.substring(slash + 1).startsWith(".")) continue;
                if (Files.isDirectory(p)) out.add(dirText + name + "/");
                else if (!topologiesOnly || name.endsWith(".yaml") || name.endsWith(".yml")) out.add(dirText + name);
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    /** Completion values, or "ask picocli" when netlab knows nothing better. */
    public record Completions(List<String> values, boolean picocliFallback) {
        static Completions of(java.util.Collection<String> values) {
            return new Completions(List.copyOf(new LinkedHashSet<>(values)), false);
        }

        static Completions fallback() {
            return new Completions(List.of(), true);
        }
    }
}
