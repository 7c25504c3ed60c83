package netlab.shell.verbs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netlab.errors.ExitCode;
import netlab.shell.ShellSession;
import netlab.shell.Verb;
import picocli.CommandLine;

/** {@code help [VERB|COMMAND|topology]}: the shell's verbs and netlab's commands, or help on one. */
final class HelpVerb implements Verb {
    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "help [VERB|COMMAND|topology]";
    }

    @Override
    public String summary() {
        return "this list, or help on one verb or command";
    }

    @Override
    public int run(List<String> args, ShellSession s) throws InterruptedException {
        if (!args.isEmpty()) {
            Verb v = s.verbs().get(args.get(0));
            if (v != null) {
                s.out().println("usage: " + v.usage());
                s.out().println(v.summary());
                return ExitCode.OK;
            }
            return s.runCli(List.of("help", args.get(0)));
        }
        s.out().println("Shell verbs (the current lab is used; TAB completes names):");
        List<String[]> verbs = new ArrayList<>();
        for (Verb v : s.verbs().values()) if (!v.name().equals("quit")) verbs.add(new String[] {v.usage(), v.summary()});
        columns(verbs, s);
        s.out().println();
        s.out().println("netlab commands (take the current lab unless one is given):");
        List<String[]> commands = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : s.cliTree().getSubcommands().entrySet()) {
            if (e.getKey().equals("shell") || s.verbs().containsKey(e.getKey()) || !e.getKey().equals(e.getValue().getCommandName())) continue;
            String[] d = e.getValue().getCommandSpec().usageMessage().description();
            commands.add(new String[] {e.getKey(), firstSentence(d.length > 0 ? d[0] : "")});
        }
        columns(commands, s);
        s.out().println();
        s.out().println("A node name first runs in that node: 'h1 ping h2', 'h1 ip route', 'h1' (inspect it).");
        s.out().println("'! CMD' succeeds when CMD fails (for scripts). Ctrl-C stops a command; Ctrl-D or 'exit' leaves.");
        return ExitCode.OK;
    }

    private static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        return dot < 0 ? s : s.substring(0, dot + 1);
    }

    /** Two columns; a first column too wide for the screen puts the second on the next line. */
    private static void columns(List<String[]> rows, ShellSession s) {
        int w = rows.stream().mapToInt(r -> r[0].length()).filter(n -> n <= 34).max().orElse(10);
        for (String[] r : rows) {
            if (r[0].length() > w) s.out().printf("  %s%n  %-" + w + "s  %s%n", r[0], "", r[1]);
            else s.out().printf("  %-" + w + "s  %s%n", r[0], r[1]);
        }
    }

    @Override
    public List<String> complete(List<String> args, int index, ShellSession s) {
        List<String> l = new ArrayList<>(s.verbs().keySet());
        l.addAll(s.cliTree().getSubcommands().keySet());
        l.add("topology");
        return l;
    }
}
