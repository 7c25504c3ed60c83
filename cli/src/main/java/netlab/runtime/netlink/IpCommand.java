package netlab.runtime.netlink;

import java.util.List;
import java.util.Optional;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.net.MacAddress;

/**
 * The part of iproute2's language netlab's planner writes for links, addresses and routes, parsed back into
 * typed requests so they can be sent over netlink from the JVM. Anything else (tunnels, VLANs, neighbours…)
 * parses to empty and is left to {@code ip} itself, so this never has to know every op other code adds.
 */
sealed interface IpCommand {

    /** {@code link set dev X [up|down] [mtu N] [address M] [master B|nomaster] [alias T] [addrgenmode none|eui64]
     *  [type bridge_slave [learning on|off] [flood on|off] [hairpin on|off]]}. */
    record LinkSet(String dev, Optional<Boolean> up, Optional<Integer> mtu, Optional<MacAddress> mac, Optional<String> master,
                   boolean noMaster, Optional<String> alias, Optional<Boolean> addrGenNone, Optional<Boolean> learning,
                   Optional<Boolean> flood, Optional<Boolean> hairpin) implements IpCommand {}

    /**
     * {@code link add name X [address M] [mtu N] [netns NS] type bridge [stp_state N] [ageing_time N] [vlan_filtering N]
     * [vlan_default_pvid N]}.
     */
    record AddBridge(String name, Optional<MacAddress> mac, Optional<Integer> mtu, Optional<String> netns,
                     Optional<Integer> stpState, Optional<Integer> ageingTime, Optional<Integer> vlanFiltering,
                     Optional<Integer> vlanDefaultPvid) implements IpCommand {
        AddBridge(String name, Optional<MacAddress> mac, Optional<Integer> mtu, Optional<String> netns,
                  Optional<Integer> stpState, Optional<Integer> ageingTime) {
            this(name, mac, mtu, netns, stpState, ageingTime, Optional.empty(), Optional.empty());
        }
    }

    /** {@code link add name X [address M] [mtu N] [netns NS] type veth peer name Y [address M] [mtu N] [netns NS]}. */
    record AddVeth(End a, End b) implements IpCommand {}

    record End(String name, Optional<MacAddress> mac, Optional<Integer> mtu, Optional<String> netns) {}

    /** {@code addr add|replace CIDR dev X [nodad]}. */
    record AddrAdd(Cidr cidr, String dev, boolean replace, boolean nodad) implements IpCommand {}

    /** {@code route add|replace DEST [via GW] [dev X] [metric N]}; DEST is a prefix or "default". */
    record RouteAdd(Optional<Cidr> dst, boolean v6, Optional<IpAddress> via, Optional<String> dev, Optional<Integer> metric,
                    boolean replace) implements IpCommand {}

    static Optional<IpCommand> parse(String line) {
        List<String> w = List.of(line.trim().split("\\s+"));
        try {
            if (w.size() >= 4 && w.get(0).equals("link") && w.get(1).equals("set") && w.get(2).equals("dev")) return linkSet(w);
            if (w.size() >= 4 && w.get(0).equals("link") && w.get(1).equals("add") && w.get(2).equals("name")) return linkAdd(w);
            if (w.size() >= 4 && w.get(0).equals("addr") && (w.get(1).equals("add") || w.get(1).equals("replace"))) return addr(w);
            if (w.size() >= 3 && w.get(0).equals("route") && (w.get(1).equals("add") || w.get(1).equals("replace"))) return route(w);
        } catch (RuntimeException e) {
            return Optional.empty(); // not in the subset: ip will run it and report any error itself
        }
        return Optional.empty();
    }

