package netlab.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import netlab.source.Diagnostics;
import org.junit.jupiter.api.Test;

/** What the writer writes reads back to the same tree, types included, whatever the strings hold. */
class YamlWriterTest {

    private static YNode read(String text) {
        Diagnostics d = new Diagnostics();
        Optional<YNode> n = YamlLoader.parse(text, "t.yaml", d);
        assertThat(d.all()).isEmpty();
        return n.orElseThrow();
    }

    /** The tree without positions, for comparing. */
    private static Object shape(YNode n) {
        if (n instanceof YScalar s) return s.type() + ":" + s.value();
        if (n instanceof YSeq s) return s.items().stream().map(YamlWriterTest::shape).toList();
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (YMap.Entry e : ((YMap) n).entries()) out.add(java.util.List.of(shape(e.key()), shape(e.value())));
        return out;
    }

    @Test
    void everyShapeAndTrickyStringReadsBackTheSame() {
        String text = """
                name: "x: y # not a comment"
                "true": "true"
                "123": "0123"
                "key with spaces": [1, 2.5, true, null, "null", "- dash", "quote \\" and \\\\ backslash"]
                multi: "line one\\nline two\\ttab \\u200b zero-width \\u202e bidi"
                empty: {a: {}, b: [], c: ""}
                nested:
                  - [a, [b, c], {d: e}]
                  - {f: [{g: h, i: [j]}], k: 1}
                  - - - deep
                long: [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, c]
                """;
        YNode tree = read(text);
        String written = YamlWriter.write(tree);
        assertThat(shape(read(written))).isEqualTo(shape(tree));
        assertThat(written).doesNotContain("\u200b", "\u202e");
    }
}
