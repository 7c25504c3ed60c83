package netlab.model;

import java.util.List;
import java.util.Optional;
import netlab.topology.Impairment;
import netlab.topology.PortVlans;
import netlab.topology.SwitchSpec;

/** A switch and its ports, in link order. */
public record ModelSwitch(SwitchSpec spec, List<Port> ports) {
    /**
     * One bridge port: a veth end in the lab's fabric namespace, and what is at the other end of the veth.
     *
     * @param vlans      its VLANs (access or trunk), from the link
     * @param impairment what the link does to frames, applied to what the port sends too
     */
    public record Port(String portName, Peer peer, PortVlans vlans, Optional<Impairment> impairment) {
        public Port(String portName, Peer peer) {
            this(portName, peer, PortVlans.NONE, Optional.empty());
        }

        /** The node interface at the other end, if it is a node's. */
        public Optional<String> nodeRef() {
            return peer instanceof NodeIface n ? Optional.of(n.node() + ":" + n.iface()) : Optional.empty();
        }
    }

    public sealed interface Peer {}

    /** The port leads to a node's interface. */
    public record NodeIface(String node, String iface) implements Peer {}

    /** The port leads to a port of another switch (a link between two switches). */
    public record SwitchPort(String sw, String port) implements Peer {}

    public ModelSwitch {
        ports = List.copyOf(ports);
    }

    public String name() {
        return spec.name();
    }

    /** True when a link gives one of its ports VLANs: the bridge then filters by VLAN (802.1Q). */
    public boolean vlanAware() {
        return ports.stream().anyMatch(p -> p.vlans().any());
    }

    /** The port whose other end is {@code node:iface}. */
    public Optional<Port> portTo(String node, String iface) {
        return ports.stream().filter(p -> p.peer() instanceof NodeIface n && n.node().equals(node) && n.iface().equals(iface)).findFirst();
    }

    /** The port (first, if several) leading to switch {@code other}. */
    public Optional<Port> portToSwitch(String other) {
        return ports.stream().filter(p -> p.peer() instanceof SwitchPort s && s.sw().equals(other)).findFirst();
    }
}
