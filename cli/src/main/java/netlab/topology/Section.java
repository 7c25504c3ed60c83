package netlab.topology;

/**
 * The key of a part of a topology, or of one of its nodes, that a feature or an extension owns: the cluster's
 * {@code cluster:} section, a node's {@code rules:} or {@code services:}, the checks. The core stores the part under
 * its key without knowing its type; whoever owns the key reads it back typed ({@link Sections#get}).
 *
 * @param <T> what the part holds once read
 */
public final class Section<T> {
    private final String name;

    /** @param name what the part is, for messages and debugging ("cluster", "rules") */
    public Section(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "section " + name;
    }
}
