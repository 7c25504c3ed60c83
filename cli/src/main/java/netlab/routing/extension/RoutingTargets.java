package netlab.routing.extension;

import java.util.Optional;
import netlab.model.LabModel;
import netlab.routing.spec.RawFrrRules;
import netlab.routing.spec.RoutingSpec;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.source.Suggest;

/** What a routing check names, checked against the lab: a node, one that runs OSPF, one that runs BGP. */
final class RoutingTargets {
    private RoutingTargets() {}

    static boolean node(LabModel model, String node, Pos pos, String what, Diagnostics d) {
        if (node.isEmpty()) return false; // the parser said it is missing
        if (model.node(node).isPresent()) return true;
        d.error(pos, what + ": no node '" + node + "'" + Suggest.hint(node, model.nodes().keySet()));
        return false;
    }

    static boolean ospfNode(LabModel model, String node, Pos pos, String what, Diagnostics d) {
        if (!node(model, node, pos, what, d)) return false;
        if (runs(model, node, RoutingSpec::ospf, "ospf")) return true;
        d.error(pos, what + ": node " + node + " runs no OSPF (its routing: has no ospf, nor a router ospf in its frr text)");
        return false;
    }

    static boolean bgpNode(LabModel model, String node, Pos pos, String what, Diagnostics d) {
        if (!node(model, node, pos, what, d)) return false;
        if (runs(model, node, RoutingSpec::bgp, "bgp")) return true;
        d.error(pos, what + ": node " + node + " runs no BGP (its routing: has no bgp, nor a router bgp in its frr text)");
        return false;
    }

    /** The protocol's section, or its router block in the raw text (an imported lab's FRR configuration). */
    private static boolean runs(LabModel model, String node, java.util.function.Function<RoutingSpec, Optional<?>> section, String router) {
        Optional<RoutingSpec> spec = routing(model, node);
        return spec.flatMap(section).isPresent() || spec.flatMap(RoutingSpec::frr).filter(r -> RawFrrRules.configures(r, router)).isPresent();
    }

    private static Optional<RoutingSpec> routing(LabModel model, String node) {
        return model.node(node).flatMap(n -> RoutingNodes.of(n.spec()));
    }
}
