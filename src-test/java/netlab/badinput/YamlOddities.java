package netlab.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Files that are not a topology at the YAML level: empty, only comments, several documents, a scalar or a list at
 * the top, tabs for indentation, duplicate or non-scalar keys, unknown directives and tags, unclosed quotes and
 * brackets, bad escapes, stray indicators.
 */
final class YamlOddities implements CaseGenerator {
    @Override
    public String category() {
        return "yaml";
    }

    @Override
    public List<Draft> generate(List<Seed> seeds, Random random) {
        String lab = Handmade.lab();
        List<Draft> out = new ArrayList<>();
        add(out, "an empty file", "");
        add(out, "only blank lines", "\n\n   \n");
        add(out, "only comments", "# a topology\n# to be written\n");
        add(out, "only a document start", "---\n");
        add(out, "only a document end", "...\n");
        add(out, "two documents", lab + "---\n" + lab);
        add(out, "a document start then garbage", "--- !!\n");
        add(out, "a plain string at the top", "hello world\n");
        add(out, "a number at the top", "42\n");
        add(out, "a list at the top", "- " + Handmade.LAB + "\n- h1\n");
        add(out, "null at the top", "~\n");
        add(out, "true at the top", "true\n");
        add(out, "the topology as one flow list", "[" + Handmade.LAB + ", {h1: {}}]\n");
        add(out, "tabs for indentation", Handmade.NAME + "nodes:\n\th1: {}\n");
        add(out, "a tab before a nested key", Handmade.NAME + "nodes:\n  h1:\n  \tforwarding: true\n");
        add(out, "a duplicate top-level key", lab + "name: again\n");
        add(out, "a duplicate node", Handmade.NAME + "nodes:\n  h1: {}\n  h1: {forwarding: true}\n");
        add(out, "a duplicate key in a flow mapping", Handmade.withH1("{forwarding: true, forwarding: false}"));
        add(out, "a null key", Handmade.NAME + "nodes:\n  ~: {}\n");
        add(out, "an empty explicit key", Handmade.NAME + "nodes:\n  ? \n  : {}\n");
        add(out, "a list as a key", Handmade.NAME + "nodes:\n  [h1, h2]: {}\n");
        add(out, "a mapping as a key", Handmade.NAME + "nodes:\n  ? {h1: x}\n  : {}\n");
        add(out, "a key that is a number", Handmade.NAME + "nodes:\n  1: {}\n  2.5: {}\n");
        add(out, "a YAML 2.0 directive", "%YAML 2.0\n---\n" + lab);
        add(out, "a directive without a document start", "%YAML 1.2\n" + lab);
        add(out, "an unknown directive and a bad tag handle", "%TAG ! tag:example.com,2000:\n---\n" + Handmade.NAME + "nodes: !!bogus\n  h1: {}\n");
        add(out, "a !!binary lab name", "name: !!binary aGVsbG8=\n" + Handmade.NODES);
        add(out, "an !!int tag on text", Handmade.withCheck("ping: {from: h1, to: h2, count: !!int three}"));
        add(out, "a !!str tag on a boolean", Handmade.withH1("{forwarding: !!str true}"));
        add(out, "a !!seq tag on a mapping", Handmade.NAME + "nodes: !!seq\n  h1: {}\n");
        add(out, "a !!map tag on a list", Handmade.NAME + Handmade.NODES + "links: !!map\n  - [h1:eth1, h2:eth1]\n");
        add(out, "an unclosed double quote", Handmade.NAME + "description: \"two LANs\n" + Handmade.NODES);
        add(out, "an unclosed single quote", Handmade.NAME + Handmade.NODES + "checks:\n  - exec: {node: h1, command: 'ip route}\n");
        add(out, "a bad escape in double quotes", Handmade.NAME + "description: \"bad \\q escape\"\n" + Handmade.NODES);
        add(out, "an unclosed flow mapping", Handmade.NAME + "nodes: {h1: {}, h2: {}\n");
        add(out, "an unclosed flow list", Handmade.NAME + Handmade.SWITCHES + Handmade.NODES + "links: [[h1:eth1, sw1]\n");
        add(out, "a stray closing bracket", Handmade.NAME + Handmade.NODES + "]\n");
        add(out, "a stray closing brace in a value", Handmade.withH1("{}}"));
        add(out, "a mapping value where none is allowed", Handmade.NAME + "nodes:\n  h1: forwarding: true\n");
        add(out, "a list item after a mapping at the same level", Handmade.NAME + Handmade.NODES + "- h3\n");
        add(out, "a value indented less than its key", Handmade.NAME + "nodes:\n  h1:\n forwarding: true\n");
        add(out, "inconsistent indentation in a list", Handmade.NAME + Handmade.SWITCHES + Handmade.NODES + "links:\n  - [h1:eth1, sw1]\n    - [h2:eth1, sw1]\n");
        add(out, "the reserved indicator @", Handmade.NAME + "description: @home\n" + Handmade.NODES);
        add(out, "the reserved indicator `", Handmade.NAME + "description: `cmd`\n" + Handmade.NODES);
        add(out, "a block scalar with a bad indentation indicator", Handmade.NAME + "description: |0\n  text\n" + Handmade.NODES);
        add(out, "an anchor on a key and nothing else", Handmade.NAME + "nodes:\n  &a\n");
        add(out, "a key with no colon", Handmade.NAME + "nodes\n  h1: {}\n");
        add(out, "a colon with no space (a plain scalar, not a key)", Handmade.NAME + "nodes:\n  h1:{}\n");
        add(out, "a question mark key with no value in a flow mapping", Handmade.NAME + "nodes: {? }\n");
        add(out, "a document end in the middle", Handmade.NAME + "...\n" + Handmade.NODES);
        add(out, "Windows line endings and a tab", (Handmade.NAME + "nodes:\n\th1: {}\n").replace("\n", "\r\n"));
        add(out, "a very long line of garbage after a valid lab", lab + "!".repeat(100_000) + "\n");
        return out;
    }

    private static void add(List<Draft> out, String what, String text) {
        out.add(Draft.text(what, text));
    }
}
