package netlab.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import netlab.routing.config.FrrConfigWriter;
import netlab.routing.config.FrrNode;
import netlab.routing.config.RoutingResolver;
import netlab.routing.spec.RoutingParser;
import netlab.routing.spec.RoutingSpec;
import netlab.source.Diagnostics;
import netlab.testing.Labs;
import netlab.yaml.YMap;
import netlab.yaml.YamlLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FRR configuration of every node of every case in src-test/resources/netlab/routing/golden (a small lab and
 * its routing sections), compared with a reviewed copy beside it ({@code CASE.NODE.conf}). Regenerate with
 * -Dnetlab.golden.update=true and review the diff. Where FRR is installed, every reviewed file must also pass
 * vtysh's dry run, which knows every daemon's commands: FRR accepts each line netlab writes.
 */
class GoldenFrrConfigTest {
    static final Path GOLDEN = Labs.repo().resolve("src-test/resources/netlab/routing/golden");
    static final Path VTYSH = Path.of("/usr/bin/vtysh");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyNodeMatchesItsGoldenConfig() throws IOException {
        return cases().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            for (Map.Entry<String, String> e : configs(c).entrySet()) {
                Path golden = GOLDEN.resolve(name(c) + "." + e.getKey() + ".conf");
                if (Boolean.getBoolean("netlab.golden.update") || !Files.exists(golden)) {
                    Files.writeString(golden, e.getValue());
                    if (!Boolean.getBoolean("netlab.golden.update")) {
                        throw new AssertionError("no golden config " + golden.getFileName() + "; wrote it: review and commit it");
                    }
                }
                assertThat(e.getValue()).as("%s (regenerate with -Dnetlab.golden.update=true)", golden.getFileName())
                        .isEqualTo(Files.readString(golden));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> frrAcceptsEveryGoldenConfig() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(VTYSH), "FRR's vtysh is not installed");
        Files.writeString(tmp.resolve("vtysh.conf"), "");
        List<Path> files;
        try (Stream<Path> s = Files.list(GOLDEN)) {
            files = s.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Process p = new ProcessBuilder(VTYSH.toString(), "--config_dir", tmp.toString(), "--dryrun", "-f", f.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as("vtysh --dryrun of %s:\n%s", f.getFileName(), out).isZero();
            assertThat(out).as("vtysh --dryrun of %s", f.getFileName()).isBlank();
        }));
    }

    /** Each node's configuration, in the case's order. */
    static Map<String, String> configs(Path c) throws IOException {
        Diagnostics d = new Diagnostics();
        YMap root = (YMap) YamlLoader.parse(Files.readString(c), c.getFileName().toString(), d).orElseThrow();
        RoutingLab lab = FakeRoutingLab.of((YMap) root.get("lab").orElseThrow());
        Map<String, RoutingSpec> specs = new LinkedHashMap<>();
        for (YMap.Entry e : ((YMap) root.get("routing").orElseThrow()).entries()) {
            RoutingParser.parse(e.value(), e.key().value(), d).ifPresent(s -> specs.put(e.key().value(), s));
        }
        Map<String, FrrNode> nodes = RoutingResolver.resolve(specs, lab, d);
        d.throwIfAny();
        Map<String, String> out = new LinkedHashMap<>();
        nodes.forEach((node, n) -> out.put(node, FrrConfigWriter.write(n).text()));
        return out;
    }

    static Stream<Path> cases() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(GOLDEN)) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
        }
        return out.stream();
    }

    private static String name(Path c) {
        return c.getFileName().toString().replace(".yaml", "");
    }

}
