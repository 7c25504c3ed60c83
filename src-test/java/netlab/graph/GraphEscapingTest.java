package netlab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import netlab.graph.LabGraph.Box;
import netlab.graph.LabGraph.End;
import netlab.graph.LabGraph.Hub;
import netlab.graph.LabGraph.Row;
import netlab.graph.LabGraph.Tunnel;
import netlab.graph.LabGraph.Wire;
import netlab.json.Json;
import netlab.testing.Topologies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every string a picture carries (names, descriptions, image names, interface rows, labels) is escaped for DOT and
 * for Mermaid: whatever it holds, Graphviz reads back exactly the nodes, edges and attributes netlab wrote (no
 * injected node, attribute, image or file), and a Mermaid chart keeps one statement per line with no directive.
 */
class GraphEscapingTest {
    /** Strings that end a DOT comment, string or HTML label, or a Mermaid label or line, and then add something. */
    static final String DESCRIPTION = "a lab\n*/ x [image=\"/etc/hostname\"]; y [shapefile=\"/etc/shadow\"]\r\n// \\N \\G \\\" \\\\\"];"
            + " %%{init: {'securityLevel':'loose'}}%%\nclick n_h1 href \"javascript:alert(1)\"\u001b[2J\tend";
    static final String EVIL = "x\"]; evil [image=\"/etc/hostname\"]; \"</b><IMG SRC=\"/etc/hostname\"/>&amp;]>\n%%{init}%% #quot; `md` $$x$$ |";
    /** What a DOT file may say about anything: netlab's own attributes and what Graphviz adds when it lays out. */
    static final Set<String> FILE_ATTRIBUTES = Set.of("image", "shapefile", "imagepath", "fontpath", "URL", "href", "stylesheet",
            "imagescale", "fontnames");

    static LabGraph hostileGraph() {
        Box a = new Box("h1" + EVIL, "h1" + EVIL, "namespace", List.of(new Row("eth1" + EVIL, "eth1" + EVIL, "10.0.0.1/24 " + EVIL, false),
                new Row("kind:image", "image", "netlab/busybox:1" + EVIL, false)), Optional.empty());
        Box b = new Box("r1" + EVIL, "r1" + EVIL, "router", List.of(new Row("vx" + EVIL, "vx" + EVIL, "vni 100 " + EVIL, true)), Optional.empty());
        Box c = new Box("pod" + EVIL, "pod" + EVIL, "pod", List.of(), Optional.of("r1" + EVIL));
        Hub sw = new Hub("sw" + EVIL, "sw" + EVIL, "10.0.0.0/24 " + EVIL, "switch");
        return new LabGraph("lab" + EVIL, DESCRIPTION, List.of(a, b, c), List.of(sw),
                List.of(new Wire(new End(a.id(), Optional.of("eth1" + EVIL)), new End(sw.id(), Optional.empty()), "link " + EVIL)),
                List.of(new Tunnel(new End(b.id(), Optional.of("vx" + EVIL)), new End(a.id(), Optional.of("eth1" + EVIL)), "vxlan " + EVIL)));
    }

    @Test
    void graphvizReadsBackOnlyTheNodesEdgesAndAttributesNetlabWrote() throws Exception {
        assumeTrue(Graphviz.installed(), "Graphviz (dot) is not installed");
        LabGraph g = hostileGraph();
        Dot dot = Dot.read(DotRenderer.render(g));
        assertThat(dot.stderr()).isEmpty();
        assertThat(dot.nodes()).containsExactlyInAnyOrder(read("h1" + EVIL), read("r1" + EVIL), read("pod" + EVIL), read("sw" + EVIL));
        assertThat(dot.edges()).isEqualTo(2);
        assertThat(dot.clusters()).containsExactly(read("cluster_r1" + EVIL));
        assertThat(dot.attributes()).doesNotContainAnyElementsOf(FILE_ATTRIBUTES);
        // the whole description stayed in the title: nothing of it became a statement
        assertThat(dot.graphLabel()).startsWith("lab").endsWith("end");
    }

    /** A name as Graphviz reads it back from netlab's DOT: the same, a line break written as DOT's \n. */
    private static String read(String name) {
        return name.replace("\n", "\\n");
    }

    @Test
    void aHostileTopologyDrawsItsOwnNodesAndNothingElse() throws Exception {
        assumeTrue(Graphviz.installed(), "Graphviz (dot) is not installed");
        var lab = Topologies.load("""
                name: lab
                description: "x\\n*/ a [image=\\"/etc/hostname\\"];\\n// <IMG SRC=\\"/etc/hostname\\"/>"
                nodes:
                  h1:
                    kind: container
                    image: "registry.example:5000/x/y:1"
                    services: [http]
                    rules:
                      - dnat: {in: eth1, protocol: tcp, port: 8080, to: "10.0.0.9:80"}
                    interfaces: {eth1: {addresses: [10.0.0.1/24]}}
                  h2: {interfaces: {eth1: {addresses: [10.0.0.2/24]}}}
                links:
                  - [h1:eth1, h2:eth1]
                """);
        Dot dot = Dot.read(DotRenderer.render(GraphBuilder.build(lab.model())));
        assertThat(dot.stderr()).isEmpty();
        assertThat(dot.nodes()).containsExactlyInAnyOrder("h1", "h2");
        assertThat(dot.attributes()).doesNotContainAnyElementsOf(FILE_ATTRIBUTES);
        String svg = new String(Graphviz.render(DotRenderer.render(GraphBuilder.build(lab.model())), "svg"), StandardCharsets.UTF_8);
        assertThat(svg).doesNotContain("<image").contains("&lt;IMG SRC=&quot;/etc/hostname&quot;/&gt;");
    }

