package netlab.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.net.Cidr;

/**
 * Checks an imported lab gets from what it says of itself, so 'netlab test' proves the import worked rather than
 * only that it came up: the nodes on one collision domain with addresses in one subnet reach each other (what any
 * lab's addressing promises), and a web server's page is what a neighbour fetches from it. Nodes that hold filter
 * rules or firewall commands are left out of them (a lab may drop pings on purpose), and said so.
 */
final class DerivedChecks {
    /** An interface of a node on a switch. */
    private record Port(String node, String iface) {}

    /** The longest snippet of a page a check looks for. */
    static final int SNIPPET_MAX = 60;

    private DerivedChecks() {}

    static void add(ImportedLab lab) {
        Map<String, List<Port>> bySwitch = new LinkedHashMap<>();
        for (ImportedLab.Link l : lab.links) {
            int colon = l.a().indexOf(':');
            if (colon < 0) continue;
            // a link between two nodes is a segment of its own
            String segment = l.b().contains(":") ? l.a() + " - " + l.b() : l.b();
            bySwitch.computeIfAbsent(segment, k -> new ArrayList<>()).add(new Port(l.a().substring(0, colon), l.a().substring(colon + 1)));
            int other = l.b().indexOf(':');
            if (other > 0) bySwitch.get(segment).add(new Port(l.b().substring(0, other), l.b().substring(other + 1)));
        }
        Set<String> firewalled = new LinkedHashSet<>();
        for (ImportedNode n : lab.nodes.values()) {
            boolean filters = n.rules.stream().anyMatch(r -> Set.of("accept", "drop", "reject").contains(r.kind()))
                    || n.exec.stream().anyMatch(c -> c.startsWith("iptables") || c.startsWith("ip6tables"));
            if (filters) firewalled.add(n.name);
        }
        if (!firewalled.isEmpty()) lab.notes.add("no reachability checks for " + String.join(", ", firewalled) + ": they hold firewall rules");
        for (Map.Entry<String, List<Port>> e : bySwitch.entrySet()) {
            Map<String, Map<String, Port>> bySubnet = new LinkedHashMap<>();
            for (Port p : e.getValue()) {
                ImportedNode n = lab.nodes.get(p.node());
                if (n == null || firewalled.contains(n.name)) continue;
                ImportedInterface i = n.interfaces.get(p.iface());
                if (i == null) continue;
                for (String a : i.addresses) {
                    Cidr c = Cidr.of(a);
                    if (c.prefix() == c.address().bits()) continue;
                    bySubnet.computeIfAbsent(c.network().toString(), k -> new LinkedHashMap<>()).putIfAbsent(p.node(), p);
                }
            }
            for (Map.Entry<String, Map<String, Port>> s : bySubnet.entrySet()) {
                List<String> nodes = new ArrayList<>(s.getValue().keySet());
                if (nodes.size() < 2) continue;
                boolean v6 = s.getKey().contains(":");
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("from", nodes);
                f.put("to", nodes);
                if (v6) f.put("ipv6", true);
                lab.checks.add(new ImportedLab.Check("neighbours on " + lab.switches.getOrDefault(e.getKey(), e.getKey()) + " (" + s.getKey()
                        + ") reach each other", "reachability", f));
                if (v6) pages(lab, s.getValue(), true);
                else pages(lab, s.getValue(), false);
            }
        }
        spread(lab);
        RoutingChecks.add(lab);
    }

