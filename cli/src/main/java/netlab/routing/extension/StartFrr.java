package netlab.routing.extension;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import netlab.plan.Op;
import netlab.plan.Tool;
import netlab.routing.config.FrrConfigText;
import netlab.routing.config.FrrDaemon;

/**
 * Starts one node's FRR with its configuration and leaves it running (run by {@link FrrRunner}). It creates no named
 * object: a converging {@code up} runs it again, and the runner keeps daemons that run with the same configuration.
 *
 * @param daemons zebra and the daemons the node's routing needs, in start order
 * @param evpn    the node's bgpd advertises its VNIs (EVPN): zebra writes its VXLAN devices' forwarding entries
 */
public record StartFrr(String lab, String node, FrrConfigText config, Set<FrrDaemon> daemons, boolean evpn) implements Op {
    public StartFrr {
        daemons = new TreeSet<>(daemons);
    }

    @Override
    public Tool tool() {
        return Tool.ROUTING;
    }

    /** zebra installs what OSPF and BGP learn in the node's tables. */
    @Override
    public boolean learnsRoutes() {
        return true;
    }

    /** zebra writes a flood entry per remote VTEP and an entry per remote MAC into the VNIs' VXLAN devices. */
    @Override
    public boolean learnsVxlanFdb() {
        return evpn;
    }

    @Override
    public String describe() {
        return "start FRR (" + daemons.stream().map(FrrDaemon::program).collect(Collectors.joining(", ")) + ") in node " + node;
    }
}
