package netlab.plan;

/** The programs (or APIs) ops are run by. Each has a runner that batches consecutive ops into one call. */
public enum Tool {
    /** {@code ip [-n NS] -batch -}. */
    IP,
    /** {@code tc [-n NS] -batch -}. */
    TC,
    /** {@code bridge [-n NS] -batch -}: bridge port VLANs and forwarding (FDB) entries. */
    BRIDGE,
    /** {@code ip netns exec NS sysctl -q -w k=v ...}. */
    SYSCTL,
    /** {@code ip netns exec NS iptables-restore -w}: one call per node, replacing its filter and nat tables. */
    IPTABLES,
    /** Servers started in a node (busybox httpd, nc), left running; one start per op. */
    SERVICE,
    /** {@code ip netns exec NS sh -c CMD}, one process per command. */
    SHELL,
    /** Calls to the Docker engine. */
    DOCKER,
    /** A cluster's flannel work: etcd's network config, a node's subnet lease, programming a node from etcd. */
    FLANNEL,
    /** A node's routing daemons (FRR) started with their configuration, left running; one start per node. */
    ROUTING,
    /** A converging up's repairs: extra objects deleted exactly as the kernel lists them (netlink), IPv6 tables emptied. */
    REPAIR
}
