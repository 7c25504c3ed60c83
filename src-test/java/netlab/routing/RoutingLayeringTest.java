package netlab.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import netlab.testing.Labs;
import org.junit.jupiter.api.Test;

/**
 * The routing extension's parts stand on netlab's low layers only (addresses, JSON, text, errors, source positions,
 * the YAML tree, running processes), so it is plugged into the core by a registration instead of the core being
 * changed around it: nothing in them names the topology, the model, the planner, the lab's life cycle or the checks.
 * Only its wiring, {@code netlab.routing.extension} (the {@code Extension}, its op, runner and check kinds), speaks
 * the core's interfaces; ArchitectureTest keeps that in its layer.
 */
class RoutingLayeringTest {
    static final List<String> ALLOWED = List.of("netlab.routing", "netlab.net", "netlab.json", "netlab.text", "netlab.errors", "netlab.source",
            "netlab.yaml", "netlab.process.ProcessRunner", "netlab.process.ProcResult", "netlab.runtime.ns");
    private static final Pattern REFERENCE = Pattern.compile("\\bnetlab\\.[a-z]+(\\.[A-Za-z]+)*");

    @Test
    void dependsOnLowLayersOnly() throws IOException {
        Path root = Labs.repo().resolve("cli/src/main/java/netlab/routing");
        TreeSet<String> outside = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java") && !p.startsWith(root.resolve("extension"))).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            Matcher m = REFERENCE.matcher(Files.readString(f));
            while (m.find()) {
                String ref = m.group();
                if (ALLOWED.stream().noneMatch(a -> ref.equals(a) || ref.startsWith(a + "."))) outside.add(root.relativize(f) + ": " + ref);
            }
        }
        assertThat(outside).as("references from netlab.routing to other layers").isEmpty();
    }
}
