package netlab.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything a lab's namespaces hold, as iproute2, iptables and ss print it (an observer independent of netlab's own
 * netlink reading): links in detail, addresses, routes and policy rules of both families and every table, permanent
 * neighbours, static FDB entries, bridge VLANs, both firewalls, qdiscs, the forwarding sysctls and listening sockets;
 * plus the lab's containers. Two dumps of a lab are equal when it holds the same things: only what legitimately changes
 * is normalised away (counters, timers, address lifetimes, interface indexes, qdisc handles, a bridge's port numbers,
 * learned entries).
 */
public final class KernelDump {
    private static final String DAEMON_ROUTES = " proto (bgp|ospf|isis|rip|ripng|babel|eigrp|openfabric|zebra) ";
    private static final String SCRIPT = String.join("; ",
            "echo '== link'", "ip -d link show",
            // one line per address and per route, sorted: an address or route put back comes after its siblings
            "echo '== addr'", "ip -o addr show | sort",
            // one line per route (-o: an ECMP route's next hops on its own line). Routes a routing daemon learned (ospf, bgp...) come as it converges, later than a fresh lab's dump is
            // taken: they are the daemon's, proved by the lab's routing checks, not part of what up builds
            "echo '== route'", "ip -o route show table all | grep -vE '" + DAEMON_ROUTES + "' | sort",
            "ip -o -6 route show table all | grep -vE '" + DAEMON_ROUTES + "' | sort",
            "echo '== rule'", "ip rule show", "ip -6 rule show",
            "echo '== neigh'", "ip neigh show nud permanent | sort",
            // a device's multicast list changes order when it goes down and up (sorted). Where zebra runs in the namespace
            // (EVPN), the VXLAN devices' flood entries (00:00:00:00:00:00 ... self permanent) are its, from type-3
            // routes that come as BGP converges, later than a fresh lab's dump: proved by the lab's evpn checks
            "echo '== fdb'", "self=$(readlink /proc/self/ns/net); z=; for p in $(pgrep -x zebra); do [ \"$(readlink /proc/$p/ns/net)\" = \"$self\" ] && z=1; done",
            "bridge fdb show | grep -E ' (permanent|static)' | if [ -n \"$z\" ]; then grep -vE '^00:00:00:00:00:00 dev [^ ]+ dst [^ ]+ self permanent$'; else cat; fi | sort",
            "echo '== vlan'", "bridge vlan show",
            "echo '== iptables'", "iptables-save 2>/dev/null", "ip6tables-save 2>/dev/null",
            "echo '== tc'", "tc qdisc show",
            "echo '== sysctl'", "cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv6/conf/all/forwarding",
            "echo '== listen'", "ss -ltnH | sort",
            "true");

    /** What legitimately differs between two dumps of the same lab, and what it is replaced by. */
    private record Normalise(Pattern pattern, String with) {
        Normalise(String regex, String with) {
            this(Pattern.compile(regex), with);
        }
    }

    private static final java.util.List<Normalise> NORMALISE = java.util.List.of(
            new Normalise("(?m)^\\d+: ", "N: "), // interface indexes
            new Normalise("@if\\d+", "@ifN"),
            new Normalise("link-netnsid \\d+", "link-netnsid N"),
            new Normalise("(\\w+_timer) +[\\d.]+", "$1 T"),
            new Normalise("port_id 0x[0-9a-f]+ port_no 0x[0-9a-f]+", "port_id P port_no P"), // a bridge numbers a port again
            new Normalise("designated_port \\d+", "designated_port P"),
            new Normalise("topology_change(_detected)? \\d", "topology_change$1 T"),
            new Normalise("valid_lft \\S+ preferred_lft \\S+", ""),
            new Normalise("qdisc (\\S+) [0-9a-f]+: ", "qdisc $1 H: "), // a replaced qdisc's handle
            new Normalise("parent [0-9a-f]+:", "parent H:"),
            new Normalise("(?m)^#.*\\n", ""), // iptables-save's time stamps
            new Normalise("\\[\\d+:\\d+]", "[]"), // counters
            new Normalise("(?m)^LISTEN +\\d+ +\\d+", "LISTEN"), // queue lengths
            new Normalise("state UNKNOWN", "state UP")); // a bridge's operstate goes UP by itself once a port is up

    private KernelDump() {}

    /** Namespace (and "containers") → what it holds, normalised. */
    public static Map<String, String> of(String lab) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String ns : Leftovers.namespaces(lab)) out.put(ns, normalise(Shell.stdout("ip", "netns", "exec", ns, "sh", "-c", SCRIPT)));
        if (netlab.process.Tools.find("docker").isPresent()) {
            out.put("containers", Shell.stdout("docker", "ps", "-a", "--filter", "label=netlab.lab=" + lab, "--format", "{{.Names}} {{.State}}")
                    .lines().sorted().reduce("", (a, b) -> a + b + "\n"));
        }
        return out;
    }

    static String normalise(String dump) {
        String s = dump;
        for (Normalise n : NORMALISE) s = n.pattern().matcher(s).replaceAll(n.with());
        return s;
    }

    /** The lines of {@code after} that differ from {@code before}, per namespace, for a readable failure. */
    public static String diff(Map<String, String> before, Map<String, String> after) {
        StringBuilder sb = new StringBuilder();
        for (String ns : new java.util.TreeSet<>(union(before, after))) {
            String a = before.getOrDefault(ns, ""), b = after.getOrDefault(ns, "");
            if (a.equals(b)) continue;
            java.util.List<String> al = a.lines().toList(), bl = b.lines().toList();
            sb.append(ns).append(":\n");
            al.stream().filter(l -> !bl.contains(l)).forEach(l -> sb.append("  - ").append(l).append('\n'));
            bl.stream().filter(l -> !al.contains(l)).forEach(l -> sb.append("  + ").append(l).append('\n'));
        }
        return sb.toString();
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> s = new java.util.HashSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }
}
