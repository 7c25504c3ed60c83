package netlab.process;

import java.util.List;
import java.util.Set;
import netlab.source.Printable;

/**
 * Writes commands as POSIX shell text that runs exactly them: what {@code up --dry-run} prints is pasted into a
 * shell by users, so every word must come back from the shell as the same argument, whatever a topology put in it.
 */
public final class ShellQuote {
    private ShellQuote() {}

    /** The word as the shell reads it back unchanged: bare when only harmless characters, else single-quoted. */
    public static String quote(String arg) {
        if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_@%+=:,./-]+")) return arg;
        return singleQuoted(arg);
    }

    /** A command line. A first word with '=' is quoted too: bare, the shell would take it for an assignment. */
    public static String join(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (i > 0) sb.append(' ');
            sb.append(i == 0 && a.contains("=") ? singleQuoted(a) : quote(a));
        }
        return sb.toString();
    }

    private static String singleQuoted(String arg) {
        if (arg.indexOf('\0') >= 0) throw new IllegalArgumentException("an argument cannot hold a NUL character");
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /**
     * {@code command} with {@code input} on its standard input, exactly: a here-document (its delimiter quoted, so
     * nothing in it is expanded, and chosen so that no line of the input ends it early) when the input ends with a
     * newline, as a here-document always does; else {@code printf '%s' INPUT | command}.
     */
    public static String withInput(String command, String input) {
        if (input.indexOf('\0') >= 0) throw new IllegalArgumentException("input for a command cannot hold a NUL character");
        if (input.isEmpty() || !input.endsWith("\n")) return "printf '%s' " + quote(input) + " | " + command;
        Set<String> lines = Set.copyOf(List.of(input.split("\n", -1)));
        String end = "EOF";
        for (int i = 1; lines.contains(end); i++) end = "EOF" + i;
        return command + " <<'" + end + "'\n" + input + end;
    }

    /** A comment line: whatever {@code text} holds stays in the comment (line breaks and control characters shown escaped). */
    public static String comment(String text) {
        return "# " + Printable.line(text);
    }
}
