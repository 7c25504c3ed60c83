package netlab.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.console.LabSelector;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.lab.LabEnv;
import netlab.model.LabModel;
import netlab.process.ProcResult;
import netlab.routing.extension.RoutingNodes;
import netlab.runtime.NodeExec;
import netlab.source.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "save", description = "Write each routing node's running FRR configuration (vtysh 'show running-config') to DIR/NODE.conf."
        + " Exit code 5 if a node's FRR did not answer (the others are written).")
public final class SaveCommand implements Callable<Integer> {
    private static final Duration ASK = Duration.ofSeconds(30);

    @ParentCommand
    NetlabCommand top;

    @Parameters(index = "0", paramLabel = "LAB", description = "Lab name or topology file.")
    String lab;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "Where to write (default: ./LAB-config; made if missing, never a symbolic link).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        LabEnv env = top.env();
        LabSelector.Running r = LabSelector.running(lab, Optional.empty(), env);
        LabModel model = r.lab().model();
        List<String> nodes = RoutingNodes.names(model);
        if (nodes.isEmpty()) throw NetlabException.usage("lab '" + r.lab().name() + "' has no routing node (no node has routing:)");
        netlab.doctor.Privileges.require();
        ConfigFiles files = ConfigFiles.in(dir != null ? dir : Path.of(r.lab().name() + "-config"));
        NodeExec exec = env.nodeExec(model);
        List<String> failed = new ArrayList<>();
        for (String node : nodes) {
            // vtysh runs in the node's FRR view (the routing extension's node command), reaching the node's own daemons
            ProcResult res = exec.exec(node, List.of("vtysh", "-c", "show running-config"), ASK);
            if (!res.ok() || res.stdout().isBlank()) {
                failed.add(node);
                top.err().println("netlab: " + node + ": FRR did not give its configuration: "
                        + Printable.line(res.errorText().isBlank() ? res.stdout() : res.errorText()));
                continue;
            }
            Path file = files.write(node, res.stdout());
            top.out().println(node + ": " + Printable.name(file.toString()) + " (" + res.stdout().lines().count() + " lines)");
        }
        return failed.isEmpty() ? ExitCode.OK : ExitCode.OPERATION_FAILED;
    }
}
