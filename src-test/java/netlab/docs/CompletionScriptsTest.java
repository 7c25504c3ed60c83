package netlab.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import netlab.testing.Labs;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed completion scripts really complete, in a real bash (and zsh, where installed). */
class CompletionScriptsTest {
    private static final Path BASH = Labs.repo().resolve("completions/netlab.bash");

    /** What bash offers after {@code line} (the last word is being completed). */
    private static List<String> bashComplete(String line) {
        String[] words = line.split(" ", -1);
        StringBuilder array = new StringBuilder();
        for (String w : words) array.append(" '").append(w).append("'");
        String script = "source '" + BASH + "'\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + line + "'\n"
                + "COMP_POINT=" + line.length() + "\n"
                + "_complete_netlab 2>/dev/null  # compopt complains outside a real completion\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        String out = Shell.run("bash", "--norc", "-c", script);
        return Arrays.stream(out.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void bashCompletesASubcommand() {
        assertThat(bashComplete("netlab sh")).containsExactly("shell");
        assertThat(bashComplete("netlab u")).containsExactly("up");
        assertThat(bashComplete("netlab ")).contains("up", "down", "status", "shell", "check");
    }

    @Test
    void bashCompletesAnOptionOfASubcommand() {
        assertThat(bashComplete("netlab up --dr")).containsExactly("--dry-run");
        assertThat(bashComplete("netlab check --ju")).containsExactly("--junit");
        assertThat(bashComplete("netlab down --")).contains("--all", "--no-wait").doesNotContain("--dry-run");
    }

    @Test
    void bashCompletesGlobalOptions() {
        assertThat(bashComplete("netlab --st")).containsExactly("--state-dir");
    }

    @Test
    void zshFunctionParses(@TempDir Path tmp) throws IOException {
        assumeTrue(Shell.exitCode("sh", "-c", "command -v zsh") == 0, "zsh is not installed: only its syntax is checkable, and only by zsh");
        Path f = tmp.resolve("_netlab");
        Files.copy(Labs.repo().resolve("completions/_netlab"), f);
        assertThat(Shell.run("zsh", "-n", f.toString())).isEmpty();
    }
}
