package netlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.check.report.CheckReport;
import netlab.console.LabSelector;
import netlab.errors.InterruptedByUser;
import netlab.errors.NetlabException;
import netlab.lab.LabEnv;
import netlab.state.LabLock;
import netlab.state.LabName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "check", description = "Run a lab's checks against the running lab. Exit code 1 if any check fails, 5 if any could not run.")
public final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    NetlabCommand top;

    @Parameters(arity = "0..1", paramLabel = "LAB", description = "Lab name or topology file (default: the only lab that is up).")
    String lab;

    @Option(names = {"-c", "--check"}, paramLabel = "NAME", description = "Run only this check (repeatable).")
    List<String> only = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "The lab's name when it was brought up with --name.")
    String name;

    @Option(names = "--serial", description = "Run the checks one at a time, in their order (for debugging); by default those that only observe run several at once.")
    boolean serial;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML to FILE.")
    Path junit;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        String reported = name != null ? name : lab; // the lab the report names, even when its name is refused
        CheckReport report;
        try {
            LabEnv env = top.env();
            LabName labName = LabSelector.labName(lab, Optional.ofNullable(name), env);
            reported = labName.value();
            netlab.doctor.Privileges.require();
            // Checks run under the lab's lock: a 'down' (or 'up') started meanwhile waits for them instead of pulling
            // the lab away half-way, and a check started during a 'down' waits, then finds the lab gone.
            try (LabLock lock = LabLock.acquire(env.store(), labName, true, env.progress())) {
                if (env.store().load(labName).isEmpty()) {
                    lock.deleteFile(); // no lab, no lock file: a check of a lab that is not up leaves nothing behind
                    throw LabSelector.notUp(labName, env);
                }
                LabSelector.Running r = LabSelector.running(lab, Optional.ofNullable(name), env);
                report = CheckSession.run(r.lab(), CheckSession.select(r.lab(), only), env, top, json, serial);
            }
        } catch (NetlabException e) {
            CheckSession.emitLabError(reported == null ? "" : reported, e, t0, top, json, junit);
            throw e;
        } catch (InterruptedException e) {
            CheckSession.emitLabError(reported == null ? "" : reported, new InterruptedByUser("interrupted"), t0, top, json, junit);
            throw e;
        }
        CheckSession.emit(report, top, json, junit);
        return report.exitCode();
    }
}
