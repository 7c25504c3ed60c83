package netlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What a lab may have left on the machine: used after {@code down} to prove it left nothing. */
public final class Leftovers {
    private Leftovers() {}

    /** Namespaces of the lab (its fabric and its nodes) still present. */
    public static List<String> namespaces(String lab) {
        List<String> out = new ArrayList<>();
        Path dir = Path.of("/run/netns");
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> n.equals("netlab." + lab) || n.startsWith("netlab." + lab + "."))
                    .sorted().forEach(out::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Files under the state directory (records, locks, work files). */
    public static List<String> stateFiles(Path stateDir) {
        List<String> out = new ArrayList<>();
        if (!Files.exists(stateDir)) return out;
        try (Stream<Path> s = Files.walk(stateDir)) {
            s.filter(Files::isRegularFile).forEach(p -> out.add(stateDir.relativize(p).toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * Containers of the lab still present, by label or by name, as the docker CLI sees them (an observer independent
     * of netlab's own Docker client). Empty where no engine answers.
     */
    public static List<String> containers(String lab) {
        if (netlab.process.Tools.find("docker").isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        String byLabel = Shell.run("docker", "ps", "-a", "--filter", "label=netlab.lab=" + lab, "--format", "{{.Names}}");
        String all = Shell.run("docker", "ps", "-a", "--format", "{{.Names}}");
        if (byLabel.contains("Cannot connect") || all.contains("Cannot connect")) return out;
        for (String n : byLabel.split("\n")) if (!n.isBlank()) out.add(n.strip());
        for (String n : all.split("\n")) {
            String name = n.strip();
            if ((name.equals("netlab." + lab) || name.startsWith("netlab." + lab + ".")) && !out.contains(name)) out.add(name);
        }
        return out;
    }
}
