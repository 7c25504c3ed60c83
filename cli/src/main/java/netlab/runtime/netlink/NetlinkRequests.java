package netlab.runtime.netlink;

import netlab.net.MacAddress;
import netlab.plan.IpOp;

/**
 * The rtnetlink request that does what an {@link IpOp} record says, encoded exactly as {@code ip} encodes the same
 * command (same flags, table, scope and protocol), so the kernel ends up in the same state whichever runs it; or null
 * for the ops netlab leaves to {@code ip} itself. Each visitor method is that decision for one record: a new record
 * does not compile until it is made here.
 */
final class NetlinkRequests implements IpOp.Visitor<NlMessage> {
    private static final int RTM_NEWLINK = 16, RTM_NEWADDR = 20, RTM_NEWROUTE = 24;
    private static final int AF_UNSPEC = 0, AF_INET = 2, AF_INET6 = 10;
    private static final int IFF_UP = 0x1;
    private static final int IFLA_ADDRESS = 1, IFLA_IFNAME = 3, IFLA_MTU = 4, IFLA_MASTER = 10, IFLA_LINKINFO = 18,
            IFLA_IFALIAS = 20, IFLA_AF_SPEC = 26, IFLA_NET_NS_FD = 28;
    private static final int IFLA_INFO_KIND = 1, IFLA_INFO_DATA = 2, IFLA_INFO_SLAVE_KIND = 4, IFLA_INFO_SLAVE_DATA = 5;
    private static final int IFLA_BR_AGEING_TIME = 4, IFLA_BR_STP_STATE = 5, IFLA_BR_VLAN_FILTERING = 7, IFLA_BR_VLAN_DEFAULT_PVID = 39;
    private static final int IFLA_BRPORT_MODE = 4, IFLA_BRPORT_LEARNING = 8, IFLA_BRPORT_UNICAST_FLOOD = 9;
    private static final int VETH_INFO_PEER = 1;
    private static final int IFLA_INET6_ADDR_GEN_MODE = 8, IN6_ADDR_GEN_MODE_NONE = 1;
    private static final int IFA_ADDRESS = 1, IFA_LOCAL = 2, IFA_F_NODAD = 0x02;
    private static final int RTA_DST = 1, RTA_OIF = 4, RTA_GATEWAY = 5, RTA_PRIORITY = 6;
    private static final int RT_TABLE_MAIN = 254, RTPROT_BOOT = 3, RT_SCOPE_UNIVERSE = 0, RT_SCOPE_LINK = 253, RTN_UNICAST = 1, RTNH_F_ONLINK = 4;

    /** What a request needs from the namespace it is sent in: interface indexes, and namespaces to move an interface to. */
    interface Links {
        /** The index of interface {@code dev}; a NetlinkException when there is none. */
        int index(String dev);

        /** An open file of namespace {@code netns} for IFLA_NET_NS_FD, closed by the caller once the request is sent. */
        int openNetns(String netns);
    }

    /** Stands in for a namespace when only the decision is wanted: every interface and namespace resolves to a dummy. */
    static final Links NO_NAMESPACE = new Links() {
        @Override
        public int index(String dev) {
            return 1;
        }

        @Override
        public int openNetns(String netns) {
            return -1;
        }
    };

    /** Whether the netlink runner sends {@code op} itself (false: {@code ip} runs it). */
    static boolean speaks(IpOp op) {
        return op.accept(new NetlinkRequests(NO_NAMESPACE)) != null;
    }

    /** The decision "{@code ip} runs this one", said where it is taken. */
    private static final NlMessage LEFT_TO_IPROUTE2 = null;

    private final Links links;

    NetlinkRequests(Links links) {
        this.links = links;
    }

    private static NlMessage ifinfo(int flags, int index, int ifFlags, int change) {
        return new NlMessage(RTM_NEWLINK, flags).u8(AF_UNSPEC).u8(0).u16(0).u32(index).u32(ifFlags).u32(change);
    }

    /** A change to the existing interface {@code dev} (RTM_NEWLINK on its index, as {@code ip link set} sends). */
    private NlMessage linkSet(String dev) {
        return ifinfo(0, links.index(dev), 0, 0);
    }

