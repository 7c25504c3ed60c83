package netlab.testing;

import java.util.List;
import java.util.Optional;
import netlab.app.BuiltIn;
import netlab.lab.LabLoader;
import netlab.lab.LoadedLab;
import netlab.source.InvalidTopologyException;

/** Loads topologies from text in unit tests. */
public final class Topologies {
    private Topologies() {}

    public static LoadedLab load(String yaml) {
        return LabLoader.fromText(BuiltIn.catalog(), yaml, "t.yaml", "/t.yaml", Optional.empty());
    }

    /** The errors a topology has, as "line:col: message" (file name dropped), in file order. */
    public static List<String> errors(String yaml) {
        try {
            load(yaml);
            return List.of();
        } catch (InvalidTopologyException e) {
            return e.diagnostics().stream().map(d -> d.pos().line() + ":" + d.pos().col() + ": " + d.message()).toList();
        }
    }
}
