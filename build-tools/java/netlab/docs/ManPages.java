package netlab.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Man pages from the picocli command tree: netlab(1) with the command list, global options and exit codes, and
 * netlab-COMMAND(1) for every command with its synopsis, options and parameters. Nothing is written by hand, so
 * the pages cannot drift from the program.
 */
final class ManPages {
    private static final String MANUAL = "netlab manual";

    private ManPages() {}

    /** File name → roff text, for netlab(1) and every (non-alias) subcommand. */
    static Map<String, String> all(CommandLine top) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("netlab.1", topPage(top));
        for (Map.Entry<String, CommandLine> e : top.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName())) continue; // an alias
            pages.put("netlab-" + e.getKey() + ".1", commandPage(top, e.getValue()));
        }
        return pages;
    }

    private static String topPage(CommandLine top) {
        CommandSpec spec = top.getCommandSpec();
        Roff r = new Roff();
        header(r, "NETLAB");
        r.macro("SH", "NAME").plain("netlab - " + firstSentence(spec.usageMessage().description()));
        r.macro("SH", "SYNOPSIS").line(Roff.bold("netlab") + " [" + Roff.italic("GLOBAL OPTIONS") + "] " + Roff.italic("COMMAND")
                + " [" + Roff.italic("ARGS") + "]");
        r.macro("SH", "DESCRIPTION");
        paragraph(r, spec.usageMessage().description());
        r.macro("SH", "COMMANDS");
        for (Map.Entry<String, CommandLine> e : top.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName())) continue;
            r.macro("TP").line(Roff.bold(e.getKey()) + aliases(e.getValue()));
            paragraph(r, e.getValue().getCommandSpec().usageMessage().description());
            r.line("See " + Roff.bold("netlab-" + e.getKey()) + "(1).");
        }
        r.macro("SH", "GLOBAL OPTIONS");
        options(r, spec.options());
        footer(r, spec, List.of());
        return r.toString();
    }

    private static String commandPage(CommandLine top, CommandLine cmd) {
        CommandSpec spec = cmd.getCommandSpec();
        String name = cmd.getCommandName();
        Roff r = new Roff();
        header(r, "NETLAB-" + name.toUpperCase());
        r.macro("SH", "NAME").plain("netlab-" + name + " - " + firstSentence(spec.usageMessage().description()));
        r.macro("SH", "SYNOPSIS").line(synopsis(spec));
        r.macro("SH", "DESCRIPTION");
        paragraph(r, spec.usageMessage().description());
        List<OptionSpec> own = new ArrayList<>(), inherited = new ArrayList<>();
        for (OptionSpec o : spec.options()) (o.inherited() ? inherited : own).add(o);
        if (!spec.positionalParameters().isEmpty()) {
            r.macro("SH", "ARGUMENTS");
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (p.hidden()) continue;
                r.macro("TP").line(Roff.italic(label(p)) + (p.arity().min() == 0 ? " (optional)" : ""));
                paragraph(r, p.description());
            }
        }
        if (!own.isEmpty()) {
            r.macro("SH", "OPTIONS");
            options(r, own);
        }
        if (!inherited.isEmpty()) {
            r.macro("SH", "GLOBAL OPTIONS");
            options(r, inherited);
        }
        footer(r, top.getCommandSpec(), List.of("netlab(1)"));
        return r.toString();
    }

    private static void header(Roff r, String title) {
        r.line(".\\\" Generated from netlab's command tree by the build (netlab.docs.GenerateDocs); do not edit.");
        r.macro("TH", title, title.equals("NETLAB-TOPOLOGY") ? "5" : "1", "", "netlab", MANUAL);
    }

    private static String synopsis(CommandSpec spec) {
        StringBuilder sb = new StringBuilder(Roff.bold("netlab " + spec.name()));
        for (OptionSpec o : spec.options()) {
            if (o.hidden() || o.inherited() || o.usageHelp() || o.versionHelp()) continue;
            sb.append(" [").append(Roff.bold(o.longestName()));
            if (takesValue(o)) sb.append(' ').append(Roff.italic(label(o)));
            sb.append(']');
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) continue;
            String l = Roff.italic(label(p)) + (p.arity().max() > 1 ? "..." : "");
            sb.append(' ').append(p.arity().min() == 0 ? "[" + l + "]" : l);
        }
        return sb.toString();
    }

    private static void options(Roff r, List<OptionSpec> options) {
        for (OptionSpec o : options) {
            if (o.hidden()) continue;
            StringBuilder names = new StringBuilder();
            for (String n : o.names()) {
                if (names.length() > 0) names.append(", ");
                names.append(Roff.bold(n));
            }
            if (takesValue(o)) names.append(' ').append(Roff.italic(label(o)));
            r.macro("TP").line(names.toString());
            paragraph(r, o.description());
        }
    }

    private static void footer(Roff r, CommandSpec top, List<String> seeAlso) {
        List<String> exit = new ArrayList<>();
        boolean inExit = false;
        for (String f : top.usageMessage().footer()) {
            if (f.startsWith("Exit codes:")) inExit = true;
            else if (f.isBlank() || f.startsWith("Topology format")) inExit = false;
            if (inExit) exit.add(f);
        }
        if (!exit.isEmpty()) {
            r.macro("SH", "EXIT STATUS");
            paragraph(r, exit.toArray(String[]::new));
        }
        r.macro("SH", "ENVIRONMENT");
        r.macro("TP").line(Roff.bold("NETLAB_STATE_DIR")).plain("Where lab records live (default /run/netlab); --state-dir overrides it.");
        r.macro("TP").line(Roff.bold("NETLAB_HISTORY")).plain("The shell's history file (default ~/.netlab_history).");
        r.macro("TP").line(Roff.bold("NETLAB_JAVA_OPTS")).plain("Extra options for the Java virtual machine that runs netlab.");
        r.macro("TP").line(Roff.bold("NO_COLOR")).plain("When set, PASS and FAIL are not colored.");
        r.macro("SH", "FILES");
        r.macro("TP").line(Roff.bold("/run/netlab/labs/") + Roff.italic("LAB") + Roff.bold("/"))
                .plain("The record of a lab that is up (state.json) and a copy of its topology.");
        r.macro("SH", "SEE ALSO");
        List<String> refs = new ArrayList<>(seeAlso);
        refs.add("netlab-topology(5)");
        refs.add("ip(8)");
        refs.add("tcpdump(8)");
        r.plain(String.join(", ", refs));
    }

    private static void paragraph(Roff r, String[] lines) {
        for (String l : lines) r.plain(l.strip());
    }

    static String firstSentence(String[] description) {
        if (description.length == 0) return "";
        StringBuilder sb = new StringBuilder();
        for (String l : description) {
            sb.append(sb.length() == 0 ? "" : " ").append(l.strip());
            int dot = sb.indexOf(". ");
            if (dot >= 0) return sb.substring(0, dot);
        }
        String s = sb.toString();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String aliases(CommandLine c) {
        String[] a = c.getCommandSpec().aliases();
        return a.length == 0 ? "" : " (also " + String.join(", ", List.of(a).stream().map(Roff::bold).toList()) + ")";
    }

    static boolean takesValue(OptionSpec o) {
        return o.arity().max() > 0 && o.type() != boolean.class && o.type() != Boolean.class;
    }

    static String label(ArgSpec a) {
        return a.paramLabel().replaceAll("[<>]", "");
    }
}
