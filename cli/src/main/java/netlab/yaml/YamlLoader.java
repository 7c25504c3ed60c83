package netlab.yaml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.source.Budget;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.source.TopologyFile;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.SpecVersion;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a YAML file into a {@link YNode} tree with positions. Problems (not UTF-8, syntax errors, duplicate keys,
 * nesting too deep, too many aliases) become diagnostics, never exceptions.
 */
public final class YamlLoader {
    /** Far deeper than any topology needs; guards the recursive composer against hostile input. */
    static final int MAX_DEPTH = 64;
    /** Aliases of lists or mappings: a topology needs a handful; thousands expand exponentially. */
    static final int MAX_COLLECTION_ALIASES = 50;
    /** Characters the YAML reader takes at a time (see {@link #parse(String, String, Budget, Diagnostics)}). */
    static final int READ_BUFFER = 1 << 20;

    private YamlLoader() {}

    /** Reads a file within the budget (see {@link TopologyFile}), then parses it. */
    public static Optional<YNode> load(Path file, String displayName, Budget budget, Diagnostics diags) {
        return TopologyFile.read(file, displayName, budget, diags).flatMap(bytes -> parse(bytes, displayName, budget, diags));
    }

    public static Optional<YNode> parse(byte[] bytes, String displayName, Diagnostics diags) {
        return parse(bytes, displayName, Budget.DEFAULT, diags);
    }

    public static Optional<YNode> parse(byte[] bytes, String displayName, Budget budget, Diagnostics diags) {
        if (bytes.length > budget.maxBytes()) {
            diags.error(new Pos(displayName, 1, 1), TopologyFile.tooLarge(Integer.toString(bytes.length), budget));
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            diags.error(positionOfFirstBadByte(bytes, displayName), "file is not valid UTF-8");
            return Optional.empty();
        }
        return parse(text, displayName, budget, diags);
    }

    public static Optional<YNode> parse(String text, String displayName, Diagnostics diags) {
        return parse(text, displayName, Budget.DEFAULT, diags);
    }

