package netlab.docs;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A zsh completion function ({@code _netlab}) from the picocli command tree: commands with their descriptions,
 * each command's options with theirs, and parameters completed by what they are (topology files, lab names read
 * from the state directory, files).
 */
final class ZshCompletion {
    private ZshCompletion() {}

    static String render(CommandLine top) {
        StringBuilder sb = new StringBuilder();
        sb.append("#compdef netlab\n");
        sb.append("# Generated from netlab's command tree by the build (netlab.docs.GenerateDocs); do not edit.\n\n");
        sb.append("# lab names: the records in the state directory (no need to start netlab for them)\n");
        sb.append("_netlab_labs() {\n");
        sb.append("  local dir=${NETLAB_STATE_DIR:-/run/netlab}\n");
        sb.append("  local -a labs\n");
        sb.append("  labs=(${dir}/labs/*(N/:t))\n");
        sb.append("  _describe -t labs 'lab' labs\n");
        sb.append("}\n\n");
        sb.append("_netlab() {\n");
        sb.append("  local curcontext=\"$curcontext\" state line ret=1\n");
        sb.append("  local -a commands\n");
        sb.append("  commands=(\n");
        for (Map.Entry<String, CommandLine> e : top.getSubcommands().entrySet()) {
            sb.append("    ").append(quote(e.getKey() + ":" + first(e.getValue().getCommandSpec().usageMessage().description()))).append('\n');
        }
        sb.append("  )\n");
        sb.append("  _arguments -C \\\n");
        for (OptionSpec o : top.getCommandSpec().options()) sb.append("    ").append(option(o)).append(" \\\n");
        sb.append("    '1: :->command' \\\n");
        sb.append("    '*:: :->args' && ret=0\n");
        sb.append("  case $state in\n");
        sb.append("    command) _describe -t commands 'netlab command' commands && ret=0 ;;\n");
        sb.append("    args)\n");
        sb.append("      case $words[1] in\n");
        for (Map.Entry<String, CommandLine> e : top.getSubcommands().entrySet()) {
            CommandSpec spec = e.getValue().getCommandSpec();
            sb.append("        ").append(e.getKey()).append(")\n");
            sb.append("          _arguments \\\n");
            for (OptionSpec o : spec.options()) {
                if (!o.hidden()) sb.append("            ").append(option(o)).append(" \\\n");
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) sb.append("            ").append(positional(p)).append(" \\\n");
            }
            sb.append("            && ret=0 ;;\n");
        }
        sb.append("      esac ;;\n");
        sb.append("  esac\n");
        sb.append("  return ret\n");
        sb.append("}\n\n");
        sb.append("_netlab \"$@\"\n");
        return sb.toString();
    }

    private static String option(OptionSpec o) {
        String desc = "[" + bracketSafe(first(o.description())) + "]";
        String arg = ManPages.takesValue(o) ? ":" + ManPages.label(o) + ":" + action(o) : "";
        String[] names = o.names();
        if (names.length == 1) return quote(names[0] + desc + arg);
        String exclusive = "(" + String.join(" ", names) + ")";
        return "'" + exclusive + "'{" + String.join(",", names) + "}" + quote(desc + arg);
    }

    private static String positional(PositionalParamSpec p) {
        String which = p.arity().max() > 1 ? "*" : Integer.toString(p.index().min() + 1);
        String optional = p.arity().min() == 0 && !which.equals("*") ? ":" : "";
        return quote(which + optional + ":" + ManPages.label(p) + ":" + action(p));
    }

    /** How a value completes, by what it is. */
    private static String action(ArgSpec a) {
        String label = ManPages.label(a);
        if (a.completionCandidates() != null) {
            StringBuilder sb = new StringBuilder("(");
            for (String c : a.completionCandidates()) sb.append(sb.length() > 1 ? " " : "").append(c);
            return sb.append(")").toString();
        }
        return switch (label) {
            case "TOPOLOGY" -> "_files -g \"*.(yaml|yml)\"";
            case "LAB" -> "_alternative \"labs:lab:_netlab_labs\" \"files:topology:_files -g \\\"*.(yaml|yml)\\\"\"";
            case "FILE", "DIR" -> "_files";
            case "COMMAND" -> "_normal";
            default -> " ";
        };
    }

    /** The first sentence: zsh shows one line per command or option. */
    private static String first(String[] description) {
        return ManPages.firstSentence(description);
    }

    private static String bracketSafe(String s) {
        return s.replace("[", "(").replace("]", ")");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static List<String> names() {
        return List.of("_netlab");
    }
}
