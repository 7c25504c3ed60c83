package netlab.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.errors.ExitCode;
import netlab.lab.LabEnv;
import netlab.lab.LabLoader;
import netlab.lab.LabUp;
import netlab.lab.LoadedLab;
import netlab.source.Budget;
import netlab.text.Seconds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "up", description = "Build the lab a topology describes (or converge a lab that is already up). Validates everything first; on failure or Ctrl-C, removes what it made.")
public final class UpCommand implements Callable<Integer> {
    @ParentCommand
    NetlabCommand top;

    @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "The topology file (YAML).")
    Path topology;

    @Option(names = "--dry-run", description = "Print the exact commands it would run, and run nothing.")
    boolean dryRun;

    @Option(names = "--name", paramLabel = "NAME", description = "Run the lab under another name (to run two copies side by side).")
    String name;

    @Option(names = "--no-wait", description = "Fail at once if another netlab is working on this lab, instead of waiting.")
    boolean noWait;

    @Option(names = "--keep-on-error", description = "If building fails, leave what was built for inspection.")
    boolean keepOnError;

    @Option(names = "--allow-large", description = "Take on a topology over netlab's limits (5000 nodes, 20000 links, a 4 MiB file...: see 'netlab help topology').")
    boolean allowLarge;

    @Mixin
    SetOption set;

    @Option(names = "--keep-extra", description = "On a lab that is up, leave what was added to it by hand (addresses, routes, rules, interfaces...); "
            + "what is missing or changed is still repaired.")
    boolean keepExtra;

    @Override
    public Integer call() throws Exception {
        LoadedLab lab = LabLoader.fromFile(top.catalog(), topology, Optional.ofNullable(name), Budget.of(allowLarge), set.settings());
        LabEnv env = top.env();
        LabUp up = new LabUp(env);
        if (dryRun) {
            top.out().print(up.dryRun(lab));
            return ExitCode.OK;
        }
        env.progress().info("building lab '" + lab.name() + "' from " + topology);
        LabUp.Built b = up.up(lab, !noWait, keepOnError, keepExtra);
        env.progress().info("lab '" + b.lab() + "' is up" + converged(b)
                + ": " + b.nodes() + " node" + (b.nodes() == 1 ? "" : "s") + ", " + b.switches() + " switch" + (b.switches() == 1 ? "" : "es")
                + ", " + b.links() + " link" + (b.links() == 1 ? "" : "s") + " (" + Seconds.of(b.took(), 2) + " s)");
        if (!b.kept().isEmpty()) {
            env.progress().info("kept (--keep-extra): " + String.join("; ", b.kept().stream().map(netlab.drift.Drift::text).toList()));
        }
        if (b.remaining().isEmpty()) return ExitCode.OK;
        b.remaining().forEach(d -> env.progress().warn("still differs: " + d.text()));
        env.progress().warn("lab '" + b.lab() + "' still differs from its topology in " + b.remaining().size() + " way"
                + (b.remaining().size() == 1 ? "" : "s") + " that up could not repair ('netlab status " + b.lab() + "' shows them)");
        return ExitCode.CHECK_FAILED;
    }

    /** What a converging up found and did, in words: "(it was already; nothing was missing)", "(it differed; restored 2 routes...)". */
    static String converged(LabUp.Built b) {
        if (!b.converged()) return "";
        if (!b.repaired().isEmpty()) return " (it differed from its topology; " + netlab.drift.RepairSummary.of(b.repaired()) + ")";
        if (b.created() > 0) return " (it was partly; " + b.created() + " missing object" + (b.created() == 1 ? " was" : "s were") + " made)";
        return b.kept().isEmpty() ? " (it was already; nothing was missing)" : " (nothing was missing)";
    }
}
