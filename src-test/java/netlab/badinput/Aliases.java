package netlab.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * YAML anchors and aliases used against the reader: exponential expansion ("billion laughs", also under the alias
 * limit: few aliases of big collections), an alias to an
 * anchor that does not exist, a collection that contains itself, aliases as keys, merge keys (not YAML 1.2),
 * and aliases that bring a value of the wrong type.
 */
final class Aliases implements CaseGenerator {
    @Override
    public String category() {
        return "alias";
    }

    @Override
    public List<Draft> generate(List<Seed> seeds, Random random) {
        List<Draft> out = new ArrayList<>();
        out.add(Draft.text("billion laughs in the description", Handmade.lab() + laughs("description", 9)));
        out.add(Draft.text("billion laughs in the exec list of a node", Handmade.NAME + "x-laughs: &l0 [lol, lol]\n"
                + "nodes:\n  h1: {exec: " + "[*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]}\n"));
        out.add(Draft.text("an alias to an anchor that does not exist", Handmade.withH1("{gateway: *nowhere}")));
        out.add(Draft.text("a mapping that contains itself", Handmade.NAME + "nodes: &n\n  h1: *n\n"));
        out.add(Draft.text("a list that contains itself", Handmade.NAME + Handmade.NODES + "links: &l\n  - *l\n"));
        out.add(Draft.text("a node that contains itself through its interfaces", Handmade.NAME + "nodes:\n  h1: &h\n    interfaces:\n      eth1: *h\n"));
        out.add(Draft.text("a check whose 'during' is the check itself", Handmade.NAME + Handmade.SWITCHES + Handmade.NODES + Handmade.LINKS
                + "checks:\n  - &c\n    capture: {on: h2:eth1, filter: icmp, during: *c}\n"));
        out.add(Draft.text("a mapping alias used as a key", Handmade.NAME + "x: &k {a: 1}\nnodes:\n  *k : {}\n"));
        out.add(Draft.text("a list alias used as a key", Handmade.NAME + "x: &k [a]\nnodes:\n  ? *k\n  : {}\n"));
        out.add(Draft.text("a merge key (YAML 1.1, not 1.2)", Handmade.NAME + "base: &b {forwarding: true}\nnodes:\n  h1:\n    <<: *b\n"));
        out.add(Draft.text("an alias bringing a list where the lab name belongs", "x: &l [a, b]\nname: *l\n" + Handmade.NODES));
        out.add(Draft.text("an alias bringing a mapping where an address belongs", Handmade.NAME + "x: &m {a: 1}\n"
                + "nodes:\n  h1: {interfaces: {eth1: {addresses: [*m]}}}\n"));
        out.add(Draft.text("an anchor with nothing after it, used as a switch", Handmade.NAME + "x: &e\n" + "switches:\n  sw1: *e\n  sw2: 5\n" + Handmade.NODES));
        out.add(Draft.text("60 aliases to one collection (over the limit of 50)", Handmade.NAME + "x: &a [1]\nnodes:\n"
                + manyAliasedNodes(60)));
        out.add(Draft.text("an anchor defined twice, aliased to a scalar where a node belongs", Handmade.NAME + "a: &a {}\nb: &a 5\nnodes:\n  h1: *a\n"));
        out.add(Draft.text("24 levels of two aliases of the level before (48 aliases, 100 million nodes)", Handmade.NAME + doubling(24)
                + "nodes:\n  h1: {exec: *l23}\n"));
        out.add(Draft.text("49 nodes whose rules alias one list of 6000 words (main: 245 000 errors)", Handmade.NAME + "x: &r ["
                + String.join(",", java.util.Collections.nCopies(6000, "x")) + "]\nnodes:\n" + fanOut(49, "{rules: *r}")));
        return out;
    }

    /** Levels of lists, each holding ten aliases of the one before: 10^levels strings when expanded. */
    static String laughs(String key, int levels) {
        StringBuilder sb = new StringBuilder(key + ":\n  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < levels; i++) {
            String prev = "*a" + (i - 1);
            sb.append("  - &a").append(i).append(" [").append(String.join(", ", java.util.Collections.nCopies(10, prev))).append("]\n");
        }
        return sb.toString();
    }

    /** Levels of lists, each holding two aliases of the one before: under the alias limit, 2^levels when expanded. */
    static String doubling(int levels) {
        StringBuilder sb = new StringBuilder("x0: &l0 [lol, lol]\n");
        for (int i = 1; i < levels; i++) sb.append("x").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        return sb.toString();
    }

    private static String fanOut(int nodes, String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nodes; i++) sb.append("  n").append(i).append(": ").append(value).append('\n');
        return sb.toString();
    }

    private static String manyAliasedNodes(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("  h").append(i).append(": {exec: *a}\n");
        return sb.toString();
    }
}
