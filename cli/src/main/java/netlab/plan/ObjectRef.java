package netlab.plan;

/** Something a plan creates that can be looked up to decide whether creating it again is needed. */
public sealed interface ObjectRef {
    /** A named network namespace (/run/netns/NAME). */
    record Netns(String name) implements ObjectRef {}

    /** A network interface inside a namespace. */
    record Link(String netns, String name) implements ObjectRef {}

    /** A Docker container, by name. */
    record Container(String name) implements ObjectRef {}

    /** Something recorded in the lab's state once done (a node's exec commands, a started service). */
    record Done(String key) implements ObjectRef {}
}
