package netlab.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import netlab.model.LabModel;
import netlab.model.ModelBuilder;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.topology.Names;
import netlab.topology.Topology;
import netlab.topology.parse.TopologyParser;
import netlab.yaml.YNode;
import netlab.yaml.YamlLoader;

/** Reads, parses and validates a topology; throws with every error found, or returns a runnable lab. */
public final class LabLoader {
    private LabLoader() {}

    public static LoadedLab fromFile(Path file, Optional<String> nameOverride) {
        Diagnostics d = new Diagnostics();
        String display = file.toString();
        byte[] bytes = new byte[0];
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            d.error(Pos.unknown(display), "no such file");
        } catch (IOException e) {
            d.error(Pos.unknown(display), "cannot read: " + e.getMessage());
        }
        d.throwIfAny();
        Optional<YNode> root = YamlLoader.parse(bytes, display, d);
        String text = new String(bytes, StandardCharsets.UTF_8);
        return finish(root, new Topology.Source(display, file.toAbsolutePath().normalize().toString(), text), nameOverride, d);
    }

    public static LoadedLab fromText(String text, String display, String absolutePath, Optional<String> nameOverride) {
        Diagnostics d = new Diagnostics();
        Optional<YNode> root = YamlLoader.parse(text, display, d);
        return finish(root, new Topology.Source(display, absolutePath, text), nameOverride, d);
    }

    private static LoadedLab finish(Optional<YNode> root, Topology.Source source, Optional<String> nameOverride, Diagnostics d) {
        d.throwIfAny();
        Topology t = TopologyParser.parse(root.get(), source, d);
        if (nameOverride.isPresent()) {
            Names.checkLab(nameOverride.get()).ifPresent(msg -> d.error(Pos.unknown("--name"), msg));
            t = t.renamed(nameOverride.get());
        }
        LabModel model = ModelBuilder.build(t, d);
        d.throwIfAny();
        return new LoadedLab(t, model);
    }
}
