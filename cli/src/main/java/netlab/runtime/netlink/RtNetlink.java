package netlab.runtime.netlink;

import java.util.HashMap;
import java.util.Map;
import netlab.net.MacAddress;
import netlab.runtime.ns.InNetns;

/**
 * Sends {@link IpCommand}s as rtnetlink requests in the calling thread's namespace, exactly as {@code ip} would
 * encode them (same flags, tables, scopes and protocol), so the kernel ends up in the same state.
 */
final class RtNetlink implements AutoCloseable {
    private static final int RTM_NEWLINK = 16, RTM_NEWADDR = 20, RTM_NEWROUTE = 24;
    private static final int AF_UNSPEC = 0, AF_INET = 2, AF_INET6 = 10, AF_BRIDGE = 7;
    private static final int IFF_UP = 0x1;
    private static final int IFLA_ADDRESS = 1, IFLA_IFNAME = 3, IFLA_MTU = 4, IFLA_MASTER = 10, IFLA_LINKINFO = 18,
            IFLA_IFALIAS = 20, IFLA_AF_SPEC = 26, IFLA_NET_NS_FD = 28;
    private static final int IFLA_INFO_KIND = 1, IFLA_INFO_DATA = 2, IFLA_INFO_SLAVE_KIND = 4, IFLA_INFO_SLAVE_DATA = 5;
    private static final int IFLA_BR_AGEING_TIME = 4, IFLA_BR_STP_STATE = 5, IFLA_BR_VLAN_FILTERING = 7, IFLA_BR_VLAN_DEFAULT_PVID = 39;
    private static final int IFLA_BRPORT_MODE = 4, IFLA_BRPORT_LEARNING = 8, IFLA_BRPORT_UNICAST_FLOOD = 9;
    private static final int VETH_INFO_PEER = 1;
    private static final int IFLA_INET6_ADDR_GEN_MODE = 8, IN6_ADDR_GEN_MODE_EUI64 = 0, IN6_ADDR_GEN_MODE_NONE = 1;
    private static final int IFA_ADDRESS = 1, IFA_LOCAL = 2, IFA_F_NODAD = 0x02;
    private static final int RTA_DST = 1, RTA_OIF = 4, RTA_GATEWAY = 5, RTA_PRIORITY = 6;
    private static final int RT_TABLE_MAIN = 254, RTPROT_BOOT = 3, RT_SCOPE_UNIVERSE = 0, RT_SCOPE_LINK = 253, RTN_UNICAST = 1;

    private final NetlinkSocket socket = new NetlinkSocket();
    private final Map<String, Integer> indexes = new HashMap<>();

    void run(IpCommand cmd) {
        if (cmd instanceof IpCommand.LinkSet s) linkSet(s);
        else if (cmd instanceof IpCommand.AddBridge b) addBridge(b);
        else if (cmd instanceof IpCommand.AddVeth v) addVeth(v);
        else if (cmd instanceof IpCommand.AddrAdd a) addAddress(a);
        else if (cmd instanceof IpCommand.RouteAdd r) addRoute(r);
    }

    private int index(String dev) {
        Integer i = indexes.get(dev);
        if (i != null) return i;
        int idx = InNetns.libc().if_nametoindex(dev);
        if (idx <= 0) throw new NetlinkException(19, "Cannot find device \"" + dev + "\"");
        indexes.put(dev, idx);
        return idx;
    }

    private static NlMessage ifinfo(int type, int flags, int family, int index, int ifFlags, int change) {
        return new NlMessage(type, flags).u8(family).u8(0).u16(0).u32(index).u32(ifFlags).u32(change);
    }

    private void linkSet(IpCommand.LinkSet s) {
        int idx = index(s.dev());
        int flags = s.up().map(u -> u ? IFF_UP : 0).orElse(0);
        int change = s.up().isPresent() ? IFF_UP : 0;
        NlMessage m = ifinfo(RTM_NEWLINK, 0, AF_UNSPEC, idx, flags, change);
        s.mtu().ifPresent(v -> m.attrU32(IFLA_MTU, v));
        s.mac().ifPresent(v -> m.attr(IFLA_ADDRESS, mac(v)));
        s.master().ifPresent(v -> m.attrU32(IFLA_MASTER, index(v)));
        if (s.noMaster()) m.attrU32(IFLA_MASTER, 0);
        s.alias().ifPresent(v -> m.attrString(IFLA_IFALIAS, v));
        if (s.addrGenNone().isPresent()) {
            int spec = m.begin(IFLA_AF_SPEC);
            int inet6 = m.begin(AF_INET6);
            m.attrU8(IFLA_INET6_ADDR_GEN_MODE, s.addrGenNone().get() ? IN6_ADDR_GEN_MODE_NONE : IN6_ADDR_GEN_MODE_EUI64);
            m.end(inet6);
            m.end(spec);
        }
        if (s.learning().isPresent() || s.flood().isPresent() || s.hairpin().isPresent()) {
            int info = m.begin(IFLA_LINKINFO);
            m.attrString(IFLA_INFO_SLAVE_KIND, "bridge");
            int data = m.begin(IFLA_INFO_SLAVE_DATA);
            s.learning().ifPresent(v -> m.attrU8(IFLA_BRPORT_LEARNING, v ? 1 : 0));
            s.flood().ifPresent(v -> m.attrU8(IFLA_BRPORT_UNICAST_FLOOD, v ? 1 : 0));
            s.hairpin().ifPresent(v -> m.attrU8(IFLA_BRPORT_MODE, v ? 1 : 0)); // hairpin: frames may leave by the port they came in
            m.end(data);
            m.end(info);
        }
        socket.request(m);
    }

