package netlab.runtime.netlink;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.net.IpAddress;
import netlab.runtime.ns.InNetns;

/**
 * Reads a namespace's links, addresses and main-table routes with three netlink dumps from a JVM thread inside
 * it: what {@code ip -j link/addr/route} print, without three processes per node.
 */
public final class NetlinkReader {
    private static final int RTM_GETLINK = 18, RTM_GETADDR = 22, RTM_GETROUTE = 26;
    private static final int AF_UNSPEC = 0, AF_INET = 2, AF_INET6 = 10;
    private static final int IFF_UP = 0x1;
    private static final String[] OPERSTATES = {"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"};

    private NetlinkReader() {}

    public record Link(int index, String name, boolean up, String operstate, String mac, int mtu, String kind, int master, String alias) {}

    public record Address(int index, String cidr, String scope, boolean v6) {}

    /** A route of the main table: {@code dst} is "default" or a prefix. */
    public record Route(boolean v6, String dst, String gateway, int oif, long metric, String type) {}

    public record Snapshot(List<Link> links, List<Address> addresses, List<Route> routes) {
        public Map<Integer, String> names() {
            Map<Integer, String> m = new HashMap<>();
            for (Link l : links) m.put(l.index(), l.name());
            return m;
        }
    }

    public static Snapshot read(String netns) throws Exception {
        return InNetns.call(netns, NetlinkReader::readHere);
    }

    /** Reads the calling thread's own namespace. */
    static Snapshot readHere() {
        try (NetlinkSocket s = new NetlinkSocket()) {
            List<Link> links = new ArrayList<>();
            for (ByteBuffer m : s.dump(NlMessage.dump(RTM_GETLINK).u8(AF_UNSPEC).u8(0).u16(0).u32(0).u32(0).u32(0))) links.add(link(m));
            List<Address> addrs = new ArrayList<>();
            for (ByteBuffer m : s.dump(NlMessage.dump(RTM_GETADDR).u8(AF_UNSPEC).u8(0).u8(0).u8(0).u32(0))) addrs.add(address(m));
            List<Route> routes = new ArrayList<>();
            for (int family : new int[] {AF_INET, AF_INET6}) {
                for (ByteBuffer m : s.dump(NlMessage.dump(RTM_GETROUTE).u8(family).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u32(0))) {
                    Route r = route(m);
                    if (r != null) routes.add(r);
                }
            }
            return new Snapshot(links, addrs, routes);
        }
    }

    /** Calls {@code visit(type, payload)} for every attribute from {@code offset} to the end of the message. */
    private static Map<Integer, byte[]> attrs(ByteBuffer m, int offset, int end) {
        Map<Integer, byte[]> out = new HashMap<>();
        int p = offset;
        while (p + 4 <= end) {
            int len = m.getShort(p) & 0xffff;
            int type = m.getShort(p + 2) & 0x3fff;
            if (len < 4 || p + len > end) break;
            byte[] v = new byte[len - 4];
            m.get(p + 4, v, 0, v.length);
            out.putIfAbsent(type, v);
            p += (len + 3) & ~3;
        }
        return out;
    }

    private static String string(byte[] v) {
        if (v == null) return null;
        int n = 0;
        while (n < v.length && v[n] != 0) n++;
        return new String(v, 0, n, StandardCharsets.UTF_8);
    }

    private static int u32(byte[] v) {
        return v == null ? 0 : ByteBuffer.wrap(v).order(java.nio.ByteOrder.nativeOrder()).getInt();
    }

    private static Link link(ByteBuffer m) {
        int len = m.getInt(0);
        int index = m.getInt(16 + 4);
        int flags = m.getInt(16 + 8);
        Map<Integer, byte[]> a = attrs(m, 32, len);
        byte[] mac = a.get(1);
        int oper = a.get(16) == null ? 0 : a.get(16)[0] & 0xff;
        String kind = null;
        byte[] info = a.get(18);
        if (info != null) {
            ByteBuffer ib = ByteBuffer.wrap(info).order(java.nio.ByteOrder.nativeOrder());
            kind = string(attrs(ib, 0, info.length).get(1));
        }
        return new Link(index, string(a.get(3)), (flags & IFF_UP) != 0, oper < OPERSTATES.length ? OPERSTATES[oper] : "UNKNOWN",
                mac == null ? "" : macText(mac), u32(a.get(4)), kind, u32(a.get(10)), string(a.get(20)));
    }

    private static String macText(byte[] mac) {
        StringBuilder sb = new StringBuilder();
        for (byte b : mac) {
            if (sb.length() > 0) sb.append(':');
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }

    private static Address address(ByteBuffer m) {
        int len = m.getInt(0);
        int family = m.get(16) & 0xff;
        int prefix = m.get(17) & 0xff;
        int scope = m.get(19) & 0xff;
        int index = m.getInt(20);
        Map<Integer, byte[]> a = attrs(m, 24, len);
        byte[] addr = a.containsKey(2) ? a.get(2) : a.get(1); // IFA_LOCAL, else IFA_ADDRESS
        String scopeName = scope == 0 ? "global" : scope == 253 ? "link" : scope == 254 ? "host" : Integer.toString(scope);
        return new Address(index, ip(addr, family) + "/" + prefix, scopeName, family == AF_INET6);
    }

    private static Route route(ByteBuffer m) {
        int len = m.getInt(0);
        int family = m.get(16) & 0xff;
        int dstLen = m.get(17) & 0xff;
        int table = m.get(20) & 0xff;
        int type = m.get(23) & 0xff;
        Map<Integer, byte[]> a = attrs(m, 28, len);
        if (a.containsKey(15)) table = u32(a.get(15));
        if (table != 254) return null;
        String dst = a.containsKey(1) ? ip(a.get(1), family) + "/" + dstLen : dstLen == 0 ? "default" : "?";
        String types = type == 1 ? "unicast" : type == 2 ? "local" : type == 5 ? "multicast" : type == 6 ? "blackhole" : type == 7 ? "unreachable" : "other";
        return new Route(family == AF_INET6, dst, a.containsKey(5) ? ip(a.get(5), family) : null, u32(a.get(4)),
                a.containsKey(6) ? Integer.toUnsignedLong(u32(a.get(6))) : -1, types);
    }

    private static String ip(byte[] raw, int family) {
        if (raw == null) return "?";
        return IpAddress.fromBytes(raw).toString();
    }
}
