package netlab.cli;

import java.nio.file.Path;
import java.util.Optional;
import netlab.errors.ExitCode;
import netlab.importing.Imported;
import netlab.importing.Unimported;
import netlab.lab.LabLoader;
import netlab.source.InvalidTopologyException;
import netlab.source.Printable;

/**
 * Where an import's topology goes (stdout, or a new file), what it says on stderr (every part left out), and the
 * proof that it is netlab's: the text is validated as 'netlab validate' would, and its errors are shown.
 */
final class ImportOutput {
    private ImportOutput() {}

    static int emit(NetlabCommand top, Imported lab, Optional<Path> file, boolean force) {
        String yaml = lab.yaml();
        for (Unimported u : lab.unimported()) top.err().println("netlab: not imported: " + Printable.line(u.toString()));
        String display = file.map(Path::toString).orElse("<imported>");
        int code = ExitCode.OK;
        try {
            LabLoader.fromText(top.catalog(), yaml, display, file.map(p -> p.toAbsolutePath().normalize().toString()).orElse("/dev/stdin"), Optional.empty());
        } catch (InvalidTopologyException e) {
            e.printTo(top.err());
            top.err().println("netlab: the imported topology does not validate (" + e.diagnostics().size() + " errors): the lab's own"
                    + " addressing or the import is at fault; it is written all the same for you to fix");
            code = ExitCode.INVALID_TOPOLOGY;
        }
        if (file.isEmpty()) {
            top.out().print(yaml);
        } else {
            NewFile.write(file.get(), yaml, force);
            top.err().printf("netlab: wrote %s: %d nodes, %d switches, %d links, %d checks; %d things not imported%n",
                    Printable.name(file.get().toString()), lab.nodes(), lab.switches(), lab.links(), lab.checks(),
                    lab.unimported().size());
        }
        return code;
    }
}
