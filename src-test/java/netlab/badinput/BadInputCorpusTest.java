package netlab.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import netlab.source.InvalidTopologyException;
import netlab.testing.Cli;
import netlab.testing.Labs;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every topology of the bad-input corpus is refused by {@code netlab validate} the way a user should see it:
 * exit code 2, one {@code file:line:col: message} line per error, a count, no stack trace, nothing on stdout.
 * (scripts/bad-input.sh runs the same corpus through the built binary, and through {@code up} as root.)
 */
class BadInputCorpusTest {
    /** An error line a person can read: the message of a 5000-character name must not repeat it whole. */
    static final int LONGEST_LINE = 400;

    @TempDir
    static Path dir;

    static List<BrokenTopology> corpus() throws Exception {
        return BrokenTopologies.corpus(Labs.repo().resolve("topologies"));
    }

    @Test
    void theCorpusIsLargeAndCoversEveryKindOfDamage() throws Exception {
        List<BrokenTopology> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(BrokenTopologies.MINIMUM);
        assertThat(corpus.stream().map(BrokenTopology::category).distinct())
                .containsExactlyInAnyOrderElementsOf(BrokenTopologies.GENERATORS.stream().map(CaseGenerator::category).toList());
        assertThat(corpus.stream().map(c -> new String(c.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).distinct())
                .as("every case is a different file").hasSize(corpus.size());
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenTopologyIsRefusedWithPositions() throws Exception {
        Cli cli = new Cli("--no-color");
        return corpus().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Path file = dir.resolve(c.fileName());
            Files.write(file, c.bytes());
            Cli.Result r = cli.run("validate", file.toString());
            assertRefused(c, file, r);
        }));
    }

    /** What a refusal must look like; shared with nothing else, but spelled out once so every case says the same. */
    static void assertRefused(BrokenTopology c, Path file, Cli.Result r) {
        String shown = c + "\n" + abbreviate(r.toString());
        assertThat(r.exitCode()).as(shown).isEqualTo(2);
        assertThat(r.out()).as(shown).isEmpty();
        assertThat(r.err()).as(shown).doesNotContain("Exception").doesNotContain("internal error").doesNotContain("\tat ");
        List<String> lines = r.err().lines().toList();
        assertThat(lines).as(shown).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines.get(lines.size() - 1)).as(shown).matches("netlab: \\d+ errors?");
        Pattern positioned = Pattern.compile(Pattern.quote(file.toString()) + ":[1-9]\\d*:[1-9]\\d*: \\S.*");
        List<String> errors = lines.subList(0, lines.size() - 1);
        if (errors.size() > InvalidTopologyException.SHOWN) {
            // the first ones, then a line that counts the others
            assertThat(errors).as(shown).hasSize(InvalidTopologyException.SHOWN + 1);
            assertThat(errors.get(InvalidTopologyException.SHOWN)).as(shown).matches("netlab: \\d+ more errors? not shown .*");
            errors = errors.subList(0, InvalidTopologyException.SHOWN);
        }
        for (String line : errors) {
            assertThat(line).as(shown).matches(positioned);
            assertThat(line.length()).as("line too long: " + abbreviate(line) + "\n" + shown).isLessThanOrEqualTo(LONGEST_LINE);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 3000 ? s : s.substring(0, 3000) + "... (" + s.length() + " characters)";
    }
}
