package netlab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import netlab.app.BuiltIn;
import netlab.lab.LabLoader;
import netlab.lab.LoadedLab;
import netlab.testing.Cli;
import netlab.testing.Labs;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The picture of every example topology, as DOT, compared with a reviewed copy in src-test/resources/golden/graph
 * (regenerate with -Dnetlab.golden.update=true, render the changed ones and look at them); and, where Graphviz
 * is installed, every example really renders to SVG.
 */
class GoldenGraphTest {
    static final Path GOLDEN = Labs.repo().resolve("src-test/resources/golden/graph");

    static List<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(Labs.repo().resolve("topologies"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsGoldenPicture() throws IOException {
        List<Path> files = examples();
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> compare(f)));
    }

    private static void compare(Path topology) throws IOException {
        LoadedLab lab = LabLoader.fromFile(BuiltIn.catalog(), topology, Optional.empty());
        String dot = DotRenderer.render(GraphBuilder.build(lab.model()));
        Path golden = GOLDEN.resolve(topology.getFileName().toString().replace(".yaml", ".dot"));
        if (Boolean.getBoolean("netlab.golden.update") || !Files.exists(golden)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, dot);
            if (!Boolean.getBoolean("netlab.golden.update")) {
                throw new AssertionError("no golden picture for " + topology.getFileName() + "; wrote " + golden + ": render it, look at it, commit it");
            }
        }
        assertThat(dot).as("DOT of %s (regenerate with -Dnetlab.golden.update=true)", topology.getFileName()).isEqualTo(Files.readString(golden));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRendersToSvgWithGraphviz(@TempDir Path tmp) throws IOException {
        return examples().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            assumeTrue(Graphviz.installed(), "Graphviz (dot) is not installed: SVG cannot be made here");
            Path svg = tmp.resolve(f.getFileName() + ".svg");
            Cli.Result r = new Cli().run("graph", f.toString(), "-o", svg.toString());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            String text = Files.readString(svg);
            assertThat(text).contains("<svg");
            LoadedLab lab = LabLoader.fromFile(BuiltIn.catalog(), f, Optional.empty());
            for (String node : lab.model().nodes().keySet()) assertThat(text).as("node %s drawn", node).contains(">" + node + "<");
            for (String sw : lab.model().switches().keySet()) assertThat(text).as("switch %s drawn", sw).contains(">" + sw + "<");
        }));
    }

    @Test
    void mermaidHasEveryNodeAndLink() throws IOException {
        Cli.Result r = new Cli().run("graph", Labs.topology("router.yaml").toString(), "--format", "mermaid");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("%% lab router").contains("flowchart LR")
                .contains("n_r1[[\"<b>r1</b> router<br/>eth1 10.1.1.254/24<br/>eth2 10.1.2.254/24\"]]")
                .contains("n_lan1{{\"<b>lan1</b><br/>switch 10.1.1.0/24\"}}")
                .contains("n_lan1 ---|\"eth1\"| n_r1")
                .contains("n_h1 ---|\"eth1\"| n_lan1");
    }

    @Test
    void formatComesFromTheOutputFileName(@TempDir Path tmp) throws IOException {
        assumeTrue(Graphviz.installed(), "Graphviz (dot) is not installed");
        Path png = tmp.resolve("router.png");
        Cli.Result r = new Cli().run("graph", Labs.topology("router.yaml").toString(), "-o", png.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G');
    }
}
