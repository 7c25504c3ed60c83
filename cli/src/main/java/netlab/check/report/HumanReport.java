package netlab.check.report;

import java.io.PrintStream;
import netlab.check.CheckResult;
import netlab.check.Outcome;
import netlab.text.Seconds;

/** Check results for people: one line per check as it finishes (PASS, FAIL or ERROR), then a summary. */
public final class HumanReport {
    private final PrintStream out;
    private final boolean color;

    public HumanReport(PrintStream out, boolean color) {
        this.out = out;
        this.color = color;
    }

    public void line(CheckResult r) {
        String mark = paint(r.outcome().mark(), switch (r.outcome()) {
            case PASSED -> "32";
            case FAILED -> "31";
            case COULD_NOT_RUN -> "33";
        });
        out.printf("%s  %s  (%s%s)%n", mark, r.name(), r.detail(), r.attempts() > 1 ? ", attempt " + r.attempts() : "");
        out.flush();
    }

    public void summary(CheckReport report) {
        long errors = report.results().stream().filter(r -> r.outcome() == Outcome.COULD_NOT_RUN).count();
        String verdict;
        if (report.allPassed()) {
            verdict = paint("all passed", "32");
        } else if (errors == 0) {
            verdict = paint(report.failed() + " failed", "31");
        } else {
            verdict = paint((report.failed() > 0 ? report.failed() + " failed, " : "") + errors + " could not run", "33");
        }
        out.printf("%d check%s: %d passed, %s (%s s)%n", report.results().size(), report.results().size() == 1 ? "" : "s",
                report.passed(), verdict, Seconds.of(report.took(), 1));
        out.flush();
    }

    private String paint(String s, String code) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
