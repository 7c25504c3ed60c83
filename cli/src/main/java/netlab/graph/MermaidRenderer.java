package netlab.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.graph.LabGraph.Box;
import netlab.graph.LabGraph.End;
import netlab.graph.LabGraph.Hub;
import netlab.graph.LabGraph.Row;
import netlab.graph.LabGraph.Tunnel;
import netlab.graph.LabGraph.Wire;

/**
 * A Mermaid flowchart of a lab (for Markdown pages that render Mermaid): node shapes by role, interfaces and
 * addresses in the node, links labelled with the interface, tunnels dotted, pods in a subgraph of their node.
 */
public final class MermaidRenderer {
    /** ASCII characters written as entity codes in labels (see {@link #t}). */
    private static final String SYNTAX = "\"#%&<>`\\;|[]{}$";
    private final Map<String, String> ids = new HashMap<>();

    private MermaidRenderer() {}

    public static String render(LabGraph g) {
        return new MermaidRenderer().draw(g);
    }

    private String draw(LabGraph g) {
        StringBuilder sb = new StringBuilder();
        sb.append("%% lab ").append(t(g.name() + (g.description().isBlank() ? "" : ": " + g.description()))).append(" (netlab graph)\n");
        sb.append("flowchart LR\n");
        Map<String, List<Box>> children = new LinkedHashMap<>();
        for (Box b : g.boxes()) b.inside().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(b));
        for (Box b : g.boxes()) {
            if (b.inside().isPresent()) continue;
            if (children.containsKey(b.id())) group(sb, b, children, "  ");
            else box(sb, b, "  ");
        }
        for (Hub h : g.hubs()) {
            Shapes s = Shapes.of(h.role());
            String kind = h.role().equals("overlay") ? "" : h.role() + " ";
            sb.append("  ").append(id(h.id())).append(s.mermaidOpen()).append('"').append("<b>").append(t(h.title())).append("</b>")
                    .append((kind + h.detail()).isBlank() ? "" : "<br/>" + t((kind + h.detail()).strip())).append('"').append(s.mermaidClose()).append('\n');
        }
        Flow flow = Flow.of(g);
        for (Wire w : g.wires()) {
            String label = portLabel(w.a(), w.b(), w.label());
            boolean forward = flow.leftToRight(w.a().id(), w.b().id());
            String left = id((forward ? w.a() : w.b()).id()), right = id((forward ? w.b() : w.a()).id());
            sb.append("  ").append(left).append(label.isEmpty() ? " --- " : " ---|\"" + t(label) + "\"| ").append(right).append('\n');
        }
        for (Tunnel tu : g.tunnels()) {
            String label = portLabel(tu.a(), tu.b(), tu.label());
            sb.append("  ").append(id(tu.a().id())).append(label.isEmpty() ? " -.- " : " -.-|\"" + t(label) + "\"| ").append(id(tu.b().id())).append('\n');
        }
        return sb.toString();
    }

    private void group(StringBuilder sb, Box b, Map<String, List<Box>> children, String indent) {
        sb.append(indent).append("subgraph ").append(id(b.id() + "__group")).append(" [\"").append(t(b.id())).append(" and what runs in it\"]\n");
        box(sb, b, indent + "  ");
        for (Box c : children.get(b.id())) {
            if (children.containsKey(c.id())) group(sb, c, children, indent + "  ");
            else box(sb, c, indent + "  ");
        }
        sb.append(indent).append("end\n");
    }

    private void box(StringBuilder sb, Box b, String indent) {
        Shapes s = Shapes.of(b.role());
        StringBuilder label = new StringBuilder("<b>").append(t(b.title())).append("</b>");
        String sub = DotRenderer.subtitle(b.role());
        if (!sub.isEmpty()) label.append(" ").append(t(sub));
        for (Row r : b.rows()) label.append("<br/>").append(t((r.name() + " " + r.detail()).strip()));
        sb.append(indent).append(id(b.id())).append(s.mermaidOpen()).append('"').append(label).append('"').append(s.mermaidClose()).append('\n');
    }

    /** "eth1" for a node on a switch, "eth2 – eth2 10.0.9.0/30" between two nodes. */
    private static String portLabel(End a, End b, String extra) {
        List<String> parts = new ArrayList<>();
        String ports = a.port().orElse("") + (b.port().isPresent() ? " – " + b.port().get() : "");
        if (!ports.isBlank()) parts.add(ports.strip());
        if (!extra.isBlank()) parts.add(extra);
        return String.join(" ", parts);
    }

    /** A Mermaid-safe id per name (Mermaid ids allow letters, digits and _). */
    private String id(String name) {
        return ids.computeIfAbsent(name, n -> {
            String base = "n_" + n.replaceAll("[^A-Za-z0-9_]", "_");
            String id = base;
            for (int i = 2; ids.containsValue(id); i++) id = base + "_" + i;
            return id;
        });
    }

    /**
     * Text inside a Mermaid label (or the comment line) that says exactly {@code s}: every character Mermaid or the
     * HTML it renders would read as syntax is written as Mermaid's entity code ({@code #34;} for a quote): quotes and
     * line breaks (which end the label or the statement), '#' (which starts an entity code), '%' (comments and
     * {@code %%{init}%%} directives, which Mermaid looks for anywhere), markup characters, backticks (markdown
     * strings), '$' (math), square brackets, braces, '|' and ';'. Other control characters become visible as a
     * backslash, 'u' and four hex digits.
     */
    static String t(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t' || (cp < 0x7f && SYNTAX.indexOf(cp) >= 0)) sb.append('#').append(cp).append(';');
            else if (Character.isISOControl(cp) || cp == 0xFFFE || cp == 0xFFFF || Character.getType(cp) == Character.SURROGATE) {
                String h = Integer.toHexString(cp);
                sb.append("#92;u").append("0".repeat(Math.max(0, 4 - h.length()))).append(h.toUpperCase(java.util.Locale.ROOT));
            } else sb.appendCodePoint(cp);
        });
        return sb.toString();
    }
}
