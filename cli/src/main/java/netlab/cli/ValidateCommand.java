package netlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.check.CheckSpec;
import netlab.errors.ExitCode;
import netlab.explain.Explainer;
import netlab.lab.LabEnv;
import netlab.lab.LabLoader;
import netlab.lab.LabUp;
import netlab.lab.LoadedLab;
import netlab.source.Budget;
import netlab.source.InvalidTopologyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", description = "Check topology files without building anything (no root needed). Every error is printed as file:line:col: message.")
public final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    NetlabCommand top;

    @Parameters(arity = "1..*", paramLabel = "TOPOLOGY", description = "Topology files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--explain", description = "Also show what each topology does on this host besides its network, for reviewing it before "
            + "running it: every command and where it runs, servers, containers (image, command, environment names, host mounts, "
            + "capabilities), sysctls, the files netlab writes, what the checks run. Strings from the topology are quoted.")
    boolean explain;

    @Option(names = "--expanded", description = "Print each valid topology as netlab reads it: includes merged, variables, defaults and groups "
            + "resolved (what 'up' builds and keeps in the lab's record).")
    boolean expanded;

    @Option(names = "--allow-large", description = "Take on a topology over netlab's limits (5000 nodes, 20000 links, a 4 MiB file...: see 'netlab help topology').")
    boolean allowLarge;

    @Mixin
    SetOption set;

    @Override
    public Integer call() {
        int errors = 0;
        for (Path f : files) {
            try {
                LoadedLab lab = LabLoader.fromFile(top.catalog(), f, Optional.empty(), Budget.of(allowLarge), set.settings());
                var m = lab.model();
                // with --expanded the whole output is YAML that netlab reads again: the verdict is a comment
                top.out().printf("%s%s: ok (lab %s: %d nodes, %d switches, %d links, %d checks)%n", expanded ? "# " : "", f, lab.name(),
                        m.nodes().size(), m.switches().size(), m.links().size(), CheckSpec.of(lab.topology()).size());
                if (expanded) top.out().print(lab.topology().source().text());
                if (explain) {
                    LabEnv env = top.env();
                    top.out().print("\n" + Explainer.explain(lab, new LabUp(env).plan(lab), env.store(), env.catalog().nodeKinds()).text() + "\n");
                }
            } catch (InvalidTopologyException e) {
                e.printTo(top.err());
                errors += e.diagnostics().size();
            }
        }
        if (errors > 0) {
            top.err().println("netlab: " + (errors == 1 ? "1 error" : errors + " errors"));
            return ExitCode.INVALID_TOPOLOGY;
        }
        return ExitCode.OK;
    }
}
