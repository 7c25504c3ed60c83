package netlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.check.CheckSpec;
import netlab.check.report.CheckReport;
import netlab.console.LabSelector;
import netlab.errors.ExitCode;
import netlab.errors.InterruptedByUser;
import netlab.errors.NetlabException;
import netlab.lab.LabDown;
import netlab.lab.LabEnv;
import netlab.lab.LabLoader;
import netlab.lab.LabUp;
import netlab.lab.LoadedLab;
import netlab.source.Budget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "test", description = "Up, check, down in one go: the lab is removed even when a check fails or on Ctrl-C. Exit code 1 if any check fails, 5 if any could not run.")
public final class TestCommand implements Callable<Integer> {
    @ParentCommand
    NetlabCommand top;

    @Parameters(arity = "1..*", paramLabel = "TOPOLOGY", description = "Topology files; each is tested in turn.")
    List<Path> topologies = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "Run the lab under another name (one topology only).")
    String name;

    @Option(names = "--serial", description = "Run the checks one at a time, in their order (for debugging); by default those that only observe run several at once.")
    boolean serial;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML to FILE (one topology only).")
    Path junit;

    @Option(names = "--keep", description = "Leave the lab up afterwards (for a look after a failure).")
    boolean keep;

    @Option(names = "--allow-large", description = "Take on a topology over netlab's limits (5000 nodes, 20000 links, a 4 MiB file...: see 'netlab help topology').")
    boolean allowLarge;

    @Mixin
    SetOption set;

    @Override
    public Integer call() throws Exception {
        if (topologies.size() > 1 && (name != null || junit != null)) {
            throw NetlabException.usage("--name and --junit take one topology");
        }
        // validate all first, so a typo in the last file does not show after minutes of testing
        List<LoadedLab> labs = new ArrayList<>();
        for (Path p : topologies) {
            long t0 = System.nanoTime();
            try {
                labs.add(LabLoader.fromFile(top.catalog(), p, Optional.ofNullable(name), Budget.of(allowLarge), set.settings()));
            } catch (NetlabException e) {
                CheckSession.emitLabError(nameOf(p), e, t0, top, json, junit);
                throw e;
            }
        }
        int worst = ExitCode.OK;
        for (int i = 0; i < labs.size(); i++) {
            int code = testOne(labs.get(i), topologies.get(i));
            if (code != ExitCode.OK && (worst == ExitCode.OK || worst == ExitCode.CHECK_FAILED)) worst = code;
        }
        return worst;
    }

    /** The name a lab of a file that cannot be loaded is reported under: --name, else its 'name' key, else the file's. */
    private String nameOf(Path file) {
        try {
            return LabSelector.labName(file.toString(), Optional.ofNullable(name), null).value();
        } catch (RuntimeException e) {
            String f = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            return f.replaceFirst("\\.ya?ml$", "");
        }
    }

    private int testOne(LoadedLab lab, Path file) throws InterruptedException {
        LabEnv env = top.env();
        long t0 = System.nanoTime();
        boolean built = false;
        CheckReport report = null;
        try {
            if (env.store().load(lab.labName()).isPresent()) {
                throw NetlabException.labState("lab '" + lab.name() + "' is already up; test builds its own (take it down, or use --name)");
            }
            env.progress().info("testing lab '" + lab.name() + "' from " + file);
            new LabUp(env).up(lab, true, false);
            built = true;
            report = CheckSession.run(lab, CheckSpec.of(lab.topology()), env, top, json, serial);
            CheckSession.emit(report, top, json, junit); // before the lab goes: the summary ends the checks' lines
        } catch (InterruptedException e) {
            InterruptedByUser stop = new InterruptedByUser("interrupted");
            if (report == null) CheckSession.emitLabError(lab.name(), stop, t0, top, json, junit);
            throw stop;
        } catch (NetlabException e) {
            if (report == null) CheckSession.emitLabError(lab.name(), e, t0, top, json, junit);
            throw e;
        } finally {
            if (built && !keep) {
                boolean interrupted = Thread.interrupted(); // take the lab down even after Ctrl-C
                new LabDown(env).down(lab.labName(), true);
                env.progress().info("lab '" + lab.name() + "' removed");
                if (interrupted) Thread.currentThread().interrupt();
            }
        }
        return report.exitCode();
    }
}
