package netlab.check.report;

import java.util.Locale;
import netlab.check.CheckResult;

/** Check results as JUnit XML, which CI systems show as test results: one testcase per check. */
public final class JunitReport {
    private JunitReport() {}

    public static String render(CheckReport report) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\" time=\"%.3f\">%n",
                esc("netlab." + report.lab()), report.results().size(), report.failed(), report.took().toMillis() / 1000.0));
        for (CheckResult r : report.results()) {
            sb.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                    esc("netlab." + report.lab() + "." + r.kind()), esc(r.name()), r.took().toMillis() / 1000.0));
            if (r.passed()) {
                sb.append(">\n    <system-out>").append(esc(r.detail())).append("</system-out>\n  </testcase>\n");
            } else {
                sb.append(">\n    <failure message=\"").append(esc(r.detail())).append("\" type=\"").append(esc(r.kind()))
                        .append("\">").append(esc(r.detail())).append("</failure>\n  </testcase>\n");
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