    /**
     * A load balancer: DNAT rules of one node for one address and port, chosen at random (probability), to web servers
     * of the lab. A neighbour of that address makes requests on new connections; each server must answer some.
     * The servers' netlab CGI names them (their own page would not tell them apart).
     */
    static void spread(ImportedLab lab) {
        for (ImportedNode lb : lab.nodes.values()) {
            Map<String, List<ImportedNode.Rule>> byService = new LinkedHashMap<>();
            for (ImportedNode.Rule r : lb.rules) {
                if (!r.kind().equals("dnat") || !r.fields().containsKey("destination") || r.fields().containsKey("chain")) continue;
                byService.computeIfAbsent(r.fields().get("destination") + " " + r.fields().getOrDefault("port", "80"), k -> new ArrayList<>()).add(r);
            }
            for (List<ImportedNode.Rule> rules : byService.values()) {
                if (rules.size() < 2 || rules.stream().noneMatch(r -> r.fields().containsKey("probability"))) continue;
                List<String> over = new ArrayList<>();
                for (ImportedNode.Rule r : rules) {
                    String host = r.fields().get("to").replaceAll(":\\d+$", "");
                    lab.nodes.values().stream().filter(n -> n.httpPages.isPresent() && owns(n, host)).findFirst().ifPresent(n -> over.add(n.name));
                }
                if (over.size() != rules.size() || new LinkedHashSet<>(over).size() != over.size()) continue;
                String destination = rules.get(0).fields().get("destination"), port = rules.get(0).fields().getOrDefault("port", "80");
                Optional<Cidr> subnet = lb.interfaces.values().stream().flatMap(i -> i.addresses.stream()).map(Cidr::of)
                        .filter(c -> c.address().toString().equals(destination)).findFirst().map(Cidr::network);
                if (subnet.isEmpty()) continue;
                Optional<ImportedNode> client = lab.nodes.values().stream().filter(n -> n != lb && !over.contains(n.name))
                        .filter(n -> n.interfaces.values().stream().flatMap(i -> i.addresses.stream()).map(Cidr::of)
                                .anyMatch(c -> c.network().equals(subnet.get())))
                        .findFirst();
                if (client.isEmpty()) continue;
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("from", client.get().name);
                f.put("url", "http://" + destination + (port.equals("80") ? "" : ":" + port) + "/cgi-bin/index.cgi");
                f.put("requests", 30);
                f.put("over", over);
                lab.checks.add(new ImportedLab.Check(lb.name + " spreads connections to " + destination + " over " + String.join(", ", over), "spread", f));
            }
        }
    }

    private static boolean owns(ImportedNode n, String address) {
        return n.interfaces.values().stream().flatMap(i -> i.addresses.stream()).anyMatch(a -> Cidr.of(a).address().toString().equals(address));
    }

    /** For each web server in a subnet with an index page, its first neighbour fetches it. */
    private static void pages(ImportedLab lab, Map<String, Port> subnet, boolean v6) {
        if (v6) return;
        for (Port server : subnet.values()) {
            ImportedNode n = lab.nodes.get(server.node());
            Optional<String> snippet = n.httpPages.flatMap(p -> Optional.ofNullable(p.get("index.html"))).flatMap(DerivedChecks::snippet);
            if (snippet.isEmpty()) continue;
            Optional<Port> client = subnet.values().stream().filter(p -> !p.node().equals(server.node())).findFirst();
            if (client.isEmpty()) continue;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("from", client.get().node());
            f.put("url", "http://${" + server.node() + ":" + server.iface() + "}/");
            f.put("contains", snippet.get());
            lab.checks.add(new ImportedLab.Check(client.get().node() + " fetches the page of " + server.node(), "http", f));
        }
    }

    /** A line of the page's text (tags left out), to recognise it by: the first with three letters or more. */
    static Optional<String> snippet(String html) {
        String text = html.replaceAll("(?s)<(script|style)\\b.*?</\\1>", " ").replaceAll("(?s)<[^>]*>", "\n");
        for (String line : text.split("\n")) {
            String t = line.strip().replaceAll("\\s+", " ");
            if (t.contains("&")) t = t.substring(0, t.indexOf('&')).strip();
            if (t.codePoints().filter(Character::isLetter).count() < 3) continue;
            if (t.codePointCount(0, t.length()) > SNIPPET_MAX) t = t.substring(0, t.offsetByCodePoints(0, SNIPPET_MAX));
            return Optional.of(t);
        }
        return Optional.empty();
    }
}
