package netlab.source;

import java.util.List;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;

/** The topology has errors; nothing was created. Carries every error found. */
public final class InvalidTopologyException extends NetlabException {
    private final List<Diagnostic> diagnostics;

    public InvalidTopologyException(List<Diagnostic> diagnostics) {
        super(ExitCode.INVALID_TOPOLOGY, summary(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String summary(List<Diagnostic> ds) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : ds) sb.append(d).append('\n');
        sb.append(ds.size() == 1 ? "1 error" : ds.size() + " errors").append(", nothing was created");
        return sb.toString();
    }
}