    private void addBridge(IpCommand.AddBridge b) {
        NlMessage m = ifinfo(RTM_NEWLINK, NlMessage.NLM_F_CREATE | NlMessage.NLM_F_EXCL, AF_UNSPEC, 0, 0, 0);
        m.attrString(IFLA_IFNAME, b.name());
        b.mtu().ifPresent(v -> m.attrU32(IFLA_MTU, v));
        b.mac().ifPresent(v -> m.attr(IFLA_ADDRESS, mac(v)));
        int nsFd = b.netns().map(InNetns::openNetns).orElse(-1);
        try {
            if (nsFd >= 0) m.attrU32(IFLA_NET_NS_FD, nsFd);
            int info = m.begin(IFLA_LINKINFO);
            m.attrString(IFLA_INFO_KIND, "bridge");
            if (b.stpState().isPresent() || b.ageingTime().isPresent() || b.vlanFiltering().isPresent() || b.vlanDefaultPvid().isPresent()) {
                int data = m.begin(IFLA_INFO_DATA);
                b.ageingTime().ifPresent(v -> m.attrU32(IFLA_BR_AGEING_TIME, v));
                b.stpState().ifPresent(v -> m.attrU32(IFLA_BR_STP_STATE, v));
                b.vlanFiltering().ifPresent(v -> m.attrU8(IFLA_BR_VLAN_FILTERING, v));
                b.vlanDefaultPvid().ifPresent(v -> m.attrU16(IFLA_BR_VLAN_DEFAULT_PVID, v));
                m.end(data);
            }
            m.end(info);
            socket.request(m);
        } finally {
            if (nsFd >= 0) InNetns.libc().close(nsFd);
        }
    }

    private void addVeth(IpCommand.AddVeth v) {
        NlMessage m = ifinfo(RTM_NEWLINK, NlMessage.NLM_F_CREATE | NlMessage.NLM_F_EXCL, AF_UNSPEC, 0, 0, 0);
        int fdA = v.a().netns().map(InNetns::openNetns).orElse(-1);
        int fdB = -1;
        try {
            fdB = v.b().netns().map(InNetns::openNetns).orElse(-1);
            endAttrs(m, v.a(), fdA);
            int info = m.begin(IFLA_LINKINFO);
            m.attrString(IFLA_INFO_KIND, "veth");
            int data = m.begin(IFLA_INFO_DATA);
            int peer = m.begin(VETH_INFO_PEER);
            m.u8(AF_UNSPEC).u8(0).u16(0).u32(0).u32(0).u32(0); // the peer's ifinfomsg
            endAttrs(m, v.b(), fdB);
            m.end(peer);
            m.end(data);
            m.end(info);
            socket.request(m);
        } finally {
            if (fdA >= 0) InNetns.libc().close(fdA);
            if (fdB >= 0) InNetns.libc().close(fdB);
        }
    }

    private static void endAttrs(NlMessage m, IpCommand.End e, int nsFd) {
        m.attrString(IFLA_IFNAME, e.name());
        e.mtu().ifPresent(v -> m.attrU32(IFLA_MTU, v));
        e.mac().ifPresent(v -> m.attr(IFLA_ADDRESS, mac(v)));
        if (nsFd >= 0) m.attrU32(IFLA_NET_NS_FD, nsFd);
    }

    private void addAddress(IpCommand.AddrAdd a) {
        boolean v6 = a.cidr().isV6();
        int flags = NlMessage.NLM_F_CREATE | (a.replace() ? NlMessage.NLM_F_REPLACE : NlMessage.NLM_F_EXCL);
        NlMessage m = new NlMessage(RTM_NEWADDR, flags)
                .u8(v6 ? AF_INET6 : AF_INET).u8(a.cidr().prefix()).u8(a.nodad() ? IFA_F_NODAD : 0).u8(0).u32(index(a.dev()));
        byte[] addr = a.cidr().address().toBytes();
        m.attr(IFA_LOCAL, addr);
        m.attr(IFA_ADDRESS, addr);
        socket.request(m);
    }

    private void addRoute(IpCommand.RouteAdd r) {
        boolean v6 = r.v6();
        int flags = NlMessage.NLM_F_CREATE | (r.replace() ? NlMessage.NLM_F_REPLACE : NlMessage.NLM_F_EXCL);
        int scope = r.via().isPresent() ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
        NlMessage m = new NlMessage(RTM_NEWROUTE, flags)
                .u8(v6 ? AF_INET6 : AF_INET).u8(r.dst().map(c -> c.prefix()).orElse(0)).u8(0).u8(0)
                .u8(RT_TABLE_MAIN).u8(RTPROT_BOOT).u8(scope).u8(RTN_UNICAST).u32(0);
        r.dst().ifPresent(c -> m.attr(RTA_DST, c.network().address().toBytes()));
        r.via().ifPresent(g -> m.attr(RTA_GATEWAY, g.toBytes()));
        r.dev().ifPresent(d -> m.attrU32(RTA_OIF, index(d)));
        r.metric().ifPresent(p -> m.attrU32(RTA_PRIORITY, p));
        socket.request(m);
    }


    private static byte[] mac(MacAddress m) {
        byte[] out = new byte[6];
        String[] parts = m.text().split(":");
        for (int i = 0; i < 6; i++) out[i] = (byte) Integer.parseInt(parts[i], 16);
        return out;
    }

    @Override
    public void close() {
        socket.close();
    }
}
