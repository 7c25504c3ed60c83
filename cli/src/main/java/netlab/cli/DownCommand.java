package netlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.console.LabSelector;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.lab.LabDown;
import netlab.lab.LabEnv;
import netlab.state.LabName;
import netlab.text.Seconds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "down", description = "Remove a lab: exactly what it made, from its own record (the topology file is not needed). Safe to repeat.")
public final class DownCommand implements Callable<Integer> {
    @ParentCommand
    NetlabCommand top;

    @Parameters(arity = "0..*", paramLabel = "LAB", description = "Lab names or topology files (default: the only lab that is up).")
    List<String> labs = new ArrayList<>();

    @Option(names = "--all", description = "Remove every netlab lab of this state directory, including ones only marks tell about.")
    boolean all;

    @Option(names = "--no-wait", description = "Fail at once if another netlab is working on the lab.")
    boolean noWait;

    @Override
    public Integer call() throws Exception {
        LabEnv env = top.env();
        LabDown down = new LabDown(env);
        List<LabName> names = new ArrayList<>();
        if (all) {
            if (!labs.isEmpty()) throw NetlabException.usage("give lab names or --all, not both");
            names.addAll(down.allLabs());
            if (names.isEmpty()) env.progress().info("no netlab lab is up");
        } else if (labs.isEmpty()) {
            names.add(LabSelector.onlyRunningLab(env));
        } else {
            for (String l : labs) names.add(LabSelector.labName(l, Optional.empty(), env));
        }
        netlab.doctor.Privileges.require();
        for (LabName name : names) {
            Optional<LabDown.Removed> r = down.down(name, !noWait);
            if (r.isEmpty()) {
                env.progress().info("lab '" + name + "' is not up; nothing to remove");
            } else {
                LabDown.Removed x = r.get();
                env.progress().info("lab '" + x.lab() + "' removed: " + x.namespaces() + " namespace" + (x.namespaces() == 1 ? "" : "s")
                        + (x.containers() > 0 ? ", " + x.containers() + " container" + (x.containers() == 1 ? "" : "s") : "")
                        + (x.processes() > 0 ? ", " + x.processes() + " process" + (x.processes() == 1 ? "" : "es") + " stopped" : "")
                        + " (" + Seconds.of(x.took(), 2) + " s)");
            }
        }
        return ExitCode.OK;
    }
}
