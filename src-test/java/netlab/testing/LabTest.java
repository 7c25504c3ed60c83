package netlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the integration tests that build labs: a private state directory, unique lab names, and after each
 * test every lab taken down and proven gone (no namespace, no container, no state file). Subclasses add their
 * own after-down proofs in {@link #afterDown}.
 */
public abstract class LabTest {
    @TempDir
    protected Path stateDir;
    @TempDir
    protected Path work;

    private Cli cli;
    private final List<String> labs = new ArrayList<>();

    /** A unique lab name, taken down after the test whatever happens. */
    protected String lab(String hint) {
        String name = Labs.uniqueName(hint);
        labs.add(name);
        return name;
    }

    protected Cli cli() {
        if (cli == null) cli = Cli.withStateDir(stateDir);
        return cli;
    }

    protected static Cli.Result ok(Cli.Result r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    /** Extra proofs that a lab left nothing of its kind behind (host rules, …). */
    protected void afterDown(String lab) {}

    @AfterEach
    void nothingLeft() {
        for (String l : labs) {
            cli().run("down", l);
            assertThat(Leftovers.namespaces(l)).as("namespaces left by " + l).isEmpty();
            assertThat(Leftovers.containers(l)).as("containers left by " + l).isEmpty();
            afterDown(l);
        }
        assertThat(Leftovers.stateFiles(stateDir)).isEmpty();
    }
}
