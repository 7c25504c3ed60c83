package netlab.routing.config;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import netlab.routing.spec.RawFrr;
import netlab.routing.spec.RawFrrRules;

/** Everything FRR is told in one node: the input of {@link FrrConfigWriter}. */
public record FrrNode(String node, Optional<OspfConfig> ospf, Optional<BgpConfig> bgp, Optional<RawFrr> raw) {

    /**
     * The daemons the node needs: zebra and staticd always, ospfd and bgpd when the node configures the protocol,
     * in its sections or in its raw text; ripd, ripngd and ospf6d when its raw text does.
     */
    public Set<FrrDaemon> daemons() {
        Set<FrrDaemon> out = EnumSet.of(FrrDaemon.ZEBRA, FrrDaemon.STATICD);
        if (ospf.isPresent() || raw.filter(r -> RawFrrRules.configures(r, "ospf")).isPresent()) out.add(FrrDaemon.OSPFD);
        if (bgp.isPresent() || raw.filter(r -> RawFrrRules.configures(r, "bgp")).isPresent()) out.add(FrrDaemon.BGPD);
        if (raw.filter(r -> RawFrrRules.configures(r, "rip")).isPresent()) out.add(FrrDaemon.RIPD);
        if (raw.filter(r -> RawFrrRules.configures(r, "ripng")).isPresent()) out.add(FrrDaemon.RIPNGD);
        if (raw.filter(r -> RawFrrRules.configures(r, "ospf6")).isPresent()) out.add(FrrDaemon.OSPF6D);
        return out;
    }
}