    @Test
    void graphvizLoadsNoFileEvenWhenTheDotNamesOne(@TempDir Path tmp) throws Exception {
        assumeTrue(Graphviz.installed(), "Graphviz (dot) is not installed");
        ProcessBuilder pb = Graphviz.command("svg");
        assertThat(pb.environment()).containsEntry("SERVER_NAME", "netlab").doesNotContainKey("GV_FILE_PATH");
        Path png = tmp.resolve("secret.png");
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        String asking = "graph g { a [image=\"" + png + "\", label=\"\"]; }"; // a DOT netlab never writes
        // plain dot reads the file (and embeds it); dot as netlab runs it does not
        Process plain = new ProcessBuilder("dot", "-Tsvg").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        plain.getOutputStream().write(asking.getBytes(StandardCharsets.UTF_8));
        plain.getOutputStream().close();
        assertThat(new String(plain.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("<image").contains("secret.png");
        plain.waitFor();
        String svg = new String(Graphviz.render(asking, "svg"), StandardCharsets.UTF_8);
        assertThat(svg).doesNotContain("<image").doesNotContain("secret.png");
    }

    @Test
    void mermaidKeepsOneStatementPerLineAndNoDirective() {
        String m = MermaidRenderer.render(hostileGraph());
        List<String> lines = m.lines().toList();
        assertThat(lines.get(0)).startsWith("%% lab ").endsWith(" (netlab graph)");
        assertThat(m).doesNotContain("%%{").doesNotContain("javascript:alert(1)\"").doesNotContain("\r").doesNotContain("\u001b");
        assertThat(lines.subList(1, lines.size())).allSatisfy(MermaidRendererGrammar::statement);
        // 4 boxes and hubs, 1 subgraph with its end, 2 links, the header
        assertThat(lines).hasSize(1 + 1 + 4 + 2 + 2);
    }

    @Test
    void mermaidTextSaysTheSameOnceMermaidDecodesIt() {
        String t = MermaidRenderer.t(EVIL + DESCRIPTION);
        assertThat(MermaidRendererGrammar.decode(t)).isEqualTo((EVIL + DESCRIPTION).replace("\u001b", "\\u001B"));
    }

    /** What a Mermaid flowchart line of netlab's may be, with labels whose text holds no syntax. */
    static final class MermaidRendererGrammar {
        private static final String TEXT = "(?:[^\"#%&<>`\\\\;|\\[\\]{}$\\n\\r]|#\\d+;)*";
        private static final String LABEL = "\"(?:<b>|</b>|<br/>|" + TEXT.substring(3, TEXT.length() - 2) + ")*\"";
        private static final String ID = "n_\\w+";
        private static final Pattern LINE = Pattern.compile("\\s*(?:flowchart LR|end|subgraph " + ID + " \\[" + LABEL + "\\]"
                + "|" + ID + "(?:\\[\\[|\\[\\(|\\(\\[|\\[/|\\{\\{|\\(\\(|\\[)" + LABEL + "(?:\\]\\]|\\)\\]|\\]\\)|/\\]|\\}\\}|\\)\\)|\\])"
                + "|" + ID + " (?:---|-\\.-)(?:\\|" + LABEL + "\\|)? " + ID + ")");

        static void statement(String line) {
            assertThat(LINE.matcher(line).matches()).as("a line of netlab's Mermaid grammar: %s", line).isTrue();
        }

        static String decode(String text) {
            Matcher m = Pattern.compile("#(\\d+);").matcher(text);
            StringBuilder sb = new StringBuilder();
            while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1)))));
            m.appendTail(sb);
            return sb.toString();
        }
    }

    /** A DOT text as Graphviz reads it: {@code dot -Tjson0} lists every node, edge, cluster and attribute it took from it. */
    record Dot(List<String> nodes, List<String> clusters, int edges, Set<String> attributes, String graphLabel, String stderr) {
        @SuppressWarnings("unchecked")
        static Dot read(String text) throws IOException, InterruptedException {
            Process p = new ProcessBuilder("dot", "-Tjson0").start();
            p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // (a machine without fontconfig's configuration says so; that is no complaint about the DOT)
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("Fontconfig")).map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
            assertThat(p.waitFor()).as(err).isZero();
            Map<String, Object> g = (Map<String, Object>) Json.parse(out);
            List<String> nodes = new ArrayList<>(), clusters = new ArrayList<>();
            Set<String> attributes = new HashSet<>(g.keySet());
            for (Object o : (List<Object>) g.getOrDefault("objects", List.of())) {
                Map<String, Object> obj = (Map<String, Object>) o;
                attributes.addAll(obj.keySet());
                if (obj.containsKey("nodes") || obj.containsKey("edges") || String.valueOf(obj.get("name")).startsWith("cluster")) {
                    clusters.add(String.valueOf(obj.get("name")));
                } else {
                    nodes.add(String.valueOf(obj.get("name")));
                }
            }
            List<Object> edges = (List<Object>) g.getOrDefault("edges", List.of());
            for (Object e : edges) attributes.addAll(((Map<String, Object>) e).keySet());
            return new Dot(nodes, clusters, edges.size(), attributes, String.valueOf(g.get("label")), err);
        }
    }
}
