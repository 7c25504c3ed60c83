package netlab.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.importing.Imported;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "containerlab", mixinStandardHelpOptions = true, description = {"Import a containerlab topology (.clab.yml) of linux nodes",
        "and bridges: links, exec, binds, env. The management network is left out (netlab labs have no path to the host);",
        "everything else not imported is listed, on stderr and in the file."})
public final class ImportContainerlabCommand implements Callable<Integer> {
    @ParentCommand
    ImportCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "The containerlab topology file.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the topology to this new file (default: stdout).")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Option(names = "--name", paramLabel = "NAME", description = "The lab's name (default: the topology's name).")
    String name;

    @Override
    public Integer call() {
        Imported lab = Imported.containerlab(file, Optional.ofNullable(name), "netlab import containerlab");
        return ImportOutput.emit(parent.top, lab, Optional.ofNullable(output), force);
    }
}
