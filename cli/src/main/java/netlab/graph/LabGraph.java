package netlab.graph;

import java.util.List;
import java.util.Optional;

/**
 * What a picture of a lab shows, independent of the output format: boxes for nodes (with a row per interface),
 * switches, links between interface rows and switches, tunnels between tunnel interfaces (or to a shared overlay
 * segment when more than two take part), and nodes drawn inside another node (pods in their cluster node).
 */
public record LabGraph(String name, String description, List<Box> boxes, List<Hub> hubs, List<Wire> wires, List<Tunnel> tunnels) {

    /**
     * A node. {@code role} decides its shape (see {@link Shapes}); {@code inside} names the node it is drawn in.
     */
    public record Box(String id, String title, String role, List<Row> rows, Optional<String> inside) {}

    /** One interface of a node: its name and what to say about it (addresses, type and settings). */
    public record Row(String port, String name, String detail, boolean tunnel) {}

    /** A switch, hub, or overlay segment (several tunnel ends sharing one id): a shared medium. */
    public record Hub(String id, String title, String detail, String role) {}

    /** A link: from a node's interface row to a hub, or to another node's interface row. */
    public record Wire(End a, End b, String label) {}

    /** An end of a wire: a box's row ({@code port} set) or a hub ({@code port} empty). */
    public record End(String id, Optional<String> port) {}

    /** A tunnel between two tunnel rows (or a row and an overlay hub), drawn dashed with its kind and id. */
    public record Tunnel(End a, End b, String label) {}

    public LabGraph {
        boxes = List.copyOf(boxes);
        hubs = List.copyOf(hubs);
        wires = List.copyOf(wires);
        tunnels = List.copyOf(tunnels);
    }
}
