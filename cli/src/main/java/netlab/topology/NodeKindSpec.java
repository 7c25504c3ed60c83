package netlab.topology;

/** The settings that belong to one node kind (none for a plain namespace; image, command… for a container). */
public interface NodeKindSpec {
    /** The kind's name as written in {@code kind:}. */
    String kind();

    /**
     * The parts of the node that commands and checks can target as "node/member" (a pod's containers); empty for
     * kinds that have none.
     */
    default java.util.Set<String> members() {
        return java.util.Set.of();
    }
}