    public static Optional<YNode> parse(String text, String displayName, Budget budget, Diagnostics diags) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(displayName)
                .setSchema(new CoreSchema())
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setAllowRecursiveKeys(false)
                // non-scalar keys are reported by the converter, with their position
                .setAllowNonScalarKeys(true)
                .setCodePointLimit((int) budget.maxBytes())
                // The reader copies its window at every refill, and a token (a long value, a comment) keeps the whole
                // window: with its default 1 KiB buffer a 1 MiB value cost 7 s and 440 MB, growing with the square of
                // its length. The text is in memory already; a buffer that holds it (up to 1 MiB) refills it once.
                .setBufferSize(Math.min(text.length() + 1, READ_BUFFER))
                .setVersionFunction(YamlLoader::supportedVersion)
                .build();
        EventScreen screen = new EventScreen(displayName, diags, MAX_DEPTH, MAX_COLLECTION_ALIASES, budget);
        try {
            if (!screen.screen(text, settings)) return Optional.empty();
            Optional<Node> root = new Compose(settings).composeString(text);
            if (root.isEmpty()) {
                diags.error(new Pos(displayName, 1, 1), "the file is empty; a topology needs at least 'name' and 'nodes'");
                return Optional.empty();
            }
            return Optional.of(new Converter(displayName, diags).convert(root.get()));
        } catch (MarkedYamlEngineException e) {
            diags.error(pos(e.getProblemMark().or(e::getContextMark), displayName), yamlMessage(e));
            return Optional.empty();
        } catch (ReaderException e) {
            diags.error(positionOfCodePoint(text, e.getPosition(), displayName), characterMessage(e.getCodePoint()));
            return Optional.empty();
        } catch (YamlEngineException e) {
            // the library gave no position (an unsupported %YAML version...): say where its parser had got to
            diags.error(screen.lastPosition(), "YAML error: " + firstLine(e.getMessage()));
            return Optional.empty();
        }
    }

    private static SpecVersion supportedVersion(SpecVersion v) {
        if (v.getMajor() != 1) {
            throw new YamlEngineException("unsupported YAML version " + v.getRepresentation() + " (netlab reads YAML 1.2)");
        }
        return v;
    }

    private static String characterMessage(int codePoint) {
        String name = Character.getName(codePoint);
        return String.format("character U+%04X%s is not allowed in YAML", codePoint, name == null ? "" : " (" + name + ")")
                + (codePoint == 0 ? "; netlab reads UTF-8 (is the file UTF-16 or UTF-32?)" : "");
    }

    /** file:line:col of the code point at {@code index} (0-based, as the YAML reader counts). */
    private static Pos positionOfCodePoint(String text, int index, String file) {
        int line = 1, col = 1;
        for (int cp : text.codePoints().limit(Math.max(0, index)).toArray()) {
            if (cp == '\n') { line++; col = 1; } else col++;
        }
        return new Pos(file, line, col);
    }

    private static String yamlMessage(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
        String context = e.getContext();
        return "YAML syntax error: " + problem + (context != null && !context.isBlank() ? " (" + context + ")" : "");
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static Pos pos(Optional<Mark> mark, String file) {
        return mark.map(m -> new Pos(file, m.getLine() + 1, m.getColumn() + 1)).orElse(Pos.unknown(file));
    }

    private static Pos positionOfFirstBadByte(byte[] bytes, String file) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1, col = 1, i = 0;
        while (i < bytes.length) {
            int len = sequenceLength(bytes[i]);
            boolean ok = len > 0 && i + len <= bytes.length;
            if (ok) {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, i, len));
                } catch (CharacterCodingException e) {
                    ok = false;
                }
            }
            if (!ok) return new Pos(file, line, col);
            if (bytes[i] == '\n') { line++; col = 1; } else col++;
            i += len;
        }
        return new Pos(file, line, col);
    }

    private static int sequenceLength(byte b) {
        int u = b & 0xff;
        if (u < 0x80) return 1;
        if (u >= 0xc2 && u < 0xe0) return 2;
        if (u >= 0xe0 && u < 0xf0) return 3;
        if (u >= 0xf0 && u < 0xf5) return 4;
        return -1;
    }

    /** Turns snakeyaml nodes into position-carrying YNodes, reporting duplicate and non-scalar keys. */
    private static final class Converter {
        private final String file;
        private final Diagnostics diags;
        /** Aliases point at the same node; convert each once. */
        private final Map<Node, YNode> done = new IdentityHashMap<>();
        /** Nodes being converted: meeting one again means it contains itself (EventScreen refuses that first). */
        private final Set<Node> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Converter(String file, Diagnostics diags) {
            this.file = file;
            this.diags = diags;
        }

        YNode convert(Node node) {
            YNode cached = done.get(node);
            if (cached != null) return cached;
            Pos pos = pos(node.getStartMark(), file);
            if (!open.add(node)) {
                diags.error(pos, "this collection contains itself through an alias");
                return new YScalar("", YScalar.Type.NULL, pos);
            }
            YNode result;
            if (node instanceof ScalarNode s) {
                result = new YScalar(s.getValue(), typeOf(s), pos);
            } else if (node instanceof SequenceNode seq) {
                List<YNode> items = new ArrayList<>();
                for (Node n : seq.getValue()) items.add(convert(n));
                result = new YSeq(items, pos);
            } else {
                MappingNode map = (MappingNode) node;
                List<YMap.Entry> entries = new ArrayList<>();
                Map<String, Pos> seen = new HashMap<>();
                for (NodeTuple t : map.getValue()) {
                    YNode key = convert(t.getKeyNode());
                    if (!(key instanceof YScalar k)) {
                        diags.error(key.pos(), "a key must be a plain name, not " + key.describe());
                        continue;
                    }
                    Pos first = seen.putIfAbsent(k.value(), k.pos());
                    if (first != null) {
                        diags.error(k.pos(), "duplicate key '" + k.value() + "' (first at line " + first.line() + ")");
                        continue;
                    }
                    entries.add(new YMap.Entry(k, convert(t.getValueNode())));
                }
                result = new YMap(entries, pos);
            }
            open.remove(node);
            done.put(node, result);
            return result;
        }

        private static YScalar.Type typeOf(ScalarNode s) {
            Tag tag = s.getTag();
            if (Tag.INT.equals(tag)) return YScalar.Type.INT;
            if (Tag.FLOAT.equals(tag)) return YScalar.Type.FLOAT;
            if (Tag.BOOL.equals(tag)) return YScalar.Type.BOOL;
            if (Tag.NULL.equals(tag)) return YScalar.Type.NULL;
            return YScalar.Type.STR;
        }
    }
}
