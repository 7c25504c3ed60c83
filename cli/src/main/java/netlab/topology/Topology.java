package netlab.topology;

import java.util.List;
import java.util.Map;
import netlab.source.Pos;

/**
 * A topology exactly as written (after strict parsing), before names are resolved and addresses assigned.
 * Immutable; see {@link netlab.model.LabModel} for the resolved form.
 *
 * @param source where it came from: the file's display name and its text (kept in the lab's state so the
 *               lab can be inspected, checked and torn down after the file is gone)
 */
public record Topology(
        String name,
        String description,
        Source source,
        Map<String, NodeSpec> nodes,
        Map<String, SwitchSpec> switches,
        List<LinkSpec> links,
        List<CheckSpec> checks,
        Pos pos) {

    public record Source(String displayName, String absolutePath, String text) {}

    public Topology {
        // keep file order: it decides automatic addresses, output order and "did you mean" ties
        nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
        switches = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(switches));
        links = List.copyOf(links);
        checks = List.copyOf(checks);
    }

    /** The same topology under another lab name (so two copies of one file can run side by side). */
    public Topology renamed(String newName) {
        return new Topology(newName, description, source, nodes, switches, links, checks, pos);
    }
}
