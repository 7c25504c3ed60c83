package netlab.source;

import java.io.PrintStream;
import java.util.List;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;

/** The topology has errors; nothing was created. Carries every error found. */
public final class InvalidTopologyException extends NetlabException {
    /**
     * At most this many errors are printed, the rest counted in one line: a generated or hostile file can have a
     * hundred thousand, and the first ones are what a reader fixes first.
     */
    public static final int SHOWN = 100;

    private final List<Diagnostic> diagnostics;

    public InvalidTopologyException(List<Diagnostic> diagnostics) {
        super(ExitCode.INVALID_TOPOLOGY, summary(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Prints the first {@link #SHOWN} errors, one a line, and a line counting the others if there are more. */
    public void printTo(PrintStream out) {
        for (String line : lines(diagnostics)) out.println(line);
    }

    static List<String> lines(List<Diagnostic> ds) {
        List<String> out = new java.util.ArrayList<>();
        for (Diagnostic d : ds.subList(0, Math.min(SHOWN, ds.size()))) out.add(d.toString());
        if (ds.size() > SHOWN) {
            int rest = ds.size() - SHOWN;
            out.add("netlab: " + rest + " more error" + (rest == 1 ? "" : "s") + " not shown (the first " + SHOWN + " are above)");
        }
        return out;
    }

    private static String summary(List<Diagnostic> ds) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines(ds)) sb.append(line).append('\n');
        sb.append(ds.size() == 1 ? "1 error" : ds.size() + " errors").append(", nothing was created");
        return sb.toString();
    }
}
