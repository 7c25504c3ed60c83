package netlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import netlab.check.report.CheckReport;
import netlab.check.report.HumanReport;
import netlab.check.report.JsonReport;
import netlab.check.report.JunitReport;
import netlab.json.Json;
import netlab.topology.Expect;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private static final CheckResult PASSED = new CheckResult("ping h1 -> h2", "ping", Expect.SUCCESS, Outcome.PASSED, 1, Duration.ofMillis(12), "1/1 replies");
    private static final CheckResult FAILED = new CheckResult("blocked <port>", "ping", Expect.FAILURE, Outcome.FAILED, 3, Duration.ofMillis(900),
            "expected to fail, but \"it\" worked & more");
    private static final CheckResult NOT_RUN = new CheckResult("h3 sees nothing", "capture", Expect.FAILURE, Outcome.COULD_NOT_RUN, 1,
            Duration.ofMillis(40), "could not run: tcpdump did not start on h3:eth1: tcpdump: can't parse filter expression: syntax error");

    private final CheckReport report = new CheckReport("lab1", List.of(PASSED, FAILED), Duration.ofMillis(950));
    private final CheckReport withError = new CheckReport("lab1", List.of(PASSED, FAILED, NOT_RUN), Duration.ofMillis(990));

    @Test
    void junitHasOneTestcasePerCheckAndEscapes() {
        String xml = JunitReport.render(report);
        assertThat(xml).contains("<testsuite name=\"netlab.lab1\" tests=\"2\" failures=\"1\" errors=\"0\"");
        assertThat(xml).contains("<testcase classname=\"netlab.lab1.ping\" name=\"blocked &lt;port&gt;\" time=\"0.900\"");
        assertThat(xml).contains("<failure message=\"expected to fail, but &quot;it&quot; worked &amp; more\"");
    }

    @Test
    void jsonCarriesEveryField() throws Exception {
        @SuppressWarnings("unchecked")
        var doc = (java.util.Map<String, Object>) Json.parse(JsonReport.render(report));
        assertThat(doc).containsEntry("lab", "lab1").containsEntry("passed", 1L).containsEntry("failed", 1L).containsEntry("errors", 0L)
                .containsEntry("exitCode", 1L);
        assertThat((List<?>) doc.get("checks")).hasSize(2);
    }

    @Test
    void aCheckThatCouldNotRunIsAnErrorInEveryReportAndExitCode5() {
        assertThat(withError.exitCode()).as("an error outranks a failure").isEqualTo(5);
        assertThat(withError.allPassed()).isFalse();
        assertThat(new CheckReport("lab1", List.of(PASSED, NOT_RUN), Duration.ZERO).exitCode()).isEqualTo(5);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(new CheckReport("lab1", List.of(PASSED), Duration.ZERO).exitCode()).isZero();

        String xml = JunitReport.render(withError);
        assertThat(xml).contains("tests=\"3\" failures=\"1\" errors=\"1\"")
                .contains("<testcase classname=\"netlab.lab1.capture\" name=\"h3 sees nothing\"")
                .contains("<error message=\"could not run: tcpdump did not start on h3:eth1: tcpdump: can&apos;t parse filter expression: syntax error\" type=\"capture\">");

        @SuppressWarnings("unchecked")
        var doc = (Map<String, Object>) Json.parse(JsonReport.render(withError));
        assertThat(doc).containsEntry("passed", 1L).containsEntry("failed", 1L).containsEntry("errors", 1L).containsEntry("exitCode", 5L);
        @SuppressWarnings("unchecked")
        var checks = (List<Map<String, Object>>) doc.get("checks");
        assertThat(checks).extracting(c -> c.get("outcome")).containsExactly("passed", "failed", "error");
        assertThat(checks.get(2)).containsEntry("passed", false).containsEntry("expect", "failure");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HumanReport human = new HumanReport(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        withError.results().forEach(human::line);
        human.summary(withError);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("PASS  ping h1 -> h2  (1/1 replies)\n")
                .contains("FAIL  blocked <port>  (expected to fail, but \"it\" worked & more, attempt 3)\n")
                .contains("ERROR  h3 sees nothing  (could not run: tcpdump did not start")
                .contains("3 checks: 1 passed, 1 failed, 1 could not run (1.0 s)");
    }

    @Test
    void theSummaryOfPassingAndFailingRunsIsUnchanged() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HumanReport human = new HumanReport(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        human.summary(report);
        human.summary(new CheckReport("lab1", List.of(PASSED), Duration.ofMillis(100)));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("2 checks: 1 passed, 1 failed (1.0 s)\n1 check: 1 passed, all passed (0.1 s)\n");
    }

    @Test
    void aLabThatNeverGotToItsChecksIsOneErrorWithItsReasonAndExitCode() {
        CheckReport refused = CheckReport.labError("gre", "this machine lacks what lab 'gre' needs: GRE tunnels", 3, Duration.ofMillis(80));
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.errors()).isEqualTo(1);
        String xml = JunitReport.render(refused);
        assertThat(xml).contains("<testsuite name=\"netlab.gre\" tests=\"1\" failures=\"0\" errors=\"1\"")
                .contains("<testcase classname=\"netlab.gre\" name=\"lab gre\"")
                .contains("<error message=\"this machine lacks what lab &apos;gre&apos; needs: GRE tunnels\" type=\"exit 3\">");
        @SuppressWarnings("unchecked")
        var doc = (Map<String, Object>) Json.parse(JsonReport.render(refused));
        assertThat(doc).containsEntry("lab", "gre").containsEntry("errors", 1L).containsEntry("exitCode", 3L)
                .containsEntry("error", Map.of("message", "this machine lacks what lab 'gre' needs: GRE tunnels", "exitCode", 3L));
        assertThat((List<?>) doc.get("checks")).isEmpty();
    }
}
