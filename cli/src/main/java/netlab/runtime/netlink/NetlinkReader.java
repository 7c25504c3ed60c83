package netlab.runtime.netlink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netlab.net.IpAddress;
import netlab.runtime.Listeners;
import netlab.runtime.ns.InNetns;

/**
 * Reads a namespace's whole network state from a JVM thread inside it: netlink dumps of links, addresses, routes (every
 * table), policy rules, neighbours, FDB entries, bridge VLANs and qdiscs, and from the thread's own /proc the sysctls
 * asked for, listening TCP ports and firewall tables. What {@code ip -d link}, {@code ip addr}, {@code ip route show
 * table all}, {@code ip rule}, {@code ip neigh}, {@code bridge fdb}, {@code bridge vlan}, {@code tc qdisc} and
 * {@code sysctl} print, without a process per node.
 */
public final class NetlinkReader {
    private static final int RTM_GETLINK = 18, RTM_GETADDR = 22, RTM_GETROUTE = 26, RTM_GETNEIGH = 30, RTM_GETRULE = 34,
            RTM_GETQDISC = 38;
    private static final int AF_UNSPEC = 0, AF_INET = 2, AF_BRIDGE = 7, AF_INET6 = 10;
    private static final int IFF_UP = 0x1;
    private static final int RTM_F_CLONED = 0x200, RTNH_F_ONLINK = 0x4;
    private static final int NTF_SELF = 0x02, NTF_MASTER = 0x04;
    private static final int IFLA_EXT_MASK = 29, RTEXT_FILTER_BRVLAN = 1 << 1, RTEXT_FILTER_SKIP_STATS = 1 << 3, IFLA_AF_SPEC = 26, IFLA_BRIDGE_VLAN_INFO = 2;
    private static final int BRIDGE_VLAN_INFO_PVID = 2, BRIDGE_VLAN_INFO_UNTAGGED = 4;
    private static final String[] OPERSTATES = {"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"};

    private NetlinkReader() {}

    /**
     * What to read besides links, addresses, routes, policy rules, neighbours, FDB entries and qdiscs.
     *
     * @param sysctls   keys to read ({@code net.ipv4.ip_forward}); a key the namespace lacks reads as absent
     * @param vlans     bridge port VLANs (only VLAN-aware labs need them)
     * @param listening listening TCP ports (only where servers are expected: /proc/net/tcp walks the kernel's whole
     *                  socket table, every namespace's, which costs milliseconds per namespace)
     */
    public record Wants(Collection<String> sysctls, boolean vlans, boolean listening) {
        public static final Wants BASIC = new Wants(List.of(), false, false);
    }

    public static KernelState read(String netns, Wants wants) throws Exception {
        return InNetns.call(netns, () -> readHere(wants));
    }

    /** The names of a namespace's interfaces (one netlink dump). */
    public static Set<String> linkNames(String netns) throws Exception {
        return InNetns.call(netns, () -> {
            Set<String> out = new java.util.HashSet<>();
            try (NetlinkSocket s = new NetlinkSocket()) {
                for (ByteBuffer m : s.dump(linkDump())) out.add(link(m).name());
            }
            return out;
        });
    }

    /** The TCP ports something listens on in a namespace, from its socket tables (no process). */
    public static Set<Integer> listening(String netns) throws Exception {
        return InNetns.call(netns, NetlinkReader::listening);
    }

