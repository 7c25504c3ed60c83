package netlab.routing.spec;

import java.util.Optional;
import java.util.OptionalInt;
import netlab.source.Pos;

/**
 * OSPF on one interface of the node.
 *
 * @param network      empty: FRR's default for the interface (broadcast on Ethernet)
 * @param passive      the interface's subnet is advertised, but no hellos are sent or heard on it
 * @param helloSeconds empty: FRR's default, 10 s
 * @param deadSeconds  empty: FRR's default, four hellos
 */
public record OspfInterface(String name, OspfArea area, OptionalInt cost, Optional<OspfNetwork> network, boolean passive,
                            OptionalInt helloSeconds, OptionalInt deadSeconds, Pos pos) {}
