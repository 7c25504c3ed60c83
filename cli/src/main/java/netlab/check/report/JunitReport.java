package netlab.check.report;

import java.util.Locale;
import netlab.check.CheckResult;
import netlab.check.Outcome;

/**
 * Check results as JUnit XML, which CI systems show as test results: one testcase per check, a {@code <failure>} for a
 * failed check and an {@code <error>} for one that could not run; a lab that never got to its checks is one testcase
 * with an {@code <error>}.
 */
public final class JunitReport {
    private JunitReport() {}

    public static String render(CheckReport report) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int tests = report.results().size() + (report.labError().isPresent() ? 1 : 0);
        sb.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"%.3f\">%n",
                esc("netlab." + report.lab()), tests, report.failed(), report.errors(), report.took().toMillis() / 1000.0));
        report.labError().ifPresent(e -> sb.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\">%n",
                        esc("netlab." + report.lab()), esc("lab " + report.lab()), report.took().toMillis() / 1000.0))
                .append("    <error message=\"").append(esc(e.message())).append("\" type=\"exit ").append(e.exitCode()).append("\">")
                .append(esc(e.message())).append("</error>\n  </testcase>\n"));
        for (CheckResult r : report.results()) {
            sb.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                    esc("netlab." + report.lab() + "." + r.kind()), esc(r.name()), r.took().toMillis() / 1000.0));
            switch (r.outcome()) {
                case PASSED -> sb.append(">\n    <system-out>").append(esc(r.detail())).append("</system-out>\n  </testcase>\n");
                // a check that could not run is an error in JUnit's terms (the test did not get to its assertion), not a failure
                case FAILED, COULD_NOT_RUN -> {
                    String tag = r.outcome() == Outcome.FAILED ? "failure" : "error";
                    sb.append(">\n    <").append(tag).append(" message=\"").append(esc(r.detail())).append("\" type=\"").append(esc(r.kind()))
                            .append("\">").append(esc(r.detail())).append("</").append(tag).append(">\n  </testcase>\n");
                }
            }
        }
        return sb.append("</testsuite>\n").toString();
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') sb.append(' ');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
