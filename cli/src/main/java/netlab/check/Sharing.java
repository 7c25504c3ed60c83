package netlab.check;

/**
 * Which checks one may run beside (see {@link CheckRunner}). Checks start in the order they are declared; one runs
 * beside those of its own class declared right before and after it, never beside one of another class.
 */
public enum Sharing {
    /**
     * Sends probes and judges their answers (ping, tcp, http, spread, reachability): what it changes is only what any
     * traffic teaches the kernel (neighbour entries, a bridge's FDB, connection tracking), which no other probe of
     * this class judges.
     */
    TRAFFIC,
    /**
     * Reads the kernel's tables or etcd and sends nothing (fdb, neighbour, lease): it judges what the traffic before
     * it taught, so it waits for that traffic, and the traffic after it waits for it.
     */
    READS,
    /**
     * Changes state or watches a window of time (exec, capture, needs_lease, a ping that measures round trips or loss,
     * a check marked {@code alone: true}): it starts once every check before it has ended, and ends before any check
     * after it starts.
     */
    ALONE
}
