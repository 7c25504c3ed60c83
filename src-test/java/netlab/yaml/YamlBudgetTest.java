package netlab.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import netlab.source.Budget;
import netlab.source.Diagnostics;
import org.junit.jupiter.api.Test;

/**
 * The YAML reader counts the nodes a file makes, an alias as the whole subtree of its anchor, and stops past the
 * budget with one positioned error: a small file can no longer make netlab walk millions of nodes.
 */
class YamlBudgetTest {
    private static List<String> errors(String yaml, Budget budget) {
        Diagnostics d = new Diagnostics();
        YamlLoader.parse(yaml, "f.yaml", budget, d);
        return d.all().stream().map(Object::toString).toList();
    }

    /** 49 nodes whose rules are one anchored list of {@code items} words: 11 KB that main read as 245 000 errors (580 MB). */
    static String rulesFanOut(int items) {
        StringBuilder sb = new StringBuilder("name: rb\nx: &r [").append(String.join(",", Collections.nCopies(items, "x"))).append("]\nnodes:\n");
        for (int i = 0; i < 49; i++) sb.append("  n").append(i).append(": {rules: *r}\n");
        return sb.toString();
    }

    @Test
    void anAliasCountsAsTheCopyItMakes() {
        // root 1, name 2, x with its list 1 + 6001, nodes 2: 6007; then each node 3 + an alias of 6001 nodes
        // 6007 + 40 * 6004 = 246 167; the 41st node's alias passes 250 000; 49 nodes make 6007 + 49 * 6004 = 300 203
        assertThat(errors(rulesFanOut(6000), Budget.DEFAULT)).containsExactly("f.yaml:44:16: this file makes 300203 YAML nodes"
                + " (an alias counts as the copy of its anchor it makes) and passes the limit of 250000 here (--allow-large raises it to 2000000)");
        assertThat(errors(rulesFanOut(6000), Budget.LARGE)).as("the large budget takes it").isEmpty();
    }

    @Test
    void aChainOfDoublingAliasesIsStoppedBeforeAnythingIsBuilt() {
        // 24 levels of two aliases of the level before: 48 aliases, under the limit of 50, and 100 663 297 nodes expanded
        StringBuilder sb = new StringBuilder("x0: &l0 [lol, lol]\n");
        for (int i = 1; i < 24; i++) sb.append("x").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        sb.append("nodes:\n  h1: {exec: *l23}\n");
        assertThat(errors(sb.toString(), Budget.DEFAULT)).singleElement().asString()
                .startsWith("f.yaml:16:18: this file makes 100663297 YAML nodes").endsWith("(--allow-large raises it to 2000000)");
        assertThat(errors(sb.toString(), Budget.LARGE)).singleElement().asString()
                .startsWith("f.yaml:19:18: this file makes 100663297 YAML nodes").endsWith("(netlab reads no more, even with --allow-large)");
    }

    @Test
    void theLimitIsExact() {
        // a mapping (1), a key (1), a list (1) and its items
        String atTheLimit = "a: [" + "x,".repeat(249_996) + "x]\n";
        assertThat(errors(atTheLimit, Budget.DEFAULT)).isEmpty();
        assertThat(errors("a: [" + "x,".repeat(249_997) + "x]\n", Budget.DEFAULT)).singleElement().asString()
                .startsWith("f.yaml:1:499999: this file makes 250001 YAML nodes");
    }

    @Test
    void aFileThatBreaksOffAfterTheLimitSaysAtLeast() {
        assertThat(errors("a: [" + "x,".repeat(250_000) + "x]\nb: [\n", Budget.DEFAULT)).singleElement().asString()
                .contains("this file makes at least 2500");
    }

    @Test
    void anAnchorDefinedAgainCountsWithItsLatestSize() {
        // &a is first a list of 3 (4 nodes), then a scalar: the aliases after count 1 each (and are not aliases of a list)
        String yaml = "a: &a [1, 2, 3]\nb: &a 1\nc: [" + "*a, ".repeat(249_989) + "*a]\n";
        assertThat(errors(yaml, Budget.DEFAULT)).isEmpty();
        assertThat(errors(yaml + "d: 1\n", Budget.DEFAULT)).singleElement().asString().contains("makes 250002 YAML nodes");
    }
}
