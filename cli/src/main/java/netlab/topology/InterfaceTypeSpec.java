package netlab.topology;

/**
 * What an interface is. The default is the end of a link (a veth); other types (VXLAN, VLAN, GRE, a bridge inside
 * the node…) are created inside the node and carry their own settings.
 */
public interface InterfaceTypeSpec {
    /** The type of an interface that names none: the end of a link. */
    String VETH = "veth";
    /** The type of {@code lo}, implied by the name. */
    String LOOPBACK = "loopback";

    /** The name written in {@code type:}. */
    String type();

    /** True when a link must connect this interface (a veth end); false for interfaces the node creates itself. */
    default boolean needsLink() {
        return false;
    }

    /**
     * Other interfaces of the same node this one is built on (a VLAN's parent, a tunnel's underlay, a bridge's
     * ports): they are created first.
     */
    default java.util.List<String> dependsOn() {
        return java.util.List.of();
    }
}
