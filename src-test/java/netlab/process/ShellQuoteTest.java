package netlab.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.testing.Pasted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quoted commands, pasted into real shells (dash and bash), give the program exactly the words and input they were made of. */
class ShellQuoteTest {
    static final List<String> HOSTILE = List.of("", " ", "'", "''", "\"", "\\", "\\'", "$(touch pwned)", "`touch pwned`", "${HOME}", "a\nb",
            "EOF", "\nEOF\n", "-x", "--", "~", "~root", "*", "?", "[a]", "{a,b}", "!", "!!", "#not a comment", "a;touch pwned", "a|b", "a&b",
            "a>pwned", "<", "é ü 漢字", "\t", "\r", "line\r\n", "%s%n", "x=y", "a b  c", "\u0001\u001b[31m");

    @TempDir
    Path dir;

    @Test
    void everyWordComesBackAsItWas() {
        List<String> argv = new ArrayList<>(List.of("prog"));
        argv.addAll(HOSTILE);
        for (String shell : List.of("/bin/sh", "/bin/bash")) {
            Pasted.Result r = Pasted.run(shell, ShellQuote.join(argv), dir, List.of("prog", "touch"));
            assertThat(r.stderr()).as(shell).isEmpty();
            assertThat(r.calls()).as(shell).containsExactly(new Pasted.Call("prog", HOSTILE, ""));
        }
    }

    @Test
    void aFirstWordWithAnEqualsSignIsAProgramNotAnAssignment() {
        assertThat(ShellQuote.join(List.of("a=b", "c=d"))).isEqualTo("'a=b' c=d");
    }

    @Test
    void inputReachesTheProgramExactlyWhateverItsLinesSay() {
        List<String> inputs = List.of("line\n", "EOF\n", "a\nEOF\nEOF1\nb\n", "$(touch pwned) `touch pwned` ${x}\n", "no newline at the end",
                "", "\n", "\\\n", "'EOF'\nEOF \n EOF\n");
        for (String shell : List.of("/bin/sh", "/bin/bash")) {
            for (String in : inputs) {
                String text = ShellQuote.withInput(ShellQuote.join(List.of("prog", "-batch", "-")), in);
                Pasted.Result r = Pasted.run(shell, text + "\nprog after", dir, List.of("prog", "touch"));
                assertThat(r.stderr()).as("%s: %s", shell, text).isEmpty();
                assertThat(Pasted.sorted(r.calls())).as("%s: %s", shell, text)
                        .containsExactly(new Pasted.Call("prog", List.of("-batch", "-"), in), new Pasted.Call("prog", List.of("after"), ""));
            }
        }
    }

    @Test
    void aHereDocumentPicksADelimiterNoLineOfTheInputIs() {
        assertThat(ShellQuote.withInput("ip -batch -", "a\n")).isEqualTo("ip -batch - <<'EOF'\na\nEOF");
        assertThat(ShellQuote.withInput("ip -batch -", "EOF\nEOF1\n")).isEqualTo("ip -batch - <<'EOF2'\nEOF\nEOF1\nEOF2");
    }

    @Test
    void aCommentStaysOneLine() {
        assertThat(ShellQuote.comment("node h1\ntouch pwned")).isEqualTo("# node h1\\ntouch pwned");
    }
}