    /** A new interface: its name, MTU, MAC, and the namespace it goes to. */
    private void newLink(NlMessage m, IpOp.NewLink l) {
        m.attrString(IFLA_IFNAME, l.name());
        if (l.mtu().isPresent()) m.attrU32(IFLA_MTU, l.mtu().getAsInt());
        if (l.mac().isPresent()) m.attr(IFLA_ADDRESS, mac(l.mac().get()));
        if (l.netns().isPresent()) {
            int fd = links.openNetns(l.netns().get());
            if (fd >= 0) m.attrU32(IFLA_NET_NS_FD, fd);
        }
    }

    // ---- namespaces: a mount, not a netlink object

    @Override
    public NlMessage netnsAdd(IpOp.NetnsAdd op) {
        return LEFT_TO_IPROUTE2; // ip netns add makes /run/netns/NAME and mounts the namespace there; it only runs on the host
    }

    // ---- interfaces made

    @Override
    public NlMessage addBridge(IpOp.AddBridge op) {
        NlMessage m = ifinfo(NlMessage.NLM_F_CREATE | NlMessage.NLM_F_EXCL, 0, 0, 0);
        newLink(m, op.link());
        int info = m.begin(IFLA_LINKINFO);
        m.attrString(IFLA_INFO_KIND, "bridge");
        int data = m.begin(IFLA_INFO_DATA);
        if (op.hub()) m.attrU32(IFLA_BR_AGEING_TIME, 0);
        m.attrU32(IFLA_BR_STP_STATE, 0);
        if (op.vlanAware()) {
            m.attrU8(IFLA_BR_VLAN_FILTERING, 1);
            m.attrU16(IFLA_BR_VLAN_DEFAULT_PVID, 0);
        }
        m.end(data);
        m.end(info);
        return m;
    }

    @Override
    public NlMessage addVeth(IpOp.AddVeth op) {
        NlMessage m = ifinfo(NlMessage.NLM_F_CREATE | NlMessage.NLM_F_EXCL, 0, 0, 0);
        newLink(m, op.a());
        int info = m.begin(IFLA_LINKINFO);
        m.attrString(IFLA_INFO_KIND, "veth");
        int data = m.begin(IFLA_INFO_DATA);
        int peer = m.begin(VETH_INFO_PEER);
        m.u8(AF_UNSPEC).u8(0).u16(0).u32(0).u32(0).u32(0); // the peer's ifinfomsg
        newLink(m, op.b());
        m.end(peer);
        m.end(data);
        m.end(info);
        return m;
    }

    @Override
    public NlMessage addVlan(IpOp.AddVlan op) {
        return LEFT_TO_IPROUTE2; // VLAN, VXLAN and GRE devices: one per tunnel or sub-interface, few per lab
    }

    @Override
    public NlMessage addVxlan(IpOp.AddVxlan op) {
        return LEFT_TO_IPROUTE2;
    }

    @Override
    public NlMessage addGre(IpOp.AddGre op) {
        return LEFT_TO_IPROUTE2;
    }

    // ---- settings of an interface

    @Override
    public NlMessage linkUp(IpOp.LinkUp op) {
        return ifinfo(0, links.index(op.dev()), IFF_UP, IFF_UP);
    }

    @Override
    public NlMessage linkMtu(IpOp.LinkMtu op) {
        return linkSet(op.dev()).attrU32(IFLA_MTU, op.mtu());
    }

    @Override
    public NlMessage linkAddress(IpOp.LinkAddress op) {
        return linkSet(op.dev()).attr(IFLA_ADDRESS, mac(op.mac()));
    }

    @Override
    public NlMessage linkMaster(IpOp.LinkMaster op) {
        NlMessage m = linkSet(op.dev());
        return m.attrU32(IFLA_MASTER, links.index(op.master()));
    }

    @Override
    public NlMessage linkNoMaster(IpOp.LinkNoMaster op) {
        return linkSet(op.dev()).attrU32(IFLA_MASTER, 0);
    }

    @Override
    public NlMessage linkAlias(IpOp.LinkAlias op) {
        return linkSet(op.dev()).attrString(IFLA_IFALIAS, op.alias());
    }

    @Override
    public NlMessage addrGenModeNone(IpOp.AddrGenModeNone op) {
        NlMessage m = linkSet(op.dev());
        int spec = m.begin(IFLA_AF_SPEC);
        int inet6 = m.begin(AF_INET6);
        m.attrU8(IFLA_INET6_ADDR_GEN_MODE, IN6_ADDR_GEN_MODE_NONE);
        m.end(inet6);
        m.end(spec);
        return m;
    }