    /** A dump of every link without its counters (RTEXT_FILTER_SKIP_STATS): a third of the bytes, none of them needed. */
    private static NlMessage linkDump() {
        NlMessage m = NlMessage.dump(RTM_GETLINK).u8(AF_UNSPEC).u8(0).u16(0).u32(0).u32(0).u32(0);
        m.attrU32(IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
        return m;
    }

    /** Reads the calling thread's own namespace. */
    static KernelState readHere(Wants wants) {
        try (NetlinkSocket s = new NetlinkSocket()) {
            List<KernelState.Link> links = new ArrayList<>();
            for (ByteBuffer m : s.dump(linkDump())) links.add(link(m));
            List<KernelState.Address> addrs = new ArrayList<>();
            for (ByteBuffer m : s.dump(NlMessage.dump(RTM_GETADDR).u8(AF_UNSPEC).u8(0).u8(0).u8(0).u32(0))) addrs.add(address(m));
            // one dump each for both families (AF_UNSPEC): IPv4 and IPv6 routes, policy rules and neighbours
            List<KernelState.Route> routes = new ArrayList<>();
            for (ByteBuffer m : s.dump(NlMessage.dump(RTM_GETROUTE).u8(AF_UNSPEC).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u32(0))) {
                int family = m.get(16) & 0xff;
                if (family != AF_INET && family != AF_INET6) continue; // multicast routing tables and other families
                KernelState.Route r = route(m);
                if (r != null) routes.add(r);
            }
            List<KernelState.PolicyRule> rules = new ArrayList<>();
            for (ByteBuffer m : s.dump(NlMessage.dump(RTM_GETRULE).u8(AF_UNSPEC).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u32(0))) {
                int family = m.get(16) & 0xff;
                if (family == AF_INET || family == AF_INET6) rules.add(policyRule(m));
            }
            List<KernelState.Neighbour> neighbours = new ArrayList<>();
            for (ByteBuffer m : s.dump(NlMessage.dump(RTM_GETNEIGH).u8(AF_UNSPEC).u8(0).u16(0).u32(0).u16(0).u8(0).u8(0))) {
                int family = m.get(16) & 0xff;
                if (family == AF_INET || family == AF_INET6) neighbours.add(neighbour(m));
            }
            List<KernelState.Fdb> fdb = new ArrayList<>();
            for (ByteBuffer m : s.dump(NlMessage.dump(RTM_GETNEIGH).u8(AF_BRIDGE).u8(0).u16(0).u32(0).u16(0).u8(0).u8(0))) fdb.add(fdb(m));
            Map<Integer, List<KernelState.Vlan>> vlans = new HashMap<>();
            if (wants.vlans()) {
                NlMessage req = NlMessage.dump(RTM_GETLINK).u8(AF_BRIDGE).u8(0).u16(0).u32(0).u32(0).u32(0);
                req.attrU32(IFLA_EXT_MASK, RTEXT_FILTER_BRVLAN);
                for (ByteBuffer m : s.dump(req)) vlans(m, vlans);
            }
            List<KernelState.Qdisc> qdiscs = new ArrayList<>();
            for (ByteBuffer m : s.dump(NlMessage.dump(RTM_GETQDISC).u8(AF_UNSPEC).u8(0).u16(0).u32(0).u32(0).u32(0).u32(0))) qdiscs.add(qdisc(m));
            return new KernelState(links, addrs, routes, rules, neighbours, fdb, vlans, qdiscs, sysctls(wants.sysctls()),
                    wants.listening() ? listening() : Set.of(), firewall());
        }
    }

    // ---- attributes

    /** Attributes from {@code offset} to {@code end}: type → payload (the first of a type). */
    static Map<Integer, byte[]> attrs(ByteBuffer m, int offset, int end) {
        Map<Integer, byte[]> out = new HashMap<>();
        int p = offset;
        while (p + 4 <= end) {
            int len = m.getShort(p) & 0xffff;
            int type = m.getShort(p + 2) & 0x3fff;
            if (len < 4 || p + len > end) break;
            if (!out.containsKey(type)) {
                byte[] v = new byte[len - 4];
                m.get(p + 4, v, 0, v.length);
                out.put(type, v);
            }
            p += (len + 3) & ~3;
        }
        return out;
    }

    /** Attributes from {@code offset} to {@code end}, every occurrence of each type in order. */
    static Map<Integer, List<byte[]>> allAttrs(ByteBuffer m, int offset, int end) {
        Map<Integer, List<byte[]>> out = new LinkedHashMap<>();
        int p = offset;
        while (p + 4 <= end) {
            int len = m.getShort(p) & 0xffff;
            int type = m.getShort(p + 2) & 0x3fff;
            if (len < 4 || p + len > end) break;
            byte[] v = new byte[len - 4];
            m.get(p + 4, v, 0, v.length);
            out.computeIfAbsent(type, k -> new ArrayList<>()).add(v);
            p += (len + 3) & ~3;
        }
        return out;
    }

    private static Map<Integer, byte[]> nested(byte[] v) {
        return v == null ? Map.of() : attrs(ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()), 0, v.length);
    }

