package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import netlab.testing.Cli;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example lab built for real: up, all its checks pass, down, and nothing is left behind. Examples whose
 * kernel features this machine lacks are left to the UML lane ({@code UmlLabsIT}).
 */
@NeedsRoot
class ExampleLabsIT {
    @TempDir
    Path stateDir;

    @TestFactory
    Stream<DynamicTest> everyExampleWorksEndToEnd() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Labs.repo().resolve("topologies"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> runExample(f)));
    }

    private void runExample(Path topology) {
        Cli cli = Cli.withStateDir(stateDir);
        String lab = Labs.uniqueName(topology.getFileName().toString().replace(".yaml", ""));
        Cli.Result up = cli.run("up", "--name", lab, topology.toString());
        if (up.exitCode() == 3 && up.err().contains("lacks what lab")) {
            System.err.println("SKIPPED on this kernel (runs in the UML lane): " + topology.getFileName() + ": " + up.err().strip());
            assertThat(Leftovers.namespaces(lab)).isEmpty();
            return;
        }
        try {
            assertThat(up.exitCode()).as(up.toString()).isZero();
            Cli.Result check = cli.run("check", lab);
            assertThat(check.exitCode()).as(check.toString()).isZero();
            assertThat(check.out()).doesNotContain("FAIL");
        } finally {
            Cli.Result down = cli.run("down", lab);
            assertThat(down.exitCode()).as(down.toString()).isZero();
        }
        assertThat(Leftovers.namespaces(lab)).as("namespaces left by %s", lab).isEmpty();
        assertThat(Leftovers.stateFiles(stateDir)).as("state files left by %s", lab).isEmpty();
    }
}
