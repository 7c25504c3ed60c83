package netlab.traffic;

import netlab.topology.Impairment;

/**
 * One device an impairment goes on: its egress is what gets delayed, dropped or limited.
 *
 * @param netns the namespace it is in (a node's, or the fabric's for a switch port)
 * @param label "node h1" or "fabric", the plan unit it belongs to
 * @param what  for people: "h1:eth1", "port h1-eth1 of switch sw1"
 */
public record ImpairedEnd(String netns, String label, String dev, String what, Impairment impairment) {}
