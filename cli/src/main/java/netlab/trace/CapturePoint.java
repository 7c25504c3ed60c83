package netlab.trace;

import java.util.Optional;

/**
 * An interface of the lab that a trace listens on, placed in the lab: a node's interface, or a switch port in the
 * lab's fabric namespace.
 *
 * @param element the node, or "switch NAME", the interface belongs to (where a packet is "in" or "out" of)
 * @param node    the node, for a node's interface
 * @param label   how a person names it: "h1:eth1", "lan1 port h1-eth1"
 * @param peer    the key ({@link #key()}) of the other end of its veth, when the lab's model knows it
 * @param mac     its MAC address, read from the running lab
 */
public record CapturePoint(String netns, String ifname, String element, Optional<String> node, String label,
                           Optional<String> peer, String mac) {
    public String key() {
        return netns + "/" + ifname;
    }

    public boolean isSwitchPort() {
        return node.isEmpty();
    }
}
