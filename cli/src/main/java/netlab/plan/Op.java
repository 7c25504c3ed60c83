package netlab.plan;

import java.util.Optional;

/**
 * One operation of a plan, as a record of what it means: an interface to create with its settings, an address, a
 * route, a sysctl, a node's rule set, a server to start… Consecutive ops of the same {@link #tool()} in the same unit
 * are run together (see {@link netlab.runtime.ToolRunner}). What an op does is read from its record; text is made of
 * it only to print it (the dry run, messages) and to hand it to a program that takes text (the batch fallback).
 */
public interface Op {
    /** Which runner executes it; ops of one tool are batched together. */
    Tool tool();

    /**
     * The op in words, for people: an error message naming the op that failed. An iproute2 op says it as its batch
     * line. Never read back: code that needs to know what an op does reads its record.
     */
    String describe();

    /**
     * The object this op brings into being, when re-running it would fail or duplicate it. A converging
     * {@code up} skips the op when the object already exists; ops without one must be idempotent themselves
     * ({@code addr replace}, {@code route replace}, {@code link set}, sysctls).
     */
    default Optional<ObjectRef> creates() {
        return Optional.empty();
    }

    /**
     * Whether what this op starts keeps putting routes in its namespace's tables while the lab runs (a routing
     * daemon). status then takes the routes of routing protocols there (ospf, bgp...) as that daemon's, not as drift;
     * anywhere else they are extra.
     */
    default boolean learnsRoutes() {
        return false;
    }

    /**
     * Whether what this op starts keeps writing the forwarding entries of its namespace's VXLAN devices while the lab
     * runs (zebra with EVPN: a flood entry per remote VTEP, one per remote MAC). status then takes the static entries
     * of a VXLAN device there that the plan does not make as that daemon's, not as drift.
     */
    default boolean learnsVxlanFdb() {
        return false;
    }
}
