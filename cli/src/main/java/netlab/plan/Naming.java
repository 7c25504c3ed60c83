package netlab.plan;

import netlab.text.Fingerprint;
import netlab.topology.Names;

/**
 * How a lab's objects are named and marked on the machine. Names carry the lab, so two labs with the same node
 * names coexist. The mark (an alias on each namespace's loopback, a label on each container) also carries which
 * state directory owns the lab, so cleanup by marks never touches another netlab installation's labs.
 *
 * The lab name is checked here too, whoever makes a Naming: a namespace name, a container name and a mark are
 * only ever made from a lab name (no '/', '.', space, or leading '-').
 *
 * @param stateToken short hash of the state directory
 */
public record Naming(String lab, String stateToken) {
    public static final String NETNS_PREFIX = "netlab.";
    public static final String MARK_PREFIX = "netlab:";
    /** Container labels: the lab, the state directory's token, and the node (and pod member) a container is. */
    public static final String LABEL_LAB = "netlab.lab";
    public static final String LABEL_STATE = "netlab.state";
    public static final String LABEL_NODE = "netlab.node";
    public static final String LABEL_MEMBER = "netlab.member";

    public Naming {
        if (lab == null || Names.checkLab(lab).isPresent()) {
            throw new IllegalArgumentException("not a lab name: " + (lab == null ? "null" : netlab.source.Printable.name(lab)));
        }
    }

    public static Naming of(String lab, String stateDir) {
        return new Naming(lab, token(stateDir));
    }

    /** The lab's own namespace: its switches (bridges) live here, never in the host's namespace. */
    public String fabricNetns() {
        return NETNS_PREFIX + lab;
    }

    public String nodeNetns(String node) {
        return NETNS_PREFIX + lab + "." + node;
    }

    /**
     * The Docker container of a container node, or a pod's pause container. Dots separate the parts, as in
     * namespace names: lab and node names cannot hold one, so no two labs' names can collide.
     */
    public String containerName(String node) {
        return NETNS_PREFIX + lab + "." + node;
    }

    /** A pod's app container. */
    public String podMemberContainer(String pod, String member) {
        return containerName(pod) + "." + member;
    }

    /**
     * Whether {@code netns} is a name this lab's namespaces can have: its fabric {@code netlab.LAB}, or a node's
     * {@code netlab.LAB.NODE} with NODE a node name. Tells a lab's namespace from any other, and from anything that
     * is no namespace name at all (a path), before a name read back from the machine is acted on.
     */
    public boolean ownsNetns(String netns) {
        String fabric = fabricNetns();
        if (netns.equals(fabric)) return true;
        return netns.startsWith(fabric + ".") && Names.checkNode(netns.substring(fabric.length() + 1)).isEmpty();
    }

    /** Labels on every container of the lab: the container-side mark (see {@link #mark()}). */
    public java.util.Map<String, String> containerMarks() {
        return java.util.Map.of(LABEL_LAB, lab, LABEL_STATE, stateToken);
    }

    /** Whether a container's labels mark it as this lab's, made by this state directory. */
    public boolean marks(java.util.Map<String, String> labels) {
        return lab.equals(labels.get(LABEL_LAB)) && stateToken.equals(labels.get(LABEL_STATE));
    }

    /** Text put on every namespace's {@code lo} as its alias: proof the namespace is this lab's. */
    public String mark() {
        return MARK_PREFIX + lab + ":" + stateToken;
    }

    /** The lab a mark names, if it was made by the same state directory. */
    public static java.util.Optional<String> labOfMark(String alias, String stateToken) {
        if (alias == null || !alias.startsWith(MARK_PREFIX)) return java.util.Optional.empty();
        String rest = alias.substring(MARK_PREFIX.length());
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || !rest.substring(colon + 1).equals(stateToken)) return java.util.Optional.empty();
        return java.util.Optional.of(rest.substring(0, colon));
    }

    public static String token(String stateDir) {
        return Fingerprint.hex(4, stateDir);
    }
}
