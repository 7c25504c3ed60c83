package netlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import netlab.check.CheckContext;
import netlab.check.CheckResult;
import netlab.check.CheckRunner;
import netlab.check.CheckSpec;
import netlab.check.FloodLimit;
import netlab.check.NeighbourBudget;
import netlab.check.report.CheckReport;
import netlab.check.report.HumanReport;
import netlab.check.report.JsonReport;
import netlab.check.report.JunitReport;
import netlab.errors.NetlabException;
import netlab.lab.LabEnv;
import netlab.lab.LoadedLab;
import netlab.source.InvalidTopologyException;

/**
 * Runs a lab's checks and reports them: lines as they finish (or JSON), a JUnit file if asked. A report asked for
 * is written whatever happens: a lab that never got to its checks is reported as one error.
 */
final class CheckSession {
    private CheckSession() {}

    /**
     * Runs the checks, printing a line for each in their order as soon as it and those before it have finished (unless
     * the report is JSON); {@code serial}: one at a time, else as many as {@link FloodLimit} lets the lab's largest
     * segment take. Says first, in one line, when their traffic needs more
     * neighbour entries at once than the host's table holds.
     */
    static CheckReport run(LoadedLab lab, List<CheckSpec> checks, LabEnv env, NetlabCommand top, boolean json, boolean serial) throws InterruptedException {
        CheckContext ctx = new CheckContext(lab.model(), env.naming(lab.name()), env.nodeExec(lab.model()), env.processes());
        HumanReport human = new HumanReport(top.out(), top.color());
        long t0 = System.nanoTime();
        NeighbourBudget.warning(ctx, checks).ifPresent(env.progress()::warn);
        CheckRunner runner = new CheckRunner(ctx, serial ? 1 : FloodLimit.jobs(lab.model(), CheckRunner.defaultJobs()));
        List<CheckResult> results = runner.runAll(checks, r -> {
            if (!json) human.line(r);
        });
        return new CheckReport(lab.name(), results, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** The summary (or the JSON document) on stdout, and the JUnit file if asked for. */
    static void emit(CheckReport report, NetlabCommand top, boolean json, Path junit) {
        if (json) top.out().println(JsonReport.render(report));
        else if (report.labError().isEmpty()) new HumanReport(top.out(), top.color()).summary(report);
        if (junit != null) {
            try {
                if (junit.getParent() != null) Files.createDirectories(junit.getParent());
                Files.writeString(junit, JunitReport.render(report));
            } catch (IOException e) {
                throw NetlabException.environment("cannot write " + junit + ": " + e.getMessage());
            }
        }
    }

    /**
     * When a report was asked for, writes one for a lab that never got to its checks: the error netlab is about to
     * print, as one line, with its exit code. (Without a report asked for, the error line says it all.)
     */
    static void emitLabError(String lab, NetlabException e, long startedNanos, NetlabCommand top, boolean json, Path junit) {
        if (!json && junit == null) return;
        emit(CheckReport.labError(lab, oneLine(e), e.exitCode(), Duration.ofNanos(System.nanoTime() - startedNanos)), top, json, junit);
    }

    /** An error as one line: a topology's first error (and how many more), else the message's first line. */
    static String oneLine(NetlabException e) {
        if (e instanceof InvalidTopologyException bad && !bad.diagnostics().isEmpty()) {
            int more = bad.diagnostics().size() - 1;
            return bad.diagnostics().get(0) + (more == 0 ? "" : " (and " + more + " more error" + (more == 1 ? "" : "s") + ")");
        }
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** The checks named with --check, in topology order; all of them when none is named. */
    static List<CheckSpec> select(LoadedLab lab, List<String> names) {
        List<CheckSpec> all = CheckSpec.of(lab.topology());
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
