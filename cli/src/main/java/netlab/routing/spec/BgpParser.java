package netlab.routing.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.yaml.Fields;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YScalar;

/**
 * Reads {@code bgp:} of a node's routing section:
 * <pre>
 * bgp:
 *   as: 65001
 *   router_id: 10.255.0.1
 *   families: [ipv4, evpn]
 *   networks: [10.1.0.0/24]
 *   redistribute: [connected]
 *   policies:
 *     prefer: {local_preference: 200}
 *     longer: {prepend: 2}
 *   neighbors:
 *     - {node: r2}                                   # r2's AS, r2's address on a shared subnet
 *     - {node: r3, via: loopback, route_reflector_client: true}
 *     - {interface: eth2, as: external, import: prefer}
 *     - {address: 192.0.2.1, as: 64999, export: longer, description: upstream}
 * </pre>
 * Checks everything the section alone can tell; what needs the lab (does r2 exist, share a subnet, run BGP) is the
 * resolver's.
 */
final class BgpParser {
    static final Set<String> KEYS = Set.of("as", "router_id", "families", "networks", "redistribute", "policies", "neighbors");
    static final Set<String> NEIGHBOR_KEYS = Set.of("node", "interface", "address", "via", "as", "families", "route_reflector_client",
            "import", "export", "description");
    static final Set<String> POLICY_KEYS = Set.of("local_preference", "prepend");
    static final int PREPEND_MAX = 10;

    private BgpParser() {}

    static Optional<BgpSpec> parse(YNode value, String node, Diagnostics d) {
        String where = "the bgp of node '" + node + "'";
        Optional<YMap> map = Fields.asMap(value, d, "'bgp' of node '" + node + "'");
        if (map.isEmpty()) return Optional.empty();
        Fields f = Fields.of(map.get(), d, where, KEYS);
        if (!f.has("as")) d.error(map.get().pos(), where + " needs 'as': the node's AS number (1 to " + BgpSpec.AS_MAX + ")");
        long as = f.integer("as", 0, 1, BgpSpec.AS_MAX);
        Optional<IpAddress> routerId = ValueReader.routerId(f, where, d);
        List<BgpFamily> families = (f.has("families")
                ? ValueReader.words(f, "families", where, BgpFamily::of, BgpFamily.words(), d)
                : List.of(BgpFamily.IPV4)).stream().sorted().toList();
        if (f.has("families") && f.textList("families").isEmpty()) {
            d.error(f.posOf("families"), "'families' of " + where + " is empty; give at least one of " + String.join(", ", BgpFamily.words()));
        }
        List<Cidr> networks = networks(f, families, where, d);
        List<Redistribution> redistribute = ValueReader.words(f, "redistribute", where, Redistribution::of,
                Redistribution.allowedInto(Redistribution.BGP).stream().map(Redistribution::word).toList(), d);
        if (!redistribute.isEmpty() && !families.contains(BgpFamily.IPV4) && !families.contains(BgpFamily.IPV6)) {
            d.error(f.posOf("redistribute"), "'redistribute' of " + where + " needs the ipv4 or ipv6 family; the node's families are "
                    + words(families));
        }
        Map<String, BgpPolicy> policies = new LinkedHashMap<>();
        f.mapping("policies").ifPresent(m -> {
            for (YMap.Entry e : m.entries()) policy(e, node, d).ifPresent(p -> policies.put(p.name(), p));
        });
        List<BgpNeighbor> neighbors = new ArrayList<>();
        f.list("neighbors").ifPresent(seq -> {
            for (YNode item : seq.items()) neighbor(item, node, families, policies, d).ifPresent(neighbors::add);
        });
        reportRepeatedPeers(neighbors, node, d);
        return Optional.of(new BgpSpec(as, routerId, families, networks, redistribute, policies, neighbors, map.get().pos()));
    }

    private static List<Cidr> networks(Fields f, List<BgpFamily> families, String where, Diagnostics d) {
        List<Cidr> out = new ArrayList<>();
        for (Located n : f.textList("networks")) {
            Optional<Cidr> c = Cidr.parse(n.text());
            if (c.isEmpty()) {
                d.error(n.pos(), "network '" + n.text() + "' of " + where + " is not a prefix like 10.1.0.0/24");
                continue;
            }
            if (!c.get().isNetwork()) {
                d.error(n.pos(), "network " + c.get() + " of " + where + " has host bits set; did you mean " + c.get().network() + "?");
                continue;
            }
            BgpFamily family = c.get().isV6() ? BgpFamily.IPV6 : BgpFamily.IPV4;
            if (!families.contains(family)) {
                d.error(n.pos(), "network " + c.get() + " of " + where + " is " + c.get().address().family() + ", but the node's BGP does not carry"
                        + " the " + family.word() + " family; add it to 'families'");
                continue;
            }
            if (out.contains(c.get())) {
                d.error(n.pos(), "network " + c.get() + " is listed twice in " + where);
                continue;
            }
            out.add(c.get());
        }
        return out;
    }

