package netlab.graph;

/**
 * How a role is drawn. Roles are node kinds (namespace, container, pod…) plus "router" (a node that forwards),
 * "switch", "hub" and "overlay"; a kind this table does not know is drawn as a plain box with its kind in the
 * title, so new kinds show up sensibly before anyone gives them a look of their own.
 */
record Shapes(String dotShape, String dotStyle, String fill, String mermaidOpen, String mermaidClose) {

    static Shapes of(String role) {
        return switch (role) {
            case "router" -> new Shapes("box", "rounded,filled,bold", "#fde9c9", "[[", "]]");
            case "namespace" -> new Shapes("box", "rounded,filled", "#ffffff", "[", "]");
            case "container", "docker" -> new Shapes("box3d", "filled", "#dbeafe", "[(", ")]");
            case "pod" -> new Shapes("component", "filled", "#e0f2e9", "([", "])");
            case "cluster", "k8s", "kubernetes", "kind" -> new Shapes("tab", "filled", "#ede9fe", "[/", "/]");
            case "switch" -> new Shapes("box", "filled", "#cfe3f7", "{{", "}}");
            case "hub" -> new Shapes("octagon", "filled", "#e5e7eb", "((", "))");
            case "overlay" -> new Shapes("ellipse", "dashed,filled", "#fdecea", "((", "))");
            default -> new Shapes("box", "dashed", "#ffffff", "[", "]");
        };
    }
}
