package netlab.model;

import java.util.List;
import java.util.Map;
import netlab.topology.NodeSpec;

/** A node with its interfaces (declared and implied by links) and its resolved routes. */
public record ModelNode(NodeSpec spec, Map<String, ModelInterface> interfaces, List<ModelRoute> routes) {
    public ModelNode {
        interfaces = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(interfaces));
        routes = List.copyOf(routes);
    }

    public String name() {
        return spec.name();
    }

    public String kind() {
        return spec.kind();
    }
}
