package netlab.plan;

/** The stages of building a lab, in the order they run. */
public enum StageName {
    /** Network namespaces for the fabric and every namespace node (one host-side {@code ip -batch}). */
    NAMESPACES("namespaces"),
    /** Containers and pods, plugged as named namespaces. */
    CONTAINERS("containers"),
    /** Bridges and veth pairs, created from the fabric namespace straight into the nodes. */
    LINKS("links"),
    /** Per node, in parallel: sysctls, interfaces created inside the node, addresses, routes. */
    NODES("nodes"),
    /** Firewall and NAT rules, per node. */
    RULES("rules"),
    /** Traffic control (impairments), per node. */
    TRAFFIC("traffic"),
    /** Routing daemons (FRR), per node, once every node's interfaces and addresses exist (an adjacency needs both ends). */
    ROUTING("routing"),
    /** Pods' app containers, started once the pod's network is configured (as kubelet starts them after CNI). */
    APPS("apps"),
    /** Services started in nodes (a cluster's etcd among them). */
    SERVICES("services"),
    /** Each cluster node leases its pod subnet in etcd, as flanneld does. */
    LEASES("leases"),
    /** Each cluster node programmed from every lease in etcd: routes, neighbour and FDB entries. */
    POD_NETWORK("pod-network"),
    /** The nodes' own {@code exec} commands, last. */
    EXEC("exec");

    private final String label;

    StageName(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
