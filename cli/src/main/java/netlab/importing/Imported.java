package netlab.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an import made: the topology as netlab's YAML, what could not be imported, and the counts the command
 * reports. The one door into this package for the command line (the importers and their working state stay inside).
 */
public record Imported(String yaml, List<Unimported> unimported, int nodes, int switches, int links, int checks) {
    /** A Kathará lab directory; {@code leaveOut} names devices not to import. */
    public static Imported kathara(Path dir, Optional<String> name, Set<String> leaveOut, String command) {
        LabNameOption.check(name.orElse(null));
        return of(KatharaImporter.read(dir, name, leaveOut), command);
    }

    /** A containerlab topology file. */
    public static Imported containerlab(Path file, Optional<String> name, String command) {
        LabNameOption.check(name.orElse(null));
        return of(ContainerlabImporter.read(file, name), command);
    }

    private static Imported of(ImportedLab lab, String command) {
        return new Imported(TopologyYaml.write(lab, command), List.copyOf(lab.unimported), lab.nodes.size(), lab.switches.size(),
                lab.links.size(), lab.checks.size());
    }
}
