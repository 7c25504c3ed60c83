package netlab.generate;

import java.util.List;

/**
 * The shape of a generated lab before it has addresses: routers joined by point-to-point links, each router with
 * a number of hosts on a LAN of its own; or, for the layer-2 shapes, switches joined in a chain with hosts on them.
 */
record Fabric(String shape, boolean routed, List<String> boxes, List<Edge> edges, List<Integer> hostsPerBox) {
    /** A link between two boxes, by index. */
    record Edge(int a, int b) {}

    Fabric {
        boxes = List.copyOf(boxes);
        edges = List.copyOf(edges);
        hostsPerBox = List.copyOf(hostsPerBox);
    }

    int hosts() {
        return hostsPerBox.stream().mapToInt(Integer::intValue).sum();
    }
}
