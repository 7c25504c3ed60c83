package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import netlab.json.Json;
import netlab.testing.Cli;
import netlab.testing.LabTest;
import netlab.testing.Labs;
import netlab.testing.NeedsRoot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A report asked for is written whatever happens: a lab that never got to its checks (a kernel feature missing, an
 * operation refused while building, a lab that is not up) is reported in the JSON and the JUnit file as one error
 * with netlab's one-line reason and exit code, so a CI job shows why instead of nothing. (An invalid topology, which
 * needs no root: CliTest.)
 */
@NeedsRoot
class CheckReportsIT extends LabTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Cli.Result r) {
        return (Map<String, Object>) Json.parse(r.out());
    }

    /** The one error both reports carry, and that it is the line netlab printed. */
    private static void reportedAsOneError(Cli.Result r, Path junit, String lab, int code, String reason) throws IOException {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(code);
        Map<String, Object> doc = json(r);
        assertThat(doc).containsEntry("lab", lab).containsEntry("errors", 1L).containsEntry("exitCode", (long) code);
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) doc.get("error");
        assertThat(error).containsEntry("exitCode", (long) code);
        assertThat((String) error.get("message")).contains(reason).doesNotContain("\n");
        assertThat(r.err()).contains((String) error.get("message"));
        assertThat(Files.readString(junit)).contains("<testsuite name=\"netlab." + lab + "\" tests=\"1\" failures=\"0\" errors=\"1\"")
                .contains("<testcase classname=\"netlab." + lab + "\" name=\"lab " + lab + "\"").contains("type=\"exit " + code + "\"")
                .contains(reason.replace("'", "&apos;"));
    }

    @Test
    void aLabRefusedForAMissingKernelFeatureIsReportedAsOneError() throws IOException {
        String lab = lab("nogre");
        Cli.Result probe = cli().run("up", "--dry-run", "--name", lab, Labs.topology("gre.yaml").toString());
        assertThat(probe.exitCode()).isZero();
        Path junit = work.resolve("gre.xml");
        Cli.Result r = cli().run("test", "--json", "--junit", junit.toString(), "--name", lab, Labs.topology("gre.yaml").toString());
        Assumptions.assumeTrue(r.exitCode() != 0, "this kernel has GRE: gre.yaml is not refused here (the UML lane has it too)");
        reportedAsOneError(r, junit, lab, 3, "this machine lacks what lab '" + lab + "' needs");
    }

    @Test
    void aLabWhoseBuildFailedIsReportedAsOneError() throws IOException {
        String lab = lab("failedop");
        Path t = work.resolve("bad.yaml");
        Files.writeString(t, """
                name: bad
                switches: {sw1: {subnet: 10.0.0.0/24}}
                nodes:
                  h1: {exec: ["exit 7"]}
                links: [[h1:eth1, sw1]]
                checks:
                  - ping: {from: h1, to: 10.0.0.1}
                """);
        Path junit = work.resolve("bad.xml");
        Cli.Result r = cli().run("test", "--json", "--junit", junit.toString(), "--name", lab, t.toString());
        reportedAsOneError(r, junit, lab, 5, "node h1 (exec): 'exit 7' failed");
    }

    @Test
    void aCheckOfALabThatIsNotUpIsReportedAsOneError() throws IOException {
        String lab = lab("notup");
        Path junit = work.resolve("notup.xml");
        Cli.Result r = cli().run("check", lab, "--json", "--junit", junit.toString());
        reportedAsOneError(r, junit, lab, 4, "lab '" + lab + "' is not up");
    }
}
