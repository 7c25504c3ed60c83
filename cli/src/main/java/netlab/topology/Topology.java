package netlab.topology;

import java.util.List;
import java.util.Map;
import netlab.source.Pos;

/**
 * A topology exactly as written (after strict parsing), before names are resolved and addresses assigned.
 * Immutable; see {@link netlab.model.LabModel} for the resolved form. An extension's section (such as the cluster's)
 * has already added its parts to the nodes and links, and is kept as read in {@code sections}.
 *
 * @param source   where it came from: the file's display name and its text (kept in the lab's state so the
 *                 lab can be inspected, checked and torn down after the file is gone)
 * @param sections what features and extensions read from their top-level keys: the checks ({@code checks:}), a
 *                 Kubernetes-style pod network over some of the nodes ({@code cluster:})...
 */
public record Topology(
        String name,
        String description,
        Source source,
        Map<String, NodeSpec> nodes,
        Map<String, SwitchSpec> switches,
        List<LinkSpec> links,
        Sections sections,
        Pos pos) {

    public record Source(String displayName, String absolutePath, String text) {}

    public Topology {
        // keep file order: it decides automatic addresses, output order and "did you mean" ties
        nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
        switches = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(switches));
        links = List.copyOf(links);
    }

    /** The part a feature or extension read from its top-level key, if the topology has it. */
    public <T> java.util.Optional<T> section(Section<T> key) {
        return sections.get(key);
    }

    /** The same topology under another lab name (so two copies of one file can run side by side). */
    public Topology renamed(String newName) {
        return new Topology(newName, description, source, nodes, switches, links, sections, pos);
    }
}
