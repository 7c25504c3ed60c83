package netlab.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A peer's lab as netlab will write it: nodes, switches, links, derived checks, and everything left out, with why. */
final class ImportedLab {
    /** A link: node:interface to a switch (a bare name) or to another node:interface. */
    record Link(String a, String b) {}

    /**
     * A derived check as netlab writes it: its name, its kind and its settings (values already YAML); one that
     * depends on routing convergence is tried again for as long as a routing protocol may take.
     */
    record Check(String name, String kind, Map<String, Object> fields, boolean awaitsRouting) {
        Check(String name, String kind, Map<String, Object> fields) {
            this(name, kind, fields, false);
        }
    }

    final String source;
    final String format;
    String name;
    Optional<String> description = Optional.empty();
    final Map<String, ImportedNode> nodes = new LinkedHashMap<>();
    /** netlab switch name → the peer's name for it (a collision domain, a bridge). */
    final Map<String, String> switches = new LinkedHashMap<>();
    final List<Link> links = new ArrayList<>();
    final List<Check> checks = new ArrayList<>();
    final List<Unimported> unimported = new ArrayList<>();
    /** Plain notes for the header: how something was translated (not a loss). */
    final List<String> notes = new ArrayList<>();

    ImportedLab(String format, String source, String name) {
        this.format = format;
        this.source = source;
        this.name = name;
    }

    void skip(String where, String what, String why) {
        unimported.add(new Unimported(where, what, why));
    }

    ImportedNode node(String name) {
        return nodes.computeIfAbsent(name, ImportedNode::new);
    }

    boolean runsCommands() {
        return nodes.values().stream().anyMatch(n -> !n.exec.isEmpty() || n.command.isPresent());
    }
}