    private static Optional<BgpPolicy> policy(YMap.Entry e, String node, Diagnostics d) {
        String name = e.key().value();
        String where = "policy '" + name + "' of node '" + node + "'";
        Optional<String> bad = FrrWords.checkPolicyName(name, "a policy name of node '" + node + "'");
        bad.ifPresent(msg -> d.error(e.key().pos(), msg));
        Optional<YMap> m = Fields.asMap(e.value(), d, where);
        if (m.isEmpty()) return Optional.empty();
        Fields f = Fields.of(m.get(), d, where, POLICY_KEYS);
        OptionalLong localPref = f.integer("local_preference", 0, BgpSpec.AS_MAX).map(OptionalLong::of).orElse(OptionalLong.empty());
        OptionalInt prepend = f.integer("prepend", 1, PREPEND_MAX).map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
        if (!f.has("local_preference") && !f.has("prepend")) {
            d.error(m.get().pos(), where + " sets nothing; give 'local_preference' or 'prepend'");
        }
        if (bad.isPresent()) return Optional.empty();
        return Optional.of(new BgpPolicy(name, localPref, prepend, e.key().pos()));
    }

    private static Optional<BgpNeighbor> neighbor(YNode item, String node, List<BgpFamily> nodeFamilies, Map<String, BgpPolicy> policies,
                                                  Diagnostics d) {
        String where = "a BGP neighbour of node '" + node + "'";
        Optional<YMap> m = Fields.asMap(item, d, where);
        if (m.isEmpty()) return Optional.empty();
        Fields f = Fields.of(m.get(), d, where, NEIGHBOR_KEYS);
        List<String> given = java.util.stream.Stream.of("node", "interface", "address").filter(f::has).toList();
        if (given.size() != 1) {
            d.error(m.get().pos(), where + (given.isEmpty() ? " needs one of 'node', 'interface' or 'address': who the neighbour is"
                    : " names its peer twice ('" + String.join("' and '", given) + "'); give exactly one of node, interface or address"));
            return Optional.empty();
        }
        Optional<BgpPeer> peer = peer(f, given.get(0), where, d);
        Optional<RemoteAs> as = f.node("as").flatMap(n -> remoteAs(n, where, d));
        if (as.isEmpty() && !f.has("as") && !given.get(0).equals("node")) {
            d.error(m.get().pos(), where + " needs 'as': its AS number, or internal (this node's AS) or external (any other)");
        }
        Optional<List<BgpFamily>> families = Optional.empty();
        if (f.has("families")) {
            List<BgpFamily> fs = ValueReader.words(f, "families", where, BgpFamily::of, BgpFamily.words(), d);
            for (BgpFamily fam : fs) {
                if (!nodeFamilies.contains(fam)) {
                    d.error(f.posOf("families"), where + " takes part in the " + fam.word() + " family, which the node's BGP does not carry ("
                            + words(nodeFamilies) + "); add it to the node's 'families'");
                }
            }
            families = Optional.of(fs.stream().filter(nodeFamilies::contains).sorted().toList());
        }
        boolean rrClient = f.bool("route_reflector_client", false);
        Optional<Located> importPolicy = policyRef(f, "import", policies, where, d);
        Optional<Located> exportPolicy = policyRef(f, "export", policies, where, d);
        Optional<String> description = f.string("description").flatMap(t -> {
            Optional<String> bad = FrrWords.checkDescription(t, "the description of " + where);
            bad.ifPresent(msg -> d.error(f.posOf("description"), msg));
            return bad.isPresent() ? Optional.empty() : Optional.of(t);
        });
        if (peer.isEmpty()) return Optional.empty();
        return Optional.of(new BgpNeighbor(peer.get(), as, families, rrClient, importPolicy, exportPolicy, description, m.get().pos()));
    }

