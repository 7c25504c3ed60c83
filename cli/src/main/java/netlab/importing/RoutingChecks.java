package netlab.importing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.net.Cidr;
import netlab.net.IpAddress;

/**
 * Checks that prove an imported lab's routing works, derived from its FRR text: every BGP session both ends
 * configure comes up (Established), and the routers of one OSPF or RIP domain reach each other's advertised
 * addresses across it (which needs the routes the protocol learned, so the check looks again until it has
 * converged). A domain is the routers joined by subnets both advertise in the protocol on a non-passive interface.
 * The text is read as FRR reads it, by context: {@code router X} opens a block that an other top-level command
 * ends, whatever the indentation ({@code !} lines are comments, also inside a block).
 */
final class RoutingChecks {
    /** How long a routing check may wait for convergence: OSPF waits 40 s on a broadcast link, RIP updates every 30 s. */
    static final int RETRIES = 45;
    static final String INTERVAL = "2s";

    /** What one node's FRR text says, as far as the checks need it. */
    record Config(Map<String, List<String>> routers) {
        List<String> block(String router) {
            return routers.getOrDefault(router, List.of());
        }
    }

    private RoutingChecks() {}

    static Config parse(String text) {
        Map<String, List<String>> routers = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("!")) continue;
            String[] w = l.split("\\s+");
            if (w[0].equals("router") && w.length > 1) {
                current = routers.computeIfAbsent(w[1], k -> new ArrayList<>());
            } else if (Set.of("interface", "exit", "line", "route-map", "access-list", "hostname", "password", "enable", "debug", "key",
                    "bgp", "frr", "service").contains(w[0]) && !(w[0].equals("bgp") && current != null)
                    || (w[0].equals("ip") || w[0].equals("ipv6")) && w.length > 1 && !w[1].equals("ospf") && !w[1].equals("rip")) {
                current = null;
            } else if (current != null) {
                current.add(l);
            }
        }
        return new Config(routers);
    }

    static void add(ImportedLab lab) {
        Map<String, Config> configs = new LinkedHashMap<>();
        for (ImportedNode n : lab.nodes.values()) n.routingFrr.ifPresent(t -> configs.put(n.name, parse(t)));
        if (configs.isEmpty()) return;
        bgp(lab, configs);
        for (String protocol : List.of("ospf", "rip")) igp(lab, configs, protocol);
    }

    // ---- BGP

    private static void bgp(ImportedLab lab, Map<String, Config> configs) {
        Set<String> done = new LinkedHashSet<>();
        for (Map.Entry<String, Config> e : configs.entrySet()) {
            for (String peer : neighbours(e.getValue())) {
                Optional<ImportedNode> owner = owner(lab, peer);
                if (owner.isEmpty() || owner.get().name.equals(e.getKey()) || !configs.containsKey(owner.get().name)) continue;
                // the other end must name one of this node's addresses, or the session is one-sided on purpose
                boolean mutual = neighbours(configs.get(owner.get().name)).stream().anyMatch(a -> owner(lab, a).filter(n -> n.name.equals(e.getKey())).isPresent());
                String pair = e.getKey().compareTo(owner.get().name) < 0 ? e.getKey() + " " + owner.get().name : owner.get().name + " " + e.getKey();
                if (!mutual || !done.add(pair)) continue;
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("node", e.getKey());
                f.put("neighbor", peer);
                f.put("state", "Established");
                lab.checks.add(new ImportedLab.Check("BGP session " + e.getKey() + " - " + owner.get().name + " (" + peer + ") is up", "bgp", f));
            }
        }
    }

    /** The neighbour addresses of a node's router bgp ({@code neighbor ADDRESS remote-as AS}). */
    private static List<String> neighbours(Config c) {
        List<String> out = new ArrayList<>();
        for (String l : c.block("bgp")) {
            String[] w = l.split("\\s+");
            if (w.length >= 4 && w[0].equals("neighbor") && w[2].equals("remote-as") && IpAddress.parse(w[1]).isPresent()) out.add(w[1]);
        }
        return out;
    }

    private static Optional<ImportedNode> owner(ImportedLab lab, String address) {
        return lab.nodes.values().stream().filter(n -> n.interfaces.values().stream().flatMap(i -> i.addresses.stream())
                .anyMatch(a -> Cidr.of(a).address().toString().equals(IpAddress.parse(address).map(IpAddress::toString).orElse(address)))).findFirst();
    }

    // ---- OSPF and RIP

    /** An interface's IPv4 subnet a node advertises in the protocol, and whether it speaks the protocol there. */
    private record Advertised(String node, String iface, Cidr address, boolean speaks) {}

    private static void igp(ImportedLab lab, Map<String, Config> configs, String protocol) {
        List<Advertised> all = new ArrayList<>();
        for (Map.Entry<String, Config> e : configs.entrySet()) {
            List<String> block = e.getValue().block(protocol);
            if (block.isEmpty() && !e.getValue().routers().containsKey(protocol)) continue;
            ImportedNode n = lab.nodes.get(e.getKey());
            boolean connected = block.stream().anyMatch(l -> l.matches("redistribute\\s+connected.*"));
            Set<String> passive = new LinkedHashSet<>();
            List<Cidr> networks = new ArrayList<>();
            Set<String> byName = new LinkedHashSet<>();
            for (String l : block) {
                String[] w = l.split("\\s+");
                if (w.length >= 2 && w[0].equals("passive-interface")) passive.add(w[1]);
                if (w.length >= 2 && w[0].equals("network")) {
                    Optional<Cidr> c = Cidr.parse(w[1]).filter(x -> !x.isV6());
                    if (c.isPresent()) networks.add(c.get());
                    else byName.add(w[1]);
                }
            }
            for (Map.Entry<String, ImportedInterface> i : n.interfaces.entrySet()) {
                for (String a : i.getValue().addresses) {
                    Cidr c = Cidr.of(a);
                    if (c.isV6()) continue;
                    boolean covered = byName.contains(i.getKey()) || networks.stream().anyMatch(net -> net.prefix() <= c.prefix() && net.contains(c.address()));
                    if (covered || connected) {
                        all.add(new Advertised(n.name, i.getKey(), c, covered && !passive.contains(i.getKey()) && !passive.contains("default")));
                    }
                }
            }
        }
        // domains: routers joined by a subnet both speak the protocol on
        Map<String, Set<String>> adjacent = new LinkedHashMap<>();
        for (Advertised a : all) adjacent.computeIfAbsent(a.node(), k -> new LinkedHashSet<>());
        for (Advertised a : all) {
            for (Advertised b : all) {
                if (a.speaks() && b.speaks() && !a.node().equals(b.node()) && a.address().network().equals(b.address().network())) {
                    adjacent.get(a.node()).add(b.node());
                }
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String start : adjacent.keySet()) {
            if (seen.contains(start)) continue;
            Set<String> domain = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                String x = todo.pop();
                if (domain.add(x)) todo.addAll(adjacent.get(x));
            }
            seen.addAll(domain);
            domainCheck(lab, protocol, domain, all);
        }
    }

    /**
     * The domain's routers reach each other (at their address on a shared subnet, else their first): only routers
     * whose first address they advertise are pinged, and only a domain where some pair shares no subnet needs routing.
     */
    private static void domainCheck(ImportedLab lab, String protocol, Set<String> domain, List<Advertised> all) {
        if (domain.size() < 3) return;
        List<String> to = new ArrayList<>();
        for (String node : domain) {
            // as a reachability check picks it: the first IPv4 address of an interface other than lo, else lo's
            Map<String, ImportedInterface> ifs = lab.nodes.get(node).interfaces;
            Optional<Cidr> first = ifs.entrySet().stream().filter(i -> !i.getKey().equals("lo")).flatMap(i -> i.getValue().addresses.stream())
                    .map(Cidr::of).filter(c -> !c.isV6()).findFirst()
                    .or(() -> Optional.ofNullable(ifs.get("lo")).stream().flatMap(i -> i.addresses.stream()).map(Cidr::of).filter(c -> !c.isV6()).findFirst());
            if (first.isPresent() && all.stream().anyMatch(a -> a.node().equals(node) && a.address().equals(first.get()))) to.add(node);
        }
        if (to.size() < 2) return;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("from", new ArrayList<>(domain));
        f.put("to", to);
        lab.checks.add(new ImportedLab.Check("routers of the " + protocol.toUpperCase(java.util.Locale.ROOT) + " domain of " + domain.iterator().next()
                + " reach each other (routes " + protocol + " learned)", "reachability", f, true));
    }
}
