package netlab.badinput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A valid topology (an example lab) that generators damage in one precise place. Its lab name is replaced by
 * {@code badinput-FILE}, so whatever a broken copy could ever create would be recognisable.
 */
final class Seed {
    static final String LAB_PREFIX = "badinput";

    private final String name;
    private final String text;
    private final int[] codePoints;
    private final List<Site> sites = new ArrayList<>();

    Seed(String name, String text) {
        this.name = name;
        this.text = text.replaceFirst("(?m)^name: .*$", "name: " + LAB_PREFIX + "-" + name);
        this.codePoints = this.text.codePoints().toArray();
        Node root = new Compose(LoadSettings.builder().build()).composeString(this.text)
                .orElseThrow(() -> new IllegalArgumentException("seed " + name + " is empty"));
        walk(root, List.of(), false);
    }

    /** Every topology in {@code dir} (the example labs), in file name order. */
    static List<Seed> fromDirectory(Path dir) throws IOException {
        List<Seed> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String stem = f.getFileName().toString().replaceFirst("\\.yaml$", "");
                out.add(new Seed(stem, Files.readString(f)));
            }
        }
        return out;
    }

    String name() {
        return name;
    }

    String text() {
        return text;
    }

    List<Site> sites() {
        return sites;
    }

    List<Site> sites(Predicate<Site> which) {
        return sites.stream().filter(which).toList();
    }

    /** The seed with the text of {@code site} replaced. */
    String replace(Site site, String with) {
        return splice(site.start(), site.end(), with);
    }

    /** The seed with {@code with} put in at {@code offset} (a code point offset). */
    String insert(int offset, String with) {
        return splice(offset, offset, with);
    }

    /** The seed cut off after {@code offset} code points. */
    String truncate(int offset) {
        return splice(offset, codePoints.length, "");
    }

    int length() {
        return codePoints.length;
    }

    /** The column (0-based) of a code point offset: the indentation a line inserted there needs. */
    int column(int offset) {
        int col = 0;
        for (int i = offset - 1; i >= 0 && codePoints[i] != '\n'; i--) col++;
        return col;
    }

    private String splice(int from, int to, String with) {
        return new String(codePoints, 0, from) + with + new String(codePoints, to, codePoints.length - to);
    }

    private void walk(Node node, List<String> path, boolean isKey) {
        int start = node.getStartMark().orElseThrow().getIndex();
        int end = trimEnd(start, node.getEndMark().orElseThrow().getIndex());
        if (node instanceof ScalarNode s) {
            boolean quoted = s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED || s.getScalarStyle() == ScalarStyle.SINGLE_QUOTED;
            sites.add(new Site(path, Site.Kind.SCALAR, isKey, false, quoted, start, end, s.getValue()));
        } else if (node instanceof SequenceNode seq) {
            sites.add(new Site(path, Site.Kind.SEQUENCE, isKey, seq.getFlowStyle() == FlowStyle.FLOW, false, start, end, ""));
            List<Node> items = seq.getValue();
            for (int i = 0; i < items.size(); i++) walk(items.get(i), with(path, "[" + i + "]"), false);
        } else if (node instanceof MappingNode map) {
            sites.add(new Site(path, Site.Kind.MAPPING, isKey, map.getFlowStyle() == FlowStyle.FLOW, false, start, end, ""));
            for (NodeTuple t : map.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                walk(t.getKeyNode(), with(path, key), true);
                walk(t.getValueNode(), with(path, key), false);
            }
        }
    }

    /** A block collection's end mark is where the next token starts: step back over blank space and newlines. */
    private int trimEnd(int start, int end) {
        while (end > start && Character.isWhitespace(codePoints[end - 1])) end--;
        return end;
    }

    private static List<String> with(List<String> path, String element) {
        List<String> p = new ArrayList<>(path);
        p.add(element);
        return List.copyOf(p);
    }
}
