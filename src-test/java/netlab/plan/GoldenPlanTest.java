package netlab.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import netlab.app.BuiltIn;
import netlab.lab.LabEnv;
import netlab.lab.LabLoader;
import netlab.lab.LabUp;
import netlab.lab.LoadedLab;
import netlab.process.Progress;
import netlab.state.StateStore;
import netlab.testing.Labs;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The plan of every example topology, compared with a reviewed copy in src-test/resources/golden. A change to
 * planning shows up here as a diff to read. Regenerate with -Dnetlab.golden.update=true and review the diff.
 */
class GoldenPlanTest {
    static final Path GOLDEN = Labs.repo().resolve("src-test/resources/golden");

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsGoldenPlan() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Labs.repo().resolve("topologies"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> compare(f)));
    }

    private static void compare(Path topology) throws IOException {
        LoadedLab lab = LabLoader.fromFile(BuiltIn.catalog(), topology, Optional.empty());
        // a fixed state directory, so the marks in the plan are the same on every machine
        LabEnv env = LabEnv.standard(BuiltIn.catalog(), new StateStore(Path.of(StateStore.DEFAULT_DIR)), Progress.SILENT);
        String plan = new LabUp(env).dryRun(lab);
        Path golden = GOLDEN.resolve(topology.getFileName().toString().replace(".yaml", ".plan"));
        if (Boolean.getBoolean("netlab.golden.update") || !Files.exists(golden)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, plan);
            if (!Boolean.getBoolean("netlab.golden.update")) {
                throw new AssertionError("no golden plan for " + topology.getFileName() + "; wrote " + golden + ": review and commit it");
            }
        }
        assertThat(plan).as("plan of %s (regenerate with -Dnetlab.golden.update=true)", topology.getFileName())
                .isEqualTo(Files.readString(golden));
    }
}
