package netlab.topology;

import java.util.List;
import java.util.Map;
import netlab.source.Pos;

/**
 * A topology exactly as written (after strict parsing), before names are resolved and addresses assigned.
 * Immutable; see {@link netlab.model.LabModel} for the resolved form. A {@code cluster:} section has already added
 * its parts to the nodes and links (see {@link netlab.cluster.ClusterExpander}) and is kept as read in {@code cluster}.
 *
 * @param source where it came from: the file's display name and its text (kept in the lab's state so the
 *               lab can be inspected, checked and torn down after the file is gone)
 * @param cluster the Kubernetes-style pod network over some of the nodes, if the topology has one
 */
public record Topology(
        String name,
        String description,
        Source source,
        Map<String, NodeSpec> nodes,
        Map<String, SwitchSpec> switches,
        List<LinkSpec> links,
        List<CheckSpec> checks,
        Pos pos,
        java.util.Optional<netlab.cluster.ClusterSpec> cluster) {

    public record Source(String displayName, String absolutePath, String text) {}

    public Topology {
        // keep file order: it decides automatic addresses, output order and "did you mean" ties
        nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
        switches = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(switches));
        links = List.copyOf(links);
        checks = List.copyOf(checks);
    }

    public Topology(String name, String description, Source source, Map<String, NodeSpec> nodes, Map<String, SwitchSpec> switches,
                    List<LinkSpec> links, List<CheckSpec> checks, Pos pos) {
        this(name, description, source, nodes, switches, links, checks, pos, java.util.Optional.empty());
    }

    /** The same topology under another lab name (so two copies of one file can run side by side). */
    public Topology renamed(String newName) {
        return new Topology(newName, description, source, nodes, switches, links, checks, pos, cluster);
    }
}
