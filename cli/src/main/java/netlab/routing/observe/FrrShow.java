package netlab.routing.observe;

import netlab.routing.config.FrrDaemon;

/**
 * The questions netlab asks FRR, as fixed vtysh commands: nothing from a topology or a command line ever becomes
 * part of one (a check about one neighbour asks for all of them and picks in Java).
 */
public enum FrrShow {
    OSPF_NEIGHBORS("show ip ospf neighbor json", FrrDaemon.OSPFD),
    BGP_SUMMARY("show bgp summary json", FrrDaemon.BGPD),
    IPV4_ROUTES("show ip route json", FrrDaemon.ZEBRA),
    IPV6_ROUTES("show ipv6 route json", FrrDaemon.ZEBRA),
    EVPN_VNIS("show evpn vni json", FrrDaemon.ZEBRA),
    EVPN_MACS("show evpn mac vni all json", FrrDaemon.ZEBRA);

    private final String command;
    private final FrrDaemon daemon;

    FrrShow(String command, FrrDaemon daemon) {
        this.command = command;
        this.daemon = daemon;
    }

    public String command() {
        return command;
    }

    /** The daemon that answers it. */
    public FrrDaemon daemon() {
        return daemon;
    }
}