    @Override
    public NlMessage bridgePortFlags(IpOp.BridgePortFlags op) {
        NlMessage m = linkSet(op.dev());
        int info = m.begin(IFLA_LINKINFO);
        m.attrString(IFLA_INFO_SLAVE_KIND, "bridge");
        int data = m.begin(IFLA_INFO_SLAVE_DATA);
        if (op.learning().isPresent()) m.attrU8(IFLA_BRPORT_LEARNING, op.learning().get() ? 1 : 0);
        if (op.flood().isPresent()) m.attrU8(IFLA_BRPORT_UNICAST_FLOOD, op.flood().get() ? 1 : 0);
        if (op.hairpin().isPresent()) m.attrU8(IFLA_BRPORT_MODE, op.hairpin().get() ? 1 : 0); // hairpin: frames may leave by the port they came in
        m.end(data);
        m.end(info);
        return m;
    }

    @Override
    public NlMessage bridgeSettings(IpOp.BridgeSettings op) {
        NlMessage m = linkSet(op.dev());
        int info = m.begin(IFLA_LINKINFO);
        m.attrString(IFLA_INFO_KIND, "bridge");
        int data = m.begin(IFLA_INFO_DATA);
        if (op.ageingTime().isPresent()) m.attrU32(IFLA_BR_AGEING_TIME, (int) op.ageingTime().getAsLong());
        if (op.stpState().isPresent()) m.attrU32(IFLA_BR_STP_STATE, op.stpState().getAsInt());
        if (op.vlanFiltering().isPresent()) m.attrU8(IFLA_BR_VLAN_FILTERING, op.vlanFiltering().get() ? 1 : 0);
        m.end(data);
        m.end(info);
        return m;
    }

    // ---- addresses, routes, neighbours

    @Override
    public NlMessage addrReplace(IpOp.AddrReplace op) {
        boolean v6 = op.cidr().isV6();
        NlMessage m = new NlMessage(RTM_NEWADDR, NlMessage.NLM_F_CREATE | NlMessage.NLM_F_REPLACE)
                .u8(v6 ? AF_INET6 : AF_INET).u8(op.cidr().prefix()).u8(op.nodad() ? IFA_F_NODAD : 0).u8(0).u32(links.index(op.dev()));
        byte[] addr = op.cidr().address().toBytes();
        m.attr(IFA_LOCAL, addr);
        m.attr(IFA_ADDRESS, addr);
        return m;
    }

    @Override
    public NlMessage routeReplace(IpOp.RouteReplace op) {
        int scope = op.via().isPresent() ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
        int prefix = op.dst().isPresent() ? op.dst().get().prefix() : 0;
        NlMessage m = new NlMessage(RTM_NEWROUTE, NlMessage.NLM_F_CREATE | NlMessage.NLM_F_REPLACE)
                .u8(op.v6() ? AF_INET6 : AF_INET).u8(prefix).u8(0).u8(0)
                .u8(RT_TABLE_MAIN).u8(RTPROT_BOOT).u8(scope).u8(RTN_UNICAST).u32(op.onlink() ? RTNH_F_ONLINK : 0);
        // a /0 is the default route: ip sends no destination for it
        if (prefix > 0) m.attr(RTA_DST, op.dst().get().network().address().toBytes());
        if (op.via().isPresent()) m.attr(RTA_GATEWAY, op.via().get().toBytes());
        if (op.dev().isPresent()) m.attrU32(RTA_OIF, links.index(op.dev().get()));
        if (op.metric().isPresent()) m.attrU32(RTA_PRIORITY, op.metric().getAsInt());
        return m;
    }

    @Override
    public NlMessage connectedRouteReplace(IpOp.ConnectedRouteReplace op) {
        return LEFT_TO_IPROUTE2; // a converging up's repair of a route deleted by hand: rare, and the kernel's own defaults are ip's to know
    }

    @Override
    public NlMessage routeDel(IpOp.RouteDel op) {
        return LEFT_TO_IPROUTE2; // the pod network's changes: applied by ip -batch from its own sync
    }

    @Override
    public NlMessage neighReplace(IpOp.NeighReplace op) {
        return LEFT_TO_IPROUTE2;
    }

    @Override
    public NlMessage neighDel(IpOp.NeighDel op) {
        return LEFT_TO_IPROUTE2;
    }

    static byte[] mac(MacAddress m) {
        byte[] out = new byte[6];
        String t = m.text();
        for (int i = 0; i < 6; i++) out[i] = (byte) Integer.parseInt(t.substring(3 * i, 3 * i + 2), 16);
        return out;
    }
}