    private static String string(byte[] v) {
        if (v == null) return null;
        int n = 0;
        while (n < v.length && v[n] != 0) n++;
        return new String(v, 0, n, StandardCharsets.UTF_8);
    }

    static long unsigned(byte[] v) {
        if (v == null) return 0;
        ByteBuffer b = ByteBuffer.wrap(v).order(ByteOrder.nativeOrder());
        return switch (v.length) {
            case 1 -> v[0] & 0xff;
            case 2 -> b.getShort() & 0xffff;
            case 4 -> Integer.toUnsignedLong(b.getInt());
            case 8 -> b.getLong();
            default -> 0;
        };
    }

    private static int u32(byte[] v) {
        return (int) unsigned(v);
    }

    /** The netlink message without its 16-byte header: what a request naming the same object carries. */
    private static byte[] body(ByteBuffer m) {
        int len = m.getInt(0);
        byte[] out = new byte[len - 16];
        m.get(16, out, 0, out.length);
        return out;
    }

    private static IpAddress ip(byte[] raw) {
        return raw == null || (raw.length != 4 && raw.length != 16) ? null : IpAddress.fromBytes(raw);
    }

    // ---- objects

    private static KernelState.Link link(ByteBuffer m) {
        int len = m.getInt(0);
        int index = m.getInt(16 + 4);
        int flags = m.getInt(16 + 8);
        Map<Integer, byte[]> a = attrs(m, 32, len);
        byte[] mac = a.get(1);
        int oper = a.get(16) == null ? 0 : a.get(16)[0] & 0xff;
        Map<Integer, byte[]> info = nested(a.get(18));
        String kind = string(info.get(1));
        Map<String, Long> settings = new HashMap<>();
        Map<Integer, byte[]> data = nested(info.get(2));
        if ("bridge".equals(kind)) {
            put(settings, "ageing_time", data.get(4));
            put(settings, "stp_state", data.get(5));
            put(settings, "vlan_filtering", data.get(7));
        } else if ("vxlan".equals(kind)) {
            put(settings, "id", data.get(1));
            put(settings, "learning", data.get(7));
            byte[] port = data.get(15);
            if (port != null && port.length == 2) settings.put("dstport", (long) (((port[0] & 0xff) << 8) | (port[1] & 0xff)));
        }
        Map<String, Long> port = new HashMap<>();
        if ("bridge".equals(string(info.get(4)))) {
            Map<Integer, byte[]> slave = nested(info.get(5));
            put(port, "hairpin", slave.get(4));
            put(port, "learning", slave.get(8));
            put(port, "flood", slave.get(9));
        }
        return new KernelState.Link(index, string(a.get(3)), kind, (flags & IFF_UP) != 0, oper < OPERSTATES.length ? OPERSTATES[oper] : "UNKNOWN",
                mac == null ? "" : macText(mac), u32(a.get(4)), u32(a.get(10)), string(a.get(20)), settings, port);
    }

    private static void put(Map<String, Long> into, String key, byte[] v) {
        if (v != null) into.put(key, unsigned(v));
    }

