package netlab.runtime.netlink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.net.IpAddress;

/**
 * One network namespace as its kernel holds it, read over netlink from a thread inside it (see {@link NetlinkReader}):
 * links with their kind-specific settings, addresses, routes of every table and type, policy rules, neighbour and
 * forwarding (FDB) entries, bridge port VLANs, qdiscs, and, from /proc of the same thread, the sysctls asked for, the
 * TCP ports something listens on (when asked: see {@link NetlinkReader.Wants}), and whether the namespace has firewall
 * tables at all.
 *
 * <p>Objects a repair may delete keep the body of the netlink message the kernel listed them with ({@code raw}), so
 * the deletion names exactly that object.
 */
public record KernelState(List<Link> links, List<Address> addresses, List<Route> routes, List<PolicyRule> policyRules,
                          List<Neighbour> neighbours, List<Fdb> fdb, Map<Integer, List<Vlan>> vlans, List<Qdisc> qdiscs,
                          Map<String, String> sysctls, Set<Integer> listening, Firewall firewall) {

    public KernelState {
        links = List.copyOf(links);
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        policyRules = List.copyOf(policyRules);
        neighbours = List.copyOf(neighbours);
        fdb = List.copyOf(fdb);
        vlans = Map.copyOf(vlans);
        qdiscs = List.copyOf(qdiscs);
        sysctls = Map.copyOf(sysctls);
        listening = Set.copyOf(listening);
    }

    /**
     * A network interface.
     *
     * @param kind     the driver ("veth", "bridge", "vxlan"…), null for the loopback and other kind-less devices
     * @param master   ifindex of the bridge it is a port of, 0 for none
     * @param info     the kind's settings netlab compares: bridge ageing_time, stp_state, vlan_filtering; vxlan id,
     *                 dstport, learning
     * @param port     as a bridge port: learning, flood, hairpin (1 or 0); empty when it is none
     */
    public record Link(int index, String name, String kind, boolean up, String operstate, String mac, int mtu, int master,
                       String alias, Map<String, Long> info, Map<String, Long> port) {
        public Link {
            info = Map.copyOf(info);
            port = Map.copyOf(port);
        }

        public String kindOrLoopback() {
            return kind != null ? kind : name.equals("lo") ? "loopback" : "device";
        }
    }

    /** An address of an interface; {@code scope}: 0 global, 253 link, 254 host. */
    public record Address(int index, boolean v6, IpAddress address, int prefix, int scope, byte[] raw) {
        public String cidr() {
            return address + "/" + prefix;
        }
    }

    /**
     * A route of any table.
     *
     * @param dst      the destination prefix ("10.0.0.0/24", "::/0" for a v6 default); IPv4 "0.0.0.0/0" for a v4 default
     * @param metric   the priority, -1 when the kernel gave none
     * @param onlink   the gateway is taken as reachable on the device
     */
    public record Route(boolean v6, int table, int type, int protocol, String dst, int tos, IpAddress gateway, int oif, long metric,
                        boolean onlink, boolean multipath, byte[] raw) {
        public static final int TABLE_MAIN = 254, TABLE_LOCAL = 255;
        public static final int PROTO_KERNEL = 2;
        /**
         * The protocols a routing daemon installs its routes with (FRR's zebra: zebra 11, bgp 186, isis 187, ospf 188,
         * rip 189, ripng 190, nhrp 191, eigrp 192, ldp 193, sharp 194, pbr 195, static 196, openfabric 197, srte 198;
         * babel 42). netlab's own routes are never of these (its plan's routes are {@code boot}).
         */
        public static final java.util.Set<Integer> ROUTING_DAEMON_PROTOCOLS = java.util.Set.of(11, 42, 186, 187, 188, 189, 190, 191, 192, 193,
                194, 195, 196, 197, 198);

        /** Installed by a routing daemon the lab runs (OSPF, BGP...): learned, not planned. */
        public boolean byRoutingDaemon() {
            return ROUTING_DAEMON_PROTOCOLS.contains(protocol);
        }

        public boolean isDefault() {
            return dst.endsWith("/0");
        }

        public String typeName() {
            return typeName(type);
        }

        public static String typeName(int type) {
            return switch (type) {
                case 1 -> "unicast";
                case 2 -> "local";
                case 3 -> "broadcast";
                case 4 -> "anycast";
                case 5 -> "multicast";
                case 6 -> "blackhole";
                case 7 -> "unreachable";
                case 8 -> "prohibit";
                case 9 -> "throw";
                case 10 -> "nat";
                default -> "type" + type;
            };
        }

        public static String tableName(int table) {
            return switch (table) {
                case TABLE_MAIN -> "main";
                case TABLE_LOCAL -> "local";
                case 253 -> "default";
                default -> Integer.toString(table);
            };
        }

        /** The route as {@code ip route} writes it, with interface names from {@code names}. */
        public String describe(Map<Integer, String> names) {
            StringBuilder sb = new StringBuilder();
            if (type != 1) sb.append(typeName()).append(' ');
            sb.append(isDefault() ? (v6 ? "default (IPv6)" : "default") : dst);
            if (gateway != null) sb.append(" via ").append(gateway);
            if (oif > 0) sb.append(" dev ").append(names.getOrDefault(oif, "if" + oif));
            if (onlink) sb.append(" onlink");
            if (multipath) sb.append(" (multipath)");
            if (table != TABLE_MAIN) sb.append(" table ").append(tableName(table));
            if (metric > 0 && !(v6 && (metric == 1024 || metric == 256) && table == TABLE_MAIN)) sb.append(" metric ").append(metric);
            if (tos != 0) sb.append(" tos ").append(tos);
            return sb.toString();
        }
    }

    /** A policy routing rule ({@code ip rule}); {@code describe}: its selectors and action as ip prints them. */
    public record PolicyRule(boolean v6, int priority, long table, int action, boolean selectors, String describe, byte[] raw) {
        /** The three rules every namespace starts with: local at 0, main at 32766, default at 32767 (IPv4 only). */
        public boolean isKernelDefault() {
            if (action != 1 || selectors) return false;
            return (priority == 0 && table == Route.TABLE_LOCAL) || (priority == 32766 && table == Route.TABLE_MAIN)
                    || (priority == 32767 && table == 253);
        }
    }

    /** A neighbour (ARP/NDP) entry; {@code state}: NUD_* bits (0x80 permanent, 0x40 noarp, 0x02 reachable…). */
    public record Neighbour(boolean v6, int index, IpAddress dst, String lladdr, int state, byte[] raw) {
        public static final int NUD_PERMANENT = 0x80;

        public boolean permanent() {
            return (state & NUD_PERMANENT) != 0;
        }
    }

    /**
     * A forwarding (FDB) entry of a bridge port or a VXLAN device ({@code bridge fdb}).
     *
     * @param self   the device's own table (a VXLAN's remote VTEPs, a device's address list), as opposed to
     * @param master the bridge's table, where the entry belongs to port {@code index}
     * @param dst    the remote VTEP of a VXLAN entry, null for others
     */
    public record Fdb(int index, String mac, IpAddress dst, int vlan, int state, boolean self, boolean master, byte[] raw) {
        public static final int NUD_NOARP = 0x40;

        /** Made by hand or by configuration ("permanent" or "static"), not learned from traffic. */
        public boolean isStatic() {
            return (state & (Neighbour.NUD_PERMANENT | NUD_NOARP)) != 0;
        }

        public boolean multicast() {
            return (Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0;
        }
    }

    /** A VLAN of a bridge port (or of the bridge itself): {@code pvid} and {@code untagged} as {@code bridge vlan} shows them. */
    public record Vlan(int vid, boolean pvid, boolean untagged) {}

    /**
     * A queueing discipline. {@code parent} 0xFFFFFFFF is the root, 0xFFFFFFF1 ingress/clsact; {@code handle} 0 marks the
     * kernel's default one (noqueue, pfifo_fast, mq); {@code options} the raw TCA_OPTIONS.
     */
    public record Qdisc(int index, int handle, int parent, String kind, byte[] options, byte[] raw) {
        public static final int ROOT = 0xFFFFFFFF, INGRESS = 0xFFFFFFF1;

        public boolean root() {
            return parent == ROOT;
        }

        public boolean kernelDefault() {
            return handle == 0;
        }
    }

    /**
     * Whether the namespace has any IPv4 / IPv6 firewall tables (nf_tables or legacy): without any it has no rules.
     * {@code nftTables}: the nf_tables ones by family and name ("ip filter", "ip6 nat"), which can be deleted whole.
     */
    public record Firewall(boolean ipv4, boolean ipv6, Set<String> nftTables) {
        public Firewall {
            nftTables = Set.copyOf(nftTables);
        }

        public Firewall(boolean ipv4, boolean ipv6) {
            this(ipv4, ipv6, Set.of());
        }
    }

    public Map<Integer, String> names() {
        Map<Integer, String> m = new HashMap<>();
        for (Link l : links) m.put(l.index(), l.name());
        return m;
    }

    public Optional<Link> link(String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public Optional<Link> link(int index) {
        return links.stream().filter(l -> l.index() == index).findFirst();
    }
}
