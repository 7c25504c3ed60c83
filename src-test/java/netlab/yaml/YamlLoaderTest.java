package netlab.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import netlab.source.Diagnostics;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {
    private static Diagnostics load(byte[] bytes) {
        Diagnostics d = new Diagnostics();
        YamlLoader.parse(bytes, "f.yaml", d);
        return d;
    }

    @Test
    void keepsPositionsOfNodes() {
        Diagnostics d = new Diagnostics();
        YNode root = YamlLoader.parse("a:\n  b: [1, x]\n", "f.yaml", d).orElseThrow();
        YMap m = (YMap) root;
        YSeq seq = (YSeq) ((YMap) m.get("a").orElseThrow()).get("b").orElseThrow();
        assertThat(seq.items().get(1).pos().toString()).isEqualTo("f.yaml:2:10");
        assertThat(((YScalar) seq.items().get(0)).type()).isEqualTo(YScalar.Type.INT);
        assertThat(d.hasErrors()).isFalse();
    }

    @Test
    void yamlOnePointTwoBooleansOnly() {
        Diagnostics d = new Diagnostics();
        YMap m = (YMap) YamlLoader.parse("a: yes\nb: true\n", "f.yaml", d).orElseThrow();
        assertThat(((YScalar) m.get("a").orElseThrow()).type()).isEqualTo(YScalar.Type.STR);
        assertThat(((YScalar) m.get("b").orElseThrow()).type()).isEqualTo(YScalar.Type.BOOL);
    }

    @Test
    void reportsInvalidUtf8WithItsPosition() {
        byte[] bytes = "name: x\nnodes:\n  h\u00e9: {}\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(load(bytes).all()).singleElement().hasToString("f.yaml:3:4: file is not valid UTF-8");
    }

    @Test
    void refusesDeepNesting() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(load(deep.getBytes(StandardCharsets.UTF_8)).all()).singleElement().asString().contains("nesting deeper than 64 levels");
    }

    @Test
    void refusesAliasBombs() {
        StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            sb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        assertThat(load(sb.toString().getBytes(StandardCharsets.UTF_8)).hasErrors()).isTrue();
    }

    private static java.util.List<String> errors(String yaml) {
        return load(yaml.getBytes(StandardCharsets.UTF_8)).all().stream().map(Object::toString).toList();
    }

    @Test
    void aCollectionThatContainsItselfIsAnErrorNotAStackOverflow() {
        assertThat(errors("nodes: &n\n  h1: *n\n")).containsExactly(
                "f.yaml:2:7: alias *n is inside the collection &n it refers to (it would contain itself)");
        assertThat(errors("a: &l [1, [2, *l]]\n")).containsExactly(
                "f.yaml:1:15: alias *l is inside the collection &l it refers to (it would contain itself)");
        assertThat(errors("a: &l [1]\nb: [*l, *l]\n")).isEmpty();
    }

    @Test
    void tooManyCollectionAliasesHaveAPosition() {
        String yaml = "a: &a [1]\nb: [" + "*a, ".repeat(50) + "*a]\n";
        assertThat(errors(yaml)).containsExactly(
                "f.yaml:2:205: more than 50 aliases of lists or mappings; a topology needs far fewer (this looks like an alias bomb)");
        assertThat(errors("a: &a x\nb: [" + "*a, ".repeat(100) + "*a]\n")).as("aliases of scalars cannot explode").isEmpty();
    }

    @Test
    void tagsAreRefusedExceptStr() {
        assertThat(errors("a: !!seq {b: 1}\nc: !!int three\nd: !custom x\ne: !!str 1.10\n")).containsExactly(
                "f.yaml:1:4: YAML tag !!seq is not supported in a topology",
                "f.yaml:2:4: YAML tag !!int is not supported in a topology (write the value plainly, or quote it to make it text)",
                "f.yaml:3:4: YAML tag !custom is not supported in a topology (write the value plainly, or quote it to make it text)");
    }

    @Test
    void errorsTheLibraryGivesWithoutAPositionGetOne() {
        assertThat(errors("%YAML 2.0\n---\na: 1\n")).containsExactly("f.yaml:1:1: YAML error: unsupported YAML version 2.0 (netlab reads YAML 1.2)");
        assertThat(errors("a: 1\nb: x\u0000y\n")).containsExactly(
                "f.yaml:2:5: character U+0000 (NULL) is not allowed in YAML; netlab reads UTF-8 (is the file UTF-16 or UTF-32?)");
        assertThat(errors("a: 1\nb: \u0007\n")).containsExactly("f.yaml:2:4: character U+0007 (BEL) is not allowed in YAML");
        assertThat(load(new byte[4 * 1024 * 1024 + 1]).all()).singleElement()
                .hasToString("f.yaml:1:1: the file has 4194305 bytes; a topology may have at most 4194304 (4 MiB; --allow-large raises it to 64 MiB)");
    }

    @Test
    void nonScalarKeysAreReportedWhereTheyAre() {
        assertThat(errors("nodes:\n  [h1, h2]: {}\n")).containsExactly("f.yaml:2:3: a key must be a plain name, not a list");
    }

    @Test
    void emptyFile() {
        assertThat(load(new byte[0]).all()).singleElement().asString().contains("the file is empty");
    }
}
