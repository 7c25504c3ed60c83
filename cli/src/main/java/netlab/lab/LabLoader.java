package netlab.lab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import netlab.core.Catalog;
import netlab.model.LabModel;
import netlab.model.build.ModelBuilder;
import netlab.source.Budget;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.source.TopologyFile;
import netlab.topology.Names;
import netlab.topology.Topology;
import netlab.topology.expand.Expander;
import netlab.topology.expand.Setting;
import netlab.topology.parse.TopologyParser;
import netlab.yaml.YNode;
import netlab.yaml.YamlWriter;
import netlab.yaml.YamlLoader;

/**
 * Reads, parses and validates a topology within a {@link Budget}; throws with every error found, or returns a
 * runnable lab. A topology over a lab limit stops before its model is built (see {@link LabLimits}).
 */
public final class LabLoader {
    private LabLoader() {}

    /** With the default budget. */
    public static LoadedLab fromFile(Catalog catalog, Path file, Optional<String> nameOverride) {
        return fromFile(catalog, file, nameOverride, Budget.DEFAULT);
    }

    public static LoadedLab fromFile(Catalog catalog, Path file, Optional<String> nameOverride, Budget budget) {
        return fromFile(catalog, file, nameOverride, budget, List.of());
    }

    /** With variables set on the command line ({@code --set}). */
    public static LoadedLab fromFile(Catalog catalog, Path file, Optional<String> nameOverride, Budget budget, List<Setting> settings) {
        Diagnostics d = new Diagnostics();
        String display = file.toString();
        Optional<byte[]> bytes = TopologyFile.read(file, display, budget, d);
        d.throwIfAny();
        Optional<YNode> root = YamlLoader.parse(bytes.get(), display, budget, d);
        String text = new String(bytes.get(), StandardCharsets.UTF_8);
        return finish(catalog, root, Optional.of(file), new Topology.Source(display, file.toAbsolutePath().normalize().toString(), text),
                nameOverride, budget, settings, d);
    }

    /** With the default budget. */
    public static LoadedLab fromText(Catalog catalog, String text, String display, String absolutePath, Optional<String> nameOverride) {
        return fromText(catalog, text, display, absolutePath, nameOverride, Budget.DEFAULT);
    }

    public static LoadedLab fromText(Catalog catalog, String text, String display, String absolutePath, Optional<String> nameOverride, Budget budget) {
        Diagnostics d = new Diagnostics();
        Optional<YNode> root = YamlLoader.parse(text, display, budget, d);
        return finish(catalog, root, Optional.empty(), new Topology.Source(display, absolutePath, text), nameOverride, budget, List.of(), d);
    }

    private static LoadedLab finish(Catalog catalog, Optional<YNode> root, Optional<Path> file, Topology.Source source, Optional<String> nameOverride,
                                    Budget budget, List<Setting> settings, Diagnostics d) {
        d.throwIfAny();
        Expander.Expanded x = Expander.expand(root.get(), file, source.displayName(), settings, catalog.nodeKinds().keys(), budget, d);
        // the lab's record keeps the topology as built: expanded, it needs neither its included files nor --set again
        if (x.changed()) source = new Topology.Source(source.displayName(), source.absolutePath(), expandedText(x.root(), source.displayName()));
        Topology t = TopologyParser.parse(x.root(), source, d, catalog);
        if (nameOverride.isPresent()) {
            Names.checkLab(nameOverride.get()).ifPresent(msg -> d.error(Pos.unknown("--name"), msg));
            t = t.renamed(nameOverride.get());
        }
        // over a limit: the model (and its errors) would cost what the limit is there to spare
        if (LabLimits.passed(t, budget, d, catalog)) d.throwIfAny();
        LabModel model = ModelBuilder.build(t, d, catalog);
        d.throwIfAny();
        return new LoadedLab(t, model);
    }

    /** The expanded topology as YAML (netlab validate --expanded), headed by where it came from. */
    static String expandedText(YNode root, String display) {
        return "# " + netlab.source.Printable.line(display) + " expanded by netlab (include, vars, defaults and groups resolved)\n"
                + YamlWriter.write(root);
    }
}
