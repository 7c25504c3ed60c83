package netlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import netlab.check.CheckContext;
import netlab.check.CheckResult;
import netlab.check.CheckRunner;
import netlab.check.report.CheckReport;
import netlab.check.report.HumanReport;
import netlab.check.report.JsonReport;
import netlab.check.report.JunitReport;
import netlab.errors.NetlabException;
import netlab.lab.LabEnv;
import netlab.lab.LoadedLab;
import netlab.topology.CheckSpec;

/** Runs a lab's checks and reports them: lines as they finish (or JSON), a JUnit file if asked. */
final class CheckSession {
    private CheckSession() {}

    static CheckReport run(LoadedLab lab, List<CheckSpec> checks, LabEnv env, NetlabCommand top, boolean json, Path junit)
            throws InterruptedException {
        CheckContext ctx = new CheckContext(lab.model(), env.naming(lab.name()), env.nodeExec(lab.model()), env.processes());
        HumanReport human = new HumanReport(top.out(), top.color());
        long t0 = System.nanoTime();
        List<CheckResult> results = new CheckRunner(ctx).runAll(checks, r -> {
            if (!json) human.line(r);
        });
        CheckReport report = new CheckReport(lab.name(), results, Duration.ofNanos(System.nanoTime() - t0));
        if (json) top.out().println(JsonReport.render(report));
        else human.summary(report);
        if (junit != null) {
            try {
                if (junit.getParent() != null) Files.createDirectories(junit.getParent());
                Files.writeString(junit, JunitReport.render(report));
            } catch (IOException e) {
                throw NetlabException.environment("cannot write " + junit + ": " + e.getMessage());
            }
        }
        return report;
    }

    /** 5 when a check could not run, else 1 when one failed, else 0 (see {@link CheckReport#exitCode}). */
    static int exitCode(CheckReport report) {
        return report.exitCode();
    }

    /** The checks named with --check, in topology order; all of them when none is named. */
    static List<CheckSpec> select(LoadedLab lab, List<String> names) {
        List<CheckSpec> all = lab.topology().checks();
        if (names == null || names.isEmpty()) return all;
        for (String n : names) {
            if (all.stream().noneMatch(c -> c.name().equals(n))) {
                throw NetlabException.usage("lab '" + lab.name() + "' has no check named '" + n + "'"
                        + netlab.source.Suggest.hint(n, all.stream().map(CheckSpec::name).toList()));
            }
        }
        return all.stream().filter(c -> names.contains(c.name())).toList();
    }
}