    static String macText(byte[] mac) {
        StringBuilder sb = new StringBuilder();
        for (byte b : mac) {
            if (sb.length() > 0) sb.append(':');
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    private static KernelState.Address address(ByteBuffer m) {
        int len = m.getInt(0);
        int family = m.get(16) & 0xff;
        int prefix = m.get(17) & 0xff;
        int scope = m.get(19) & 0xff;
        int index = m.getInt(20);
        Map<Integer, byte[]> a = attrs(m, 24, len);
        byte[] addr = a.containsKey(2) ? a.get(2) : a.get(1); // IFA_LOCAL, else IFA_ADDRESS
        return new KernelState.Address(index, family == AF_INET6, ip(addr), prefix, scope, body(m));
    }

    private static KernelState.Route route(ByteBuffer m) {
        int len = m.getInt(0);
        int family = m.get(16) & 0xff;
        int dstLen = m.get(17) & 0xff;
        int tos = m.get(19) & 0xff;
        int table = m.get(20) & 0xff;
        int protocol = m.get(21) & 0xff;
        int type = m.get(23) & 0xff;
        int flags = m.getInt(24);
        if ((flags & RTM_F_CLONED) != 0) return null; // a cached exception, not a route of the table
        Map<Integer, byte[]> a = attrs(m, 28, len);
        if (a.containsKey(15)) table = u32(a.get(15));
        boolean v6 = family == AF_INET6;
        IpAddress dstAddr = ip(a.get(1));
        String dst = dstAddr != null ? dstAddr + "/" + dstLen : (v6 ? "::/0" : "0.0.0.0/0");
        long metric = a.containsKey(6) ? unsigned(a.get(6)) : -1;
        return new KernelState.Route(v6, table, type, protocol, dst, tos, ip(a.get(5)), u32(a.get(4)), metric,
                (flags & RTNH_F_ONLINK) != 0, a.containsKey(9), body(m));
    }

    private static KernelState.PolicyRule policyRule(ByteBuffer m) {
        int len = m.getInt(0);
        int family = m.get(16) & 0xff;
        int dstLen = m.get(17) & 0xff, srcLen = m.get(18) & 0xff, tos = m.get(19) & 0xff;
        int table = m.get(20) & 0xff;
        int action = m.get(23) & 0xff;
        Map<Integer, byte[]> a = attrs(m, 28, len);
        long t = a.containsKey(15) ? unsigned(a.get(15)) : table;
        int priority = (int) unsigned(a.get(6));
        StringBuilder sb = new StringBuilder("priority " + priority);
        boolean selectors = false;
        if (a.containsKey(2)) { sb.append(" from ").append(ip(a.get(2))).append('/').append(srcLen); selectors = true; }
        if (a.containsKey(1)) { sb.append(" to ").append(ip(a.get(1))).append('/').append(dstLen); selectors = true; }
        if (a.containsKey(3)) { sb.append(" iif ").append(string(a.get(3))); selectors = true; }
        if (a.containsKey(17)) { sb.append(" oif ").append(string(a.get(17))); selectors = true; }
        if (a.containsKey(10)) { sb.append(" fwmark ").append(unsigned(a.get(10))); selectors = true; }
        if (tos != 0) { sb.append(" tos ").append(tos); selectors = true; }
        for (int other : new int[] {12, 20, 22, 23, 24}) if (a.containsKey(other)) selectors = true; // tun_id, uid, ipproto, ports
        switch (action) {
            case 1 -> sb.append(" lookup ").append(KernelState.Route.tableName((int) t));
            case 2 -> sb.append(" goto");
            case 3 -> sb.append(" nop");
            case 6 -> sb.append(" blackhole");
            case 7 -> sb.append(" unreachable");
            case 8 -> sb.append(" prohibit");
            default -> sb.append(" action ").append(action);
        }
        return new KernelState.PolicyRule(family == AF_INET6, priority, t, action, selectors, sb.toString(), body(m));
    }

    private static KernelState.Neighbour neighbour(ByteBuffer m) {
        int len = m.getInt(0);
        int family = m.get(16) & 0xff;
        int index = m.getInt(20);
        int state = m.getShort(24) & 0xffff;
        Map<Integer, byte[]> a = attrs(m, 28, len);
        return new KernelState.Neighbour(family == AF_INET6, index, ip(a.get(1)), a.containsKey(2) ? macText(a.get(2)) : null, state, body(m));
    }

    private static KernelState.Fdb fdb(ByteBuffer m) {
        int len = m.getInt(0);
        int index = m.getInt(20);
        int state = m.getShort(24) & 0xffff;
        int flags = m.get(26) & 0xff;
        Map<Integer, byte[]> a = attrs(m, 28, len);
        return new KernelState.Fdb(index, a.containsKey(2) ? macText(a.get(2)) : "", ip(a.get(1)), (int) unsigned(a.get(5)), state,
                (flags & NTF_SELF) != 0, (flags & NTF_MASTER) != 0 || a.containsKey(9), body(m)); // a bridge's entries name it in NDA_MASTER
    }

    private static void vlans(ByteBuffer m, Map<Integer, List<KernelState.Vlan>> out) {
        int len = m.getInt(0);
        int index = m.getInt(20);
        byte[] spec = attrs(m, 32, len).get(IFLA_AF_SPEC);
        if (spec == null) return;
        List<byte[]> infos = allAttrs(ByteBuffer.wrap(spec).order(ByteOrder.nativeOrder()), 0, spec.length).getOrDefault(IFLA_BRIDGE_VLAN_INFO, List.of());
        List<KernelState.Vlan> vs = new ArrayList<>();
        for (byte[] v : infos) {
            if (v.length < 4) continue;
            ByteBuffer b = ByteBuffer.wrap(v).order(ByteOrder.nativeOrder());
            int flags = b.getShort(0) & 0xffff, vid = b.getShort(2) & 0xffff;
            vs.add(new KernelState.Vlan(vid, (flags & BRIDGE_VLAN_INFO_PVID) != 0, (flags & BRIDGE_VLAN_INFO_UNTAGGED) != 0));
        }
        out.put(index, vs);
    }

    private static KernelState.Qdisc qdisc(ByteBuffer m) {
        int len = m.getInt(0);
        int index = m.getInt(20);
        int handle = m.getInt(24);
        int parent = m.getInt(28);
        Map<Integer, byte[]> a = attrs(m, 36, len);
        byte[] options = a.get(2);
        return new KernelState.Qdisc(index, handle, parent, string(a.get(1)), options == null ? new byte[0] : options, body(m));
    }

    // ---- from the thread's /proc

    /** Sysctls read from /proc/sys, which shows the namespace of the thread that opens it (as SysctlRunner writes it). */
    private static Map<String, String> sysctls(Collection<String> keys) {
        Map<String, String> out = new HashMap<>();
        for (String key : keys) {
            try {
                // read as a stream to its end: /proc/sys files report size 0, and Files.readString (this JDK) then
                // returned only the first byte: ip_default_ttl 50 was read as "5", and status saw drift that was none
                String text;
                try (java.io.InputStream in = Files.newInputStream(Path.of("/proc/sys", key.replace('.', '/')))) {
                    text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
                }
                out.put(key, text.strip().replaceAll("\\s+", " "));
            } catch (IOException | RuntimeException e) {
                // not a sysctl of this kernel or namespace: absent
            }
        }
        return out;
    }

    /** TCP ports something listens on, from /proc/thread-self/net (this thread's namespace; /proc/self/net is the process's). */
    private static Set<Integer> listening() {
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("tcp", "tcp6")) {
            try {
                sb.append(Files.readString(Path.of("/proc/thread-self/net", f)));
            } catch (IOException e) {
                // no IPv6 in the kernel
            }
        }
        return Listeners.parse(sb.toString());
    }

    /** nf_tables tables of the ip and ip6 families (iptables-nft), or legacy iptables' loaded tables. */
    private static KernelState.Firewall firewall() {
        boolean v4 = legacyTables("ip_tables_names"), v6 = legacyTables("ip6_tables_names");
        Set<String> nft = new java.util.TreeSet<>();
        try (NetlinkSocket s = new NetlinkSocket(NetlinkSocket.NETLINK_NETFILTER)) {
            // NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETTABLE, for every family; the answer's nfgenmsg names each table's
            for (ByteBuffer m : s.dump(NlMessage.dump(10 << 8 | 1).u8(AF_UNSPEC).u8(0).u16(0))) {
                int family = m.get(16) & 0xff;
                String name = string(attrs(m, 20, m.getInt(0)).get(1));
                if (family == AF_INET) {
                    v4 = true;
                    nft.add("ip " + name);
                }
                if (family == AF_INET6) {
                    v6 = true;
                    nft.add("ip6 " + name);
                }
            }
        } catch (NetlinkException e) {
            // no nf_tables in this kernel: only legacy tables can exist
        }
        return new KernelState.Firewall(v4, v6, nft);
    }

    private static boolean legacyTables(String file) {
        try {
            return !Files.readString(Path.of("/proc/thread-self/net", file)).isBlank();
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
