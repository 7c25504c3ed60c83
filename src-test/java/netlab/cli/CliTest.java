package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.Cli;
import netlab.testing.Labs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: data on stdout, one-line errors on stderr, distinct exit codes. No root needed. */
class CliTest {
    @TempDir
    Path dir;

    private Cli cli() {
        return Cli.withStateDir(dir.resolve("state"));
    }

    @Test
    void validateReportsEveryErrorWithPositionsAndExitCode2() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\nnodse: {}\nswitches: {sw1: {subnet: 10.0.0.1/24}}\n");
        Cli.Result r = cli().run("validate", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(bad + ":2:1: unknown key 'nodse' in the topology (did you mean 'nodes'?)")
                .contains(bad + ":3:26: 'subnet' of switch 'sw1': 10.0.0.1/24 has host bits set; did you mean 10.0.0.0/24?")
                .contains("netlab: 3 errors").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    /** 5000 unknown keys: main printed 5000 lines; the first 100 and a count of the others are enough to start. */
    private Path errorFlood() throws Exception {
        Path flood = dir.resolve("flood.yaml");
        StringBuilder sb = new StringBuilder("name: flood\nnodes:\n  h1:\n");
        for (int i = 0; i < 5000; i++) sb.append("    key").append(i).append(": ").append(i).append('\n');
        Files.writeString(flood, sb.toString());
        return flood;
    }

    @Test
    void aFloodOfErrorsIsCappedAtAHundredAndACount() throws Exception {
        Path flood = errorFlood();
        Cli.Result r = cli().run("validate", flood.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        java.util.List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(102);
        assertThat(lines.subList(0, 100)).allMatch(l -> l.startsWith(flood + ":"));
        assertThat(lines.get(0)).startsWith(flood + ":4:5: unknown key 'key0' in node 'h1'");
        assertThat(lines.get(100)).isEqualTo("netlab: 4900 more errors not shown (the first 100 are above)");
        assertThat(lines.get(101)).isEqualTo("netlab: 5000 errors");

        Cli.Result up = cli().run("up", flood.toString());
        assertThat(up.err().lines().toList()).hasSize(102).endsWith("netlab: 4900 more errors not shown (the first 100 are above)",
                "netlab: 5000 errors, nothing was created");
    }

    @Test
    void validateOkPrintsASummaryOnStdout() {
        Cli.Result r = cli().run("validate", Labs.topology("router.yaml").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("ok (lab router: 4 nodes, 2 switches, 5 links");
    }

    @Test
    void upOfAnInvalidTopologyCreatesNothingAndExits2() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\nnodes: {h1: {}}\nlinks: [[h1:eth1, sw9]]\n");
        Cli.Result r = cli().run("up", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(":3:19: link endpoint 'sw9' is not a switch").contains("nothing was created");
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void testOfAnInvalidTopologyStillWritesItsReportsWithTheErrorAndExitCode2() throws Exception {
        Path bad = dir.resolve("typo.yaml");
        Files.writeString(bad, "name: typo\nnodes: {h1: {}}\nlinks: [[h1:eth1, sw9]]\nnodse: {}\n");
        Path junit = dir.resolve("reports/junit.xml");
        Cli.Result r = cli().run("test", "--json", "--junit", junit.toString(), bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        String first = bad + ":3:19: link endpoint 'sw9' is not a switch";
        @SuppressWarnings("unchecked")
        var doc = (java.util.Map<String, Object>) netlab.json.Json.parse(r.out());
        assertThat(doc).containsEntry("lab", "typo").containsEntry("errors", 1L).containsEntry("exitCode", 2L);
        @SuppressWarnings("unchecked")
        var error = (java.util.Map<String, Object>) doc.get("error");
        assertThat((String) error.get("message")).as("one line: the first error and how many more").startsWith(first).endsWith("(and 1 more error)");
        assertThat(r.err()).contains(first).contains("netlab: 2 errors, nothing was created");
        assertThat(Files.readString(junit)).contains("tests=\"1\" failures=\"0\" errors=\"1\"").contains("<error message=\"" + first.replace("'", "&apos;"))
                .contains("type=\"exit 2\"");
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void dryRunPrintsTheCommandsWithoutRoot() {
        Cli.Result r = cli().run("up", "--dry-run", Labs.topology("switch.yaml").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("ip -batch - <<'EOF'\nnetns add netlab.switch\n").contains("link add name sw1 type bridge");
    }

    @Test
    void missingFileIsOneLine() {
        Cli.Result r = cli().run("up", dir.resolve("nope.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(2).first().asString().endsWith("nope.yaml: no such file");
    }

    @Test
    void unknownLabIsExitCode4() {
        Cli.Result r = cli().run("check", "no-such-lab");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).isEqualTo("netlab: lab 'no-such-lab' is not up\n");
    }

    @Test
    void usageErrorsSuggestAndExit2() {
        Cli.Result r = cli().run("stauts");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument").contains("status");
    }

    @Test
    void debugAddsTheStackTrace() {
        Cli.Result plain = cli().run("check", "no-such-lab");
        Cli.Result debug = cli().run("--debug", "check", "no-such-lab");
        assertThat(plain.err()).doesNotContain("\tat ");
        assertThat(debug.err()).contains("\tat netlab.");
    }

    @Test
    void helpTopologyPrintsTheReference() {
        Cli.Result r = cli().run("help", "topology");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("NETLAB TOPOLOGY FORMAT").contains("capture:");
    }

    @Test
    void downOfALabThatIsNotUpIsFine() {
        Cli.Result r = cli().run("down", "no-such-lab");
        assertThat(r.exitCode()).as(r.toString()).isIn(0, 3); // 3 only where the tests run without root
    }
}
