package netlab.runtime;

import java.util.List;
import java.util.stream.Collectors;

/** Quotes arguments the way a POSIX shell reads them back, for printing commands users can paste. */
public final class ShellQuote {
    private ShellQuote() {}

    public static String quote(String arg) {
        if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_@%+=:,./-]+")) return arg;
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    public static String join(List<String> argv) {
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
