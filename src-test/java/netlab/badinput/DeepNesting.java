package netlab.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Collections nested far deeper than a topology ever needs (netlab's limit is 64 levels), closed and unclosed,
 * in flow and block style, up to 100 000 levels: a recursive reader must not overflow its stack on them.
 */
final class DeepNesting implements CaseGenerator {
    @Override
    public String category() {
        return "deep-nesting";
    }

    @Override
    public List<Draft> generate(List<Seed> seeds, Random random) {
        List<Draft> out = new ArrayList<>();
        for (int depth : new int[] {65, 100, 1000, 100_000}) {
            out.add(Draft.text("description: " + depth + " nested lists", Handmade.lab() + "description: " + "[".repeat(depth) + "]".repeat(depth) + "\n"));
            out.add(Draft.text("description: " + depth + " unclosed lists", Handmade.lab() + "description: " + "[".repeat(depth) + "\n"));
        }
        for (int depth : new int[] {70, 5000}) {
            out.add(Draft.text("node h1: " + depth + " nested mappings", Handmade.withH1("{a: ".repeat(depth) + "1" + "}".repeat(depth))));
            out.add(Draft.text("mixed lists and mappings, " + depth + " levels", Handmade.lab() + "extra: " + "[{a: ".repeat(depth / 2) + "1" + "}]".repeat(depth / 2) + "\n"));
        }
        out.add(Draft.text("64 levels in the description (within the limit, but not a single value)",
                Handmade.lab() + "description: " + "[".repeat(63) + "]".repeat(63) + "\n"));
        out.add(Draft.text("addresses nested 70 levels deep", Handmade.withH1("{interfaces: {eth1: {addresses: " + "[".repeat(70) + "10.0.0.9/24" + "]".repeat(70) + "}}}")));
        out.add(Draft.text("block mappings 80 levels deep", Handmade.lab() + "deep:\n" + blockMappings(80)));
        out.add(Draft.text("block lists 200 levels deep on one line", Handmade.lab() + "deep:\n" + "- ".repeat(200) + "x\n"));
        out.add(Draft.text("a check nested in 'during' 40 times (every level valid YAML, 120 levels deep)",
                Handmade.withCheck(nestedDuring(40))));
        return out;
    }

    private static String blockMappings(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= depth; i++) sb.append("  ".repeat(i)).append("k").append(i).append(":\n");
        return sb.append("  ".repeat(depth + 1)).append("end\n").toString();
    }

    private static String nestedDuring(int n) {
        String inner = "ping: {from: h1, to: h2}";
        for (int i = 0; i < n; i++) inner = "capture: {on: h2:eth1, filter: icmp, during: {" + inner + "}}";
        return inner;
    }
}
