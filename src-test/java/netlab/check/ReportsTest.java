package netlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import netlab.check.report.CheckReport;
import netlab.check.report.JsonReport;
import netlab.check.report.JunitReport;
import netlab.json.Json;
import netlab.topology.Expect;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private final CheckReport report = new CheckReport("lab1", List.of(
            new CheckResult("ping h1 -> h2", "ping", Expect.SUCCESS, true, 1, Duration.ofMillis(12), "1/1 replies"),
            new CheckResult("blocked <port>", "ping", Expect.FAILURE, false, 3, Duration.ofMillis(900), "expected to fail, but \"it\" worked & more")),
            Duration.ofMillis(950));

    @Test
    void junitHasOneTestcasePerCheckAndEscapes() {
        String xml = JunitReport.render(report);
        assertThat(xml).contains("<testsuite name=\"netlab.lab1\" tests=\"2\" failures=\"1\"");
        assertThat(xml).contains("<testcase classname=\"netlab.lab1.ping\" name=\"blocked &lt;port&gt;\" time=\"0.900\"");
        assertThat(xml).contains("<failure message=\"expected to fail, but &quot;it&quot; worked &amp; more\"");
    }

    @Test
    void jsonCarriesEveryField() throws Exception {
        @SuppressWarnings("unchecked")
        var doc = (java.util.Map<String, Object>) Json.parse(JsonReport.render(report));
        assertThat(doc).containsEntry("lab", "lab1").containsEntry("passed", 1L).containsEntry("failed", 1L);
        assertThat((List<?>) doc.get("checks")).hasSize(2);
    }
}
