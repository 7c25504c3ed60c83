package netlab.topology;

/** The settings that belong to one node kind (none for a plain namespace; image, command… for a container). */
public interface NodeKindSpec {
    /** The kind's name as written in {@code kind:}. */
    String kind();
}
