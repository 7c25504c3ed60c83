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

    /**
     * A node's iptables rules: there when the namespace holds exactly {@code count} rules whose comment carries
     * {@code mark} (the lab's name and a fingerprint of the rule set), so a changed or damaged set is applied again.
     */
    record Rules(String netns, String mark, int count) implements ObjectRef {}

    /** A server: there when something in the namespace listens on the TCP {@code port}. */
    record Listener(String netns, int port) implements ObjectRef {}
}
