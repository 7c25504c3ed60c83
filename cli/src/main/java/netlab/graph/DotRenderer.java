package netlab.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.graph.LabGraph.Box;
import netlab.graph.LabGraph.End;
import netlab.graph.LabGraph.Hub;
import netlab.graph.LabGraph.Row;
import netlab.graph.LabGraph.Tunnel;
import netlab.graph.LabGraph.Wire;
import netlab.source.Printable;

/**
 * Graphviz DOT for a lab: left to right, nodes as boxes with one row per interface (links attach to the row),
 * switches and hubs as shared boxes, tunnels dashed and red with their kind and id, nodes that live in another
 * node (pods) drawn inside it.
 */
public final class DotRenderer {
    static final String TUNNEL_COLOR = "#c0392b";

    private DotRenderer() {}

    public static String render(LabGraph g) {
        StringBuilder sb = new StringBuilder();
        String title = g.name() + (g.description().isBlank() ? "" : ": " + g.description());
        sb.append("// lab ").append(Printable.line(title)).append(" (netlab graph)\n");
        sb.append("graph ").append(q(g.name())).append(" {\n");
        sb.append("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, label=").append(q(title))
                .append(", nodesep=0.35, ranksep=0.9, pad=0.2];\n");
        sb.append("  node [fontname=\"Helvetica\", fontsize=10, margin=\"0.08,0.04\"];\n");
        sb.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#4b5563\", penwidth=1.2];\n\n");

        Map<String, List<Box>> children = new LinkedHashMap<>();
        for (Box b : g.boxes()) b.inside().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(b));
        for (Box b : g.boxes()) {
            if (b.inside().isPresent()) continue;
            if (children.containsKey(b.id())) cluster(sb, b, children, "  ");
            else box(sb, b, "  ");
        }
        for (Hub h : g.hubs()) hub(sb, h);
        sb.append('\n');
        Flow flow = Flow.of(g);
        for (Wire w : g.wires()) {
            boolean forward = flow.leftToRight(w.a().id(), w.b().id());
            End left = forward ? w.a() : w.b(), right = forward ? w.b() : w.a();
            sb.append("  ").append(end(left, "e")).append(" -- ").append(end(right, "w"));
            if (!w.label().isBlank()) sb.append(" [label=").append(q(w.label())).append("]");
            sb.append(";\n");
        }
        for (Tunnel t : g.tunnels()) {
            sb.append("  ").append(end(t.a(), "")).append(" -- ").append(end(t.b(), "")).append(" [style=dashed, constraint=false, color=\"").append(TUNNEL_COLOR)
                    .append("\", fontcolor=\"").append(TUNNEL_COLOR).append("\", penwidth=1.6");
            if (!t.label().isBlank()) sb.append(", label=").append(q(t.label()));
            sb.append("];\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    /** A node with the nodes that live in it, as a dashed cluster titled with its name. */
    private static void cluster(StringBuilder sb, Box b, Map<String, List<Box>> children, String indent) {
        sb.append(indent).append("subgraph ").append(q("cluster_" + b.id())).append(" {\n");
        sb.append(indent).append("  label=").append(q(b.id() + " and what runs in it")).append("; style=\"rounded,dashed\"; color=\"#6b7280\";\n");
        box(sb, b, indent + "  ");
        for (Box c : children.get(b.id())) {
            if (children.containsKey(c.id())) cluster(sb, c, children, indent + "  ");
            else box(sb, c, indent + "  ");
        }
        sb.append(indent).append("}\n");
    }

    private static void box(StringBuilder sb, Box b, String indent) {
        Shapes s = Shapes.of(b.role());
        sb.append(indent).append(q(b.id())).append(" [shape=").append(s.dotShape()).append(", style=\"").append(s.dotStyle())
                .append("\", fillcolor=\"").append(s.fill()).append("\", label=<\n");
        sb.append(indent).append("  <table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\">\n");
        sb.append(indent).append("    <tr><td><b>").append(h(b.title())).append("</b>");
        String sub = subtitle(b.role());
        if (!sub.isEmpty()) sb.append(" <font point-size=\"8\">").append(h(sub)).append("</font>");
        sb.append("</td></tr>\n");
        for (Row r : b.rows()) {
            // one cell per row, so a link leaves from the box's edge on the side facing its other end
            sb.append(indent).append("    <tr><td port=\"").append(port(r.port())).append("\" align=\"left\">")
                    .append(r.tunnel() ? "<font color=\"" + TUNNEL_COLOR + "\">" + h(r.name()) + "</font>" : h(r.name()))
                    .append(r.detail().isBlank() ? "" : "  <font point-size=\"9\">" + h(r.detail()) + "</font>").append("</td></tr>\n");
        }
        sb.append(indent).append("  </table>>];\n");
    }

    private static void hub(StringBuilder sb, Hub h) {
        Shapes s = Shapes.of(h.role());
        String kind = h.role().equals("overlay") ? "" : h.role();
        String detail = (kind + " " + h.detail()).strip();
        sb.append("  ").append(q(h.id())).append(" [shape=").append(s.dotShape()).append(", style=\"").append(s.dotStyle())
                .append("\", fillcolor=\"").append(s.fill()).append("\"")
                .append(h.role().equals("overlay") ? ", color=\"" + TUNNEL_COLOR + "\"" : "")
                .append(", label=<<b>").append(h(h.title())).append("</b>")
                .append(detail.isEmpty() ? "" : "<br/><font point-size=\"8\">" + h(detail) + "</font>").append(">];\n");
    }

    /** What the box says under its name: the role, unless it is a plain namespace. */
    static String subtitle(String role) {
        return role.equals("namespace") ? "" : role;
    }

    /** A link end: the interface's row, on the side facing the other end, or the whole hub. */
    private static String end(End e, String side) {
        return q(e.id()) + e.port().map(p -> ":\"" + port(p) + "\"" + (side.isEmpty() ? "" : ":" + side)).orElse("");
    }

    /**
     * A row's port name, the same where the row declares it (an HTML attribute) and where a link names it (a DOT
     * string), which escape differently: a plain name as it is, any other as 'p' and its bytes in hex.
     */
    static String port(String name) {
        if (name.matches("[A-Za-z0-9_.:-]+")) return name;
        StringBuilder sb = new StringBuilder("p");
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        return sb.toString();
    }

    /**
     * A DOT quoted string that says exactly {@code s} and nothing more: backslashes and quotes escaped (so no
     * {@code \N}, {@code \G} or other escape of Graphviz's either), a line break as Graphviz's {@code \n}, other
     * control characters shown as a backslash, 'u' and four hex digits. Nothing in it can end the string and add an attribute or a statement.
     */
    static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        lines(s).codePoints().forEach(cp -> {
            if (cp == '\\') sb.append("\\\\");
            else if (cp == '"') sb.append("\\\"");
            else if (cp == '\n') sb.append("\\n");
            else if (control(cp)) sb.append("\\\\u").append(hex4(cp));
            else sb.appendCodePoint(cp);
        });
        return sb.append('"').toString();
    }

    /**
     * Text inside an HTML-like label: markup characters as entities, so text never becomes a tag (an {@code <IMG>}
     * would make Graphviz read a file); line breaks and tabs as spaces, other control characters as a backslash, 'u' and their four hex digits.
     */
    static String h(String s) {
        StringBuilder sb = new StringBuilder();
        lines(s).codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append(' ');
                default -> {
                    if (control(cp)) sb.append("\\u").append(hex4(cp));
                    else sb.appendCodePoint(cp);
                }
            }
        });
        return sb.toString();
    }

    /** Line breaks as '\n' only, tabs as spaces. */
    private static String lines(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
    }

    private static String hex4(int cp) {
        String h = Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(Math.max(0, 4 - h.length())) + h;
    }

    private static boolean control(int cp) {
        return Character.isISOControl(cp) || cp == 0xFFFE || cp == 0xFFFF || Character.getType(cp) == Character.SURROGATE;
    }
}