    private static Optional<BgpPeer> peer(Fields f, String key, String where, Diagnostics d) {
        Pos pos = f.posOf(key);
        if (f.has("via") && !key.equals("node")) {
            d.error(f.posOf("via"), "'via' of " + where + " only applies to a neighbour given by 'node'");
        }
        Optional<String> text = f.string(key).map(String::trim);
        if (text.isEmpty()) return Optional.empty();
        return switch (key) {
            case "node" -> {
                String via = f.string("via").map(String::trim).orElse(BgpPeer.Via.LINK.word());
                List<String> vias = java.util.Arrays.stream(BgpPeer.Via.values()).map(BgpPeer.Via::word).toList();
                Optional<BgpPeer.Via> v = java.util.Arrays.stream(BgpPeer.Via.values()).filter(x -> x.word().equals(via)).findFirst();
                if (v.isEmpty()) {
                    d.error(f.posOf("via"), "'via' of " + where + " must be link (the two nodes' addresses on a subnet they share) or loopback"
                            + " (their loopback addresses), not '" + via + "'" + Suggest.hint(via, vias));
                    yield Optional.empty();
                }
                yield Optional.of(new BgpPeer.Node(text.get(), v.get(), pos));
            }
            case "interface" -> {
                Optional<String> bad = FrrWords.checkIfname(text.get(), "'interface' of " + where);
                bad.ifPresent(msg -> d.error(pos, msg));
                if (text.get().equals("lo")) {
                    d.error(pos, "'interface' of " + where + " is lo: an unnumbered session runs over a link to the neighbour");
                    yield Optional.empty();
                }
                yield bad.isPresent() ? Optional.empty() : Optional.of(new BgpPeer.Interface(text.get(), pos));
            }
            default -> {
                Optional<IpAddress> a = IpAddress.parse(text.get());
                if (a.isEmpty()) {
                    d.error(pos, "'address' of " + where + ": '" + text.get() + "' is not an IP address"
                            + (text.get().contains("/") ? " (write it without a prefix length)" : ""));
                    yield Optional.empty();
                }
                if (a.get().value().signum() == 0) {
                    d.error(pos, "'address' of " + where + " cannot be the unspecified address " + a.get());
                    yield Optional.empty();
                }
                if (a.get().isV6() && a.get().value().shiftRight(118).intValue() == 0x3FA) {
                    d.error(pos, "'address' of " + where + " is link-local (" + a.get() + "); for a session over link-local addresses name the"
                            + " interface instead: {interface: IFACE}");
                    yield Optional.empty();
                }
                yield Optional.of(new BgpPeer.Address(a.get(), pos));
            }
        };
    }

    static Optional<RemoteAs> remoteAs(YNode n, String where, Diagnostics d) {
        if (n instanceof YScalar s && s.type() == YScalar.Type.INT) {
            return Fields.readInteger(s, "'as' of " + where, 1, BgpSpec.AS_MAX, d).map(RemoteAs::number);
        }
        if (n instanceof YScalar s && s.type() == YScalar.Type.STR) {
            String w = s.value().trim();
            if (w.equals("internal")) return Optional.of(RemoteAs.INTERNAL);
            if (w.equals("external")) return Optional.of(RemoteAs.EXTERNAL);
            d.error(n.pos(), "'as' of " + where + " must be an AS number (1 to " + BgpSpec.AS_MAX + "), internal or external, not '" + w + "'"
                    + Suggest.hint(w, List.of("internal", "external")));
            return Optional.empty();
        }
        d.error(n.pos(), "'as' of " + where + " must be an AS number, internal or external, not " + n.describe());
        return Optional.empty();
    }

    private static Optional<Located> policyRef(Fields f, String key, Map<String, BgpPolicy> policies, String where, Diagnostics d) {
        Optional<String> name = f.string(key).map(String::trim);
        if (name.isEmpty()) return Optional.empty();
        if (!policies.containsKey(name.get())) {
            d.error(f.posOf(key), "'" + key + "' of " + where + ": there is no policy '" + name.get() + "'" + Suggest.hint(name.get(), policies.keySet())
                    + (policies.isEmpty() ? "; define it under the node's bgp 'policies'" : "; policies: " + String.join(", ", policies.keySet())));
            return Optional.empty();
        }
        return Optional.of(new Located(name.get(), f.posOf(key)));
    }

    /** The same peer twice would be one FRR neighbour configured twice, the second silently overriding the first. */
    private static void reportRepeatedPeers(List<BgpNeighbor> neighbors, String node, Diagnostics d) {
        Map<String, BgpNeighbor> seen = new LinkedHashMap<>();
        for (BgpNeighbor n : neighbors) {
            String key = n.peer() instanceof BgpPeer.Node p ? "node " + p.node() + " via " + p.via().word() : n.peer().describe();
            BgpNeighbor first = seen.putIfAbsent(key, n);
            if (first != null) {
                d.error(n.pos(), "node '" + node + "' has BGP neighbour " + n.peer().describe() + " twice (first at line " + first.pos().line() + ")");
            }
        }
    }

    private static String words(List<BgpFamily> families) {
        return families.isEmpty() ? "none" : String.join(", ", families.stream().map(BgpFamily::word).toList());
    }
}
