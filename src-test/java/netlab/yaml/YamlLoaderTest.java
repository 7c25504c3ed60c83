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

    @Test
    void emptyFile() {
        assertThat(load(new byte[0]).all()).singleElement().asString().contains("the file is empty");
    }
}
