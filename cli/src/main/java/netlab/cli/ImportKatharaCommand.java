package netlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.importing.Imported;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "kathara", mixinStandardHelpOptions = true, description = {"Import a Kathará lab directory (lab.conf, shared.startup,",
        "DEVICE.startup, device folders). Addresses, MACs, routes, bridges, impairments, sysctls, NAT and filter rules and",
        "web servers become netlab's keys; other network commands are kept as the node's commands; checks are derived",
        "(neighbours reach each other, web pages are served). Everything else is listed, on stderr and in the file."})
public final class ImportKatharaCommand implements Callable<Integer> {
    @ParentCommand
    ImportCommand parent;

    @Parameters(index = "0", paramLabel = "LABDIR", description = "The lab directory (holding lab.conf).")
    Path dir;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the topology to this new file (default: stdout).")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Option(names = "--name", paramLabel = "NAME", description = "The lab's name (default: the directory's name).")
    String name;

    @Option(names = "--leave-out", paramLabel = "DEVICE", description = "Leave this device out (a capture GUI, a host-facing tool); repeatable.")
    List<String> leaveOut = new ArrayList<>();

    @Override
    public Integer call() {
        Imported lab = Imported.kathara(dir, Optional.ofNullable(name), new LinkedHashSet<>(leaveOut), "netlab import kathara");
        return ImportOutput.emit(parent.top, lab, Optional.ofNullable(output), force);
    }
}
