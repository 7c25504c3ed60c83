package netlab.topology;

import java.util.Optional;
import netlab.net.Cidr;
import netlab.source.Pos;

/**
 * A switch: a Linux bridge in the lab's own namespace. A hub never learns addresses (ageing 0, learning off on
 * every port) so it floods every frame to every port, like a repeater.
 *
 * @param subnet4 addresses for interfaces on this switch that declare none
 */
public record SwitchSpec(String name, boolean hub, Optional<Cidr> subnet4, Optional<Cidr> subnet6, Pos pos) {}
