package netlab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import netlab.testing.Labs;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The committed completions/ and man/ are exactly what the command tree generates now: a new option or command
 * without regenerated docs fails here. Regenerate with -Dnetlab.docs.update=true and review the diff.
 */
class GeneratedDocsTest {
    private static final Path ROOT = Labs.repo();
    private static final boolean UPDATE = Boolean.getBoolean("netlab.docs.update");

    @TestFactory
    Stream<DynamicTest> committedCopiesMatchTheCommandTree() throws IOException {
        Map<String, String> fresh = GenerateDocs.generate();
        if (UPDATE) update(fresh);
        return fresh.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path committed = ROOT.resolve(e.getKey());
            assertThat(committed).as("%s is missing; regenerate with -Dnetlab.docs.update=true", e.getKey()).exists();
            assertThat(Files.readString(committed)).as("%s differs from what the command tree generates; regenerate with "
                    + "mvn -B -q test -Dtest=GeneratedDocsTest -Dnetlab.docs.update=true and review the diff", e.getKey())
                    .isEqualTo(e.getValue());
        }));
    }

    /** Writes the fresh files and deletes pages of commands that are gone. */
    private static void update(Map<String, String> fresh) throws IOException {
        for (String dir : List.of("completions", "man")) {
            if (!Files.isDirectory(ROOT.resolve(dir))) continue;
            try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
                for (Path p : s.toList()) if (!fresh.containsKey(dir + "/" + p.getFileName())) Files.delete(p);
            }
        }
        GenerateDocs.write(ROOT);
    }

    @Test
    void noStalePagesOfCommandsThatAreGone() throws IOException {
        Map<String, String> fresh = GenerateDocs.generate();
        if (UPDATE) update(fresh); // the order of tests is not fixed: update before looking
        TreeSet<String> committed = new TreeSet<>();
        for (String dir : List.of("completions", "man")) {
            try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
                s.forEach(p -> committed.add(dir + "/" + p.getFileName()));
            }
        }
        assertThat(committed).isEqualTo(new TreeSet<>(fresh.keySet()));
    }

    @Test
    void everyCommandHasAManPageAndTheTopologyFormatHasOne() {
        Map<String, String> fresh = GenerateDocs.generate();
        assertThat(fresh).containsKeys("man/netlab.1", "man/netlab-up.1", "man/netlab-shell.1", "man/netlab-topology.5",
                "completions/netlab.bash", "completions/_netlab");
        assertThat(fresh.get("man/netlab-up.1")).contains(".TH NETLAB-UP 1").contains("\\fB\\-\\-dry\\-run\\fR")
                .contains(".SH \"EXIT STATUS\"");
        assertThat(fresh.get("man/netlab-topology.5")).contains(".SH SWITCHES").contains("hub: true");
    }
}
