package netlab.doctor;

/**
 * Something of the machine a lab may need. Kernel features are probed by really creating the object in a
 * throw-away namespace (never in the host's); tools by running them.
 */
public enum Feature {
    NETNS("network namespaces", "a kernel built with CONFIG_NET_NS"),
    VETH("veth pairs", "a kernel with CONFIG_VETH (module veth)"),
    BRIDGE("Linux bridges", "a kernel with CONFIG_BRIDGE (module bridge)"),
    VXLAN("VXLAN interfaces", "a kernel with CONFIG_VXLAN (module vxlan)"),
    GRE("GRE tunnels", "a kernel with CONFIG_NET_IPGRE (module ip_gre); or run the lab in the UML lane: scripts/uml-lane.sh FILE"),
    GRETAP("gretap tunnels", "a kernel with CONFIG_NET_IPGRE (module ip_gre); or run the lab in the UML lane: scripts/uml-lane.sh FILE"),
    VLAN("802.1Q VLAN interfaces", "a kernel with CONFIG_VLAN_8021Q (module 8021q); or run the lab in the UML lane: scripts/uml-lane.sh FILE"),
    VLAN_FILTERING("bridge VLAN filtering", "a kernel with CONFIG_BRIDGE_VLAN_FILTERING; or run the lab in the UML lane: scripts/uml-lane.sh FILE"),
    NETEM("netem delay/loss", "a kernel with CONFIG_NET_SCH_NETEM (module sch_netem); or run the lab in the UML lane: scripts/uml-lane.sh FILE"),
    TBF("tbf rate limiting", "a kernel with CONFIG_NET_SCH_TBF (module sch_tbf)"),
    DUMMY("dummy interfaces", "a kernel with CONFIG_DUMMY (module dummy)"),
    MACVLAN("macvlan interfaces", "a kernel with CONFIG_MACVLAN (module macvlan)"),
    NAT("iptables NAT", "apt-get install iptables, and a kernel with netfilter NAT (nf_nat, iptable_nat or nft_nat)"),
    DOCKER("a Docker engine", "apt-get install docker.io and start it (systemctl start docker, or dockerd &)"),
    TCPDUMP("tcpdump (packet captures)", "apt-get install tcpdump"),
    CURL("curl (HTTP checks)", "apt-get install curl"),
    BUSYBOX("busybox (servers in nodes)", "apt-get install busybox-static"),
    ETCD("etcd and etcdctl (a cluster's subnet table)", "apt-get install etcd-server etcd-client"),
    FRR("FRR (routing: zebra, staticd, ospfd, bgpd, ripd, vtysh and the user frr)", "apt-get install frr");

    private final String description;
    private final String remedy;

    Feature(String description, String remedy) {
        this.description = description;
        this.remedy = remedy;
    }

    public String description() {
        return description;
    }

    /** How to get it, as a user would do it. */
    public String remedy() {
        return remedy;
    }
}
