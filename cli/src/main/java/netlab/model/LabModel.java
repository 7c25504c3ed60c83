package netlab.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.net.IpAddress;
import netlab.topology.Topology;

/**
 * A topology with every reference resolved and every address assigned: what the planner builds and what checks
 * and {@code status} compare against. Immutable.
 */
public record LabModel(
        Topology topology,
        Map<String, ModelNode> nodes,
        Map<String, ModelSwitch> switches,
        List<ModelLink> links,
        List<Segment> segments) {

    public LabModel {
        nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
        switches = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(switches));
        links = List.copyOf(links);
        segments = List.copyOf(segments);
    }

    public String name() {
        return topology.name();
    }

    public Optional<ModelNode> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    public Optional<ModelInterface> iface(String node, String iface) {
        return node(node).flatMap(n -> Optional.ofNullable(n.interfaces().get(iface)));
    }

    /** The node and interface that own an address, if any node in the lab has it. */
    public Optional<ModelInterface> ownerOf(IpAddress address) {
        for (ModelNode n : nodes.values()) {
            for (ModelInterface i : n.interfaces().values()) {
                if (i.addresses().stream().anyMatch(c -> c.address().equals(address))) return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