    private static Optional<IpCommand> linkSet(List<String> w) {
        String dev = w.get(3);
        Optional<Boolean> up = Optional.empty(), addrGenNone = Optional.empty(), learning = Optional.empty(), flood = Optional.empty(),
                hairpin = Optional.empty();
        Optional<Integer> mtu = Optional.empty();
        Optional<MacAddress> mac = Optional.empty();
        Optional<String> master = Optional.empty(), alias = Optional.empty();
        boolean noMaster = false, slave = false;
        for (int i = 4; i < w.size(); i++) {
            String k = w.get(i);
            switch (k) {
                case "up" -> up = Optional.of(true);
                case "down" -> up = Optional.of(false);
                case "mtu" -> mtu = Optional.of(Integer.parseInt(w.get(++i)));
                case "address" -> mac = Optional.of(MacAddress.parse(w.get(++i)).orElseThrow());
                case "master" -> master = Optional.of(w.get(++i));
                case "nomaster" -> noMaster = true;
                case "alias" -> alias = Optional.of(w.get(++i));
                case "addrgenmode" -> {
                    String m = w.get(++i);
                    if (!m.equals("none") && !m.equals("eui64")) return Optional.empty();
                    addrGenNone = Optional.of(m.equals("none"));
                }
                case "type" -> {
                    if (!w.get(++i).equals("bridge_slave")) return Optional.empty();
                    slave = true;
                }
                case "learning" -> {
                    if (!slave) return Optional.empty();
                    learning = Optional.of(onOff(w.get(++i)));
                }
                case "flood" -> {
                    if (!slave) return Optional.empty();
                    flood = Optional.of(onOff(w.get(++i)));
                }
                case "hairpin" -> {
                    if (!slave) return Optional.empty();
                    hairpin = Optional.of(onOff(w.get(++i)));
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (alias.isPresent() && w.indexOf("alias") != w.size() - 2) return Optional.empty(); // aliases with spaces: leave to ip
        return Optional.of(new LinkSet(dev, up, mtu, mac, master, noMaster, alias, addrGenNone, learning, flood, hairpin));
    }

    private static boolean onOff(String s) {
        if (s.equals("on")) return true;
        if (s.equals("off")) return false;
        throw new IllegalArgumentException(s);
    }

    private static Optional<IpCommand> linkAdd(List<String> w) {
        int type = w.indexOf("type");
        if (type < 0 || type + 1 >= w.size()) return Optional.empty();
        End a = end(w.subList(3, type), w.get(3));
        String kind = w.get(type + 1);
        List<String> rest = w.subList(type + 2, w.size());
        if (kind.equals("bridge")) {
            Optional<Integer> stp = Optional.empty(), ageing = Optional.empty(), vlanFiltering = Optional.empty(), pvid = Optional.empty();
            for (int i = 0; i < rest.size(); i++) {
                switch (rest.get(i)) {
                    case "stp_state" -> stp = Optional.of(Integer.parseInt(rest.get(++i)));
                    case "ageing_time" -> ageing = Optional.of(Integer.parseInt(rest.get(++i)));
                    case "vlan_filtering" -> vlanFiltering = Optional.of(Integer.parseInt(rest.get(++i)));
                    case "vlan_default_pvid" -> pvid = Optional.of(Integer.parseInt(rest.get(++i)));
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(new AddBridge(a.name(), a.mac(), a.mtu(), a.netns(), stp, ageing, vlanFiltering, pvid));
        }
        if (kind.equals("veth") && rest.size() >= 3 && rest.get(0).equals("peer") && rest.get(1).equals("name")) {
            return Optional.of(new AddVeth(a, end(rest.subList(2, rest.size()), rest.get(2))));
        }
        return Optional.empty();
    }

    /** "NAME [address M] [mtu N] [netns NS]" — the words after "name" (first word is the name). */
    private static End end(List<String> w, String name) {
        Optional<MacAddress> mac = Optional.empty();
        Optional<Integer> mtu = Optional.empty();
        Optional<String> netns = Optional.empty();
        for (int i = 1; i < w.size(); i++) {
            switch (w.get(i)) {
                case "address" -> mac = Optional.of(MacAddress.parse(w.get(++i)).orElseThrow());
                case "mtu" -> mtu = Optional.of(Integer.parseInt(w.get(++i)));
                case "netns" -> netns = Optional.of(w.get(++i));
                default -> throw new IllegalArgumentException(w.get(i));
            }
        }
        return new End(name, mac, mtu, netns);
    }

    private static Optional<IpCommand> addr(List<String> w) {
        Cidr c = Cidr.parse(w.get(2)).orElseThrow();
        if (!w.get(3).equals("dev") || w.size() < 5) return Optional.empty();
        boolean nodad = false;
        for (int i = 5; i < w.size(); i++) {
            if (w.get(i).equals("nodad")) nodad = true;
            else return Optional.empty();
        }
        return Optional.of(new AddrAdd(c, w.get(4), w.get(1).equals("replace"), nodad));
    }

    private static Optional<IpCommand> route(List<String> w) {
        String d = w.get(2);
        Optional<Cidr> dst;
        boolean v6;
        Optional<IpAddress> via = Optional.empty();
        Optional<String> dev = Optional.empty();
        Optional<Integer> metric = Optional.empty();
        for (int i = 3; i < w.size(); i++) {
            switch (w.get(i)) {
                case "via" -> via = Optional.of(IpAddress.parse(w.get(++i)).orElseThrow());
                case "dev" -> dev = Optional.of(w.get(++i));
                case "metric" -> metric = Optional.of(Integer.parseUnsignedInt(w.get(++i)));
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (d.equals("default")) {
            if (via.isEmpty()) return Optional.empty();
            dst = Optional.empty();
            v6 = via.get().isV6();
        } else {
            Cidr c = Cidr.parse(d).orElseThrow();
            dst = c.prefix() == 0 ? Optional.empty() : Optional.of(c);
            v6 = c.isV6();
        }
        if (via.isPresent() && via.get().isV6() != v6) return Optional.empty();
        return Optional.of(new RouteAdd(dst, v6, via, dev, metric, w.get(1).equals("replace")));
    }
}
