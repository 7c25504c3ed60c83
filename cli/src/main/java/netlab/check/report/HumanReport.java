package netlab.check.report;

import java.io.PrintStream;
import netlab.check.CheckResult;
import netlab.text.Seconds;

/** Check results for people: one line per check as it finishes, then a summary. */
public final class HumanReport {
    private final PrintStream out;
    private final boolean color;

    public HumanReport(PrintStream out, boolean color) {
        this.out = out;
        this.color = color;
    }

    public void line(CheckResult r) {
        String mark = r.passed() ? paint("PASS", "32") : paint("FAIL", "31");
        out.printf("%s  %s  (%s%s)%n", mark, r.name(), r.detail(), r.attempts() > 1 ? ", attempt " + r.attempts() : "");
        out.flush();
    }

    public void summary(CheckReport report) {
        String verdict = report.allPassed() ? paint("all passed", "32") : paint(report.failed() + " failed", "31");
        out.printf("%d check%s: %d passed, %s (%s s)%n", report.results().size(), report.results().size() == 1 ? "" : "s",
                report.passed(), verdict, Seconds.of(report.took(), 1));
        out.flush();
    }

    private String paint(String s, String code) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
