package netlab.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.source.Printable;
import netlab.topology.Names;

/**
 * Turns a device's startup lines into netlab's own keys where one line maps one to one (an address, a MAC, a route,
 * a bridge and its ports, an impairment, a sysctl, a NAT or filter rule, a web server), so checks can name nodes
 * and drift sees them. What does not map is kept as a command of the node when that command acts on the node's
 * network alone (a namespace node shares the host's file system and services: a command touching files or services
 * would act on the host, so it is listed as left out instead), and kept as it is in a container node, whose
 * commands run inside it.
 */
final class StartupTranslator {
    /** Programs that act on the network namespace they run in and nothing else, with the options that stay so. */
    static final Set<String> NETWORK_TOOLS = Set.of("ip", "tc", "iptables", "iptables-legacy", "iptables-nft", "ip6tables",
            "ip6tables-legacy", "ip6tables-nft", "arp", "ifconfig", "route", "sysctl", "bridge", "ethtool");
    /** Web servers a Kathará lab starts to serve its /var/www/html: netlab's http service takes their place. */
    static final Set<String> WEB_SERVERS = Set.of("apache2", "httpd", "nginx", "lighttpd");
    static final Set<String> ROUTING_DAEMONS = Set.of("frr", "quagga", "zebra", "bgpd", "ospfd", "ripd", "bird", "bird6", "isisd");
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");
    private static final Pattern TC_TIME = Pattern.compile("\\d+(\\.\\d+)?(us|ms|s)");
    private static final Pattern TC_RATE = Pattern.compile("\\d+(kbit|mbit|gbit)");
    private static final Pattern TC_LOSS = Pattern.compile("\\d+(\\.\\d+)?%");
    private static final Pattern PROBABILITY = Pattern.compile("0?\\.\\d{1,11}|1(\\.0+)?");

    private final ImportedLab lab;
    private final ImportedNode node;
    private final String file;
    /** Set when a web server was started: the pages come from the device folder. */
    boolean startsWebServer;
    /** The routing suite started (frr, quagga, zebra) and where: its configuration comes from the device folder. */
    Optional<String> startsRouting = Optional.empty();
    String routingStartedAt = "";

    StartupTranslator(ImportedLab lab, ImportedNode node, String file) {
        this.lab = lab;
        this.node = node;
        this.file = file;
    }

    /** Translates every line of a startup file (or a lab.conf exec option) in order. */
    void translate(List<String> lines, int firstLine) {
        List<List<String>> iptables = new ArrayList<>();
        boolean allRules = true;
        for (String line : lines) {
            Optional<List<String>> w = ShellWords.of(line);
            if (w.isPresent() && !w.get().isEmpty() && w.get().get(0).startsWith("iptables")) {
                iptables.add(w.get());
                allRules &= rule(w.get()).isPresent();
            }
        }
        // rules are netlab's only if every rule line of the device is one: a mix would reorder them
        boolean rulesAsKeys = allRules && !iptables.isEmpty();
        for (int i = 0; i < lines.size(); i++) {
            String where = file + ":" + (firstLine + i);
            String line = lines.get(i);
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) continue;
            if (stripped.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                lab.skip(where, Printable.line(stripped), "control characters");
                continue;
            }
            Optional<List<String>> words = ShellWords.of(stripped);
            if (words.isPresent() && words.get().isEmpty()) continue;
            if (words.isPresent() && translated(words.get(), rulesAsKeys, where)) continue;
            if (words.isEmpty() && procWrite(stripped)) continue;
            keep(stripped, words, where);
        }
    }

    /** The line as a command of the node, or listed as left out when it would act outside a namespace node. */
    private void keep(String line, Optional<List<String>> words, String where) {
        if (node.container()) {
            node.exec.add(line);
            return;
        }
        Optional<String> why = words.isEmpty() ? Optional.of("shell syntax (quotes, redirection, variables or several commands)")
                : unsafeOnNamespace(words.get());
        if (why.isPresent()) {
            lab.skip(where, Printable.line(line), why.get() + "; a namespace node shares the host's file system and services,"
                    + " so it would act on the host");
            return;
        }
        node.exec.add(line);
    }

    /** Why a plain command may not run in a namespace node, or empty when it acts on the node's network alone. */
    static Optional<String> unsafeOnNamespace(List<String> w) {
        String program = w.get(0);
        if (!NETWORK_TOOLS.contains(program)) return Optional.of("'" + Printable.name(program) + "' is not a network tool");
        for (String word : w) {
            // another namespace (netns 1 is the host's), batch files, a file of ARP entries
            if (word.equals("netns") || word.equals("-n") || word.equals("-netns") || word.startsWith("-b") || word.equals("-f")
                    || word.equals("-p") && program.equals("sysctl")) {
                return Optional.of("'" + word + "' reaches beyond the node's network");
            }
        }
        if (program.equals("sysctl")) {
            for (String word : w.subList(1, w.size())) {
                if (!word.startsWith("-") && !word.startsWith("net.")) return Optional.of("sysctl '" + Printable.name(word) + "' is not per namespace");
            }
        }
        return Optional.empty();
    }

    /** Whether a line became netlab's own keys (or needs none: an interface set up, which netlab does itself). */
    private boolean translated(List<String> w, boolean rulesAsKeys, String where) {
        String program = w.get(0);
        List<String> args = w.subList(1, w.size());
        switch (program) {
            case "ip": return ip(args, where);
            case "ifconfig": return ifconfig(args);
            case "route": return route(args);
            case "tc": return tc(args, where);
            case "sysctl": return sysctl(args);
            case "iptables", "iptables-legacy", "iptables-nft": {
                if (!rulesAsKeys) return false;
                node.rules.add(rule(w).orElseThrow());
                return true;
            }
            case "systemctl", "service": {
                if (args.size() == 2) return service(program.equals("service") ? args.get(0) : args.get(1),
                        program.equals("service") ? args.get(1) : args.get(0), where);
                return false;
            }
            default: {
                if (program.startsWith("/etc/init.d/") && args.size() == 1) return service(program.substring("/etc/init.d/".length()), args.get(0), where);
                return false;
            }
        }
    }

    private boolean service(String name, String action, String where) {
        if (!action.equals("start") && !action.equals("restart")) return false;
        if (node.container()) return false;
        if (WEB_SERVERS.contains(name)) {
            startsWebServer = true;
            return true;
        }
        if (RoutingConfig.SUITES.contains(name)) {
            startsRouting = Optional.of(name);
            routingStartedAt = where;
            return true;
        }
        String why = ROUTING_DAEMONS.contains(name) ? "a routing daemon netlab does not start by itself (it runs FRR's suite, as frr, quagga or zebra)"
                : "the service '" + Printable.name(name) + "' is not one of netlab's (http, tcp)";
        lab.skip(where, "start " + Printable.name(name), why);
        return true;
    }

    // ---- ip

    private static final Map<String, String> IP_OBJECTS = Map.ofEntries(
            Map.entry("a", "address"), Map.entry("ad", "address"), Map.entry("add", "address"), Map.entry("addr", "address"),
            Map.entry("addre", "address"), Map.entry("addres", "address"), Map.entry("address", "address"),
            Map.entry("r", "route"), Map.entry("ro", "route"), Map.entry("rou", "route"), Map.entry("rout", "route"), Map.entry("route", "route"),
            Map.entry("l", "link"), Map.entry("li", "link"), Map.entry("lin", "link"), Map.entry("link", "link"));

    private boolean ip(List<String> args, String where) {
        int i = 0;
        while (i < args.size() && (args.get(i).equals("-4") || args.get(i).equals("-6"))) i++;
        if (args.size() - i < 2) return false;
        String object = IP_OBJECTS.get(args.get(i));
        if (object == null) return false;
        String verb = args.get(i + 1);
        List<String> rest = args.subList(i + 2, args.size());
        return switch (object) {
            case "address" -> (verb.equals("add") || verb.equals("a")) && addressAdd(rest);
            case "link" -> verb.equals("set") ? linkSet(rest) : verb.equals("add") && linkAdd(rest);
            default -> (verb.equals("add") || verb.equals("a")) && routeAdd(rest, where);
        };
    }

    private boolean addressAdd(List<String> w) {
        Optional<String> dev = Optional.empty();
        Optional<Cidr> address = Optional.empty();
        for (int i = 0; i < w.size(); i++) {
            if (w.get(i).equals("dev") && i + 1 < w.size()) dev = Optional.of(w.get(++i));
            else if (address.isEmpty() && hostAddress(w.get(i)).isPresent()) address = hostAddress(w.get(i));
            else return false;
        }
        if (dev.isEmpty() || address.isEmpty() || !node.interfaces.containsKey(dev.get())) return false;
        if (address.get().address().isV6() && address.get().address().toString().toLowerCase(Locale.ROOT).startsWith("fe80:")) return false;
        node.iface(dev.get()).addresses.add(address.get().toString());
        return true;
    }

    /** "10.0.0.1/24", or a bare address as the host route it is (/32, /128). */
    private static Optional<Cidr> hostAddress(String text) {
        if (text.contains("/")) return Cidr.parse(text);
        return IpAddress.parse(text).map(a -> new Cidr(a, a.bits()));
    }

    private boolean linkSet(List<String> w) {
        int i = 0;
        if (i < w.size() && w.get(i).equals("dev")) i++;
        if (i >= w.size()) return false;
        String dev = w.get(i++);
        ImportedInterface iface = node.interfaces.get(dev);
        if (iface == null) return false;
        Optional<String> mac = Optional.empty(), master = Optional.empty();
        for (; i < w.size(); i++) {
            String k = w.get(i);
            if (k.equals("up")) continue;
            if ((k.equals("address") || k.equals("addr")) && i + 1 < w.size() && MAC.matcher(w.get(i + 1)).matches()) mac = Optional.of(w.get(++i));
            else if (k.equals("master") && i + 1 < w.size() && bridge(w.get(i + 1))) master = Optional.of(w.get(++i));
            else if (k.equals("dev") && i + 1 < w.size() && w.get(i + 1).equals(dev)) i++;
            else return false;
        }
        if (master.isPresent() && (dev.equals(master.get()) || !iface.addresses.isEmpty() || isPortOfAny(dev))) return false;
        mac.ifPresent(m -> iface.mac = Optional.of(m.toLowerCase(Locale.ROOT)));
        master.ifPresent(b -> node.interfaces.get(b).ports.add(dev));
        return true;
    }

    private boolean isPortOfAny(String dev) {
        return node.interfaces.values().stream().anyMatch(x -> x.ports.contains(dev));
    }

    private boolean bridge(String name) {
        ImportedInterface b = node.interfaces.get(name);
        return b != null && b.type.equals(Optional.of("bridge"));
    }

    private boolean linkAdd(List<String> w) {
        // ip link add [name] B type bridge
        List<String> x = w.size() > 0 && w.get(0).equals("name") ? w.subList(1, w.size()) : w;
        if (x.size() != 3 || !x.get(1).equals("type") || !x.get(2).equals("bridge")) return false;
        String name = x.get(0);
        if (Names.checkIfname(name, "interface").isPresent() || node.interfaces.containsKey(name)) return false;
        node.iface(name).type = Optional.of("bridge");
        return true;
    }

    private boolean routeAdd(List<String> w, String where) {
        if (w.isEmpty()) return false;
        String to = w.get(0);
        if (!to.equals("default")) {
            Optional<Cidr> c = hostAddress(to);
            if (c.isEmpty()) return false;
            to = c.get().toString();
        }
        Optional<String> via = Optional.empty(), dev = Optional.empty();
        for (int i = 1; i < w.size(); i++) {
            if (w.get(i).equals("via") && i + 1 < w.size() && IpAddress.parse(w.get(i + 1)).isPresent()) via = Optional.of(w.get(++i));
            else if (w.get(i).equals("dev") && i + 1 < w.size() && node.interfaces.containsKey(w.get(i + 1))) dev = Optional.of(w.get(++i));
            else return false;
        }
        if (via.isEmpty() && dev.isEmpty()) return false;
        if (via.isPresent() && via.get().toLowerCase(Locale.ROOT).startsWith("fe80:") && dev.isEmpty()) return false;
        node.routes.add(new ImportedNode.Route(to, via, dev));
        return true;
    }

    // ---- net-tools

    private boolean ifconfig(List<String> w) {
        if (w.isEmpty() || !node.interfaces.containsKey(w.get(0))) return false;
        ImportedInterface iface = node.interfaces.get(w.get(0));
        Optional<IpAddress> address = Optional.empty();
        Optional<Integer> prefix = Optional.empty();
        Optional<String> mac = Optional.empty();
        for (int i = 1; i < w.size(); i++) {
            String k = w.get(i);
            if (k.equals("up")) continue;
            if (k.equals("netmask") && i + 1 < w.size()) {
                prefix = maskLength(w.get(++i));
                if (prefix.isEmpty()) return false;
            } else if (k.equals("hw") && i + 2 < w.size() && w.get(i + 1).equals("ether") && MAC.matcher(w.get(i + 2)).matches()) {
                mac = Optional.of(w.get(i + 2));
                i += 2;
            } else if (address.isEmpty() && k.contains("/") && Cidr.parse(k).filter(c -> !c.isV6()).isPresent()) {
                Cidr c = Cidr.parse(k).get();
                address = Optional.of(c.address());
                prefix = Optional.of(c.prefix());
            } else if (address.isEmpty() && IpAddress.parse(k).filter(a -> !a.isV6()).isPresent()) {
                address = IpAddress.parse(k);
            } else return false;
        }
        if (address.isPresent()) {
            // without a netmask ifconfig takes the address's class: leave such a line as it is
            if (prefix.isEmpty()) return false;
            iface.addresses.add(new Cidr(address.get(), prefix.get()).toString());
        }
        mac.ifPresent(m -> iface.mac = Optional.of(m.toLowerCase(Locale.ROOT)));
        return true;
    }

    static Optional<Integer> maskLength(String mask) {
        Optional<IpAddress> m = IpAddress.parse(mask).filter(a -> !a.isV6());
        if (m.isEmpty()) return Optional.empty();
        long v = m.get().value().longValue();
        int len = Long.bitCount(v);
        long expected = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
        return v == expected ? Optional.of(len) : Optional.empty();
    }

    private boolean route(List<String> w) {
        // route add default gw GW [dev IF] | route add -net N/L gw GW [dev IF] | route add -net N netmask M gw GW [dev IF]
        if (w.isEmpty() || !w.get(0).equals("add")) return false;
        Optional<String> to = Optional.empty(), via = Optional.empty(), dev = Optional.empty();
        Optional<IpAddress> net = Optional.empty();
        Optional<Integer> prefix = Optional.empty();
        for (int i = 1; i < w.size(); i++) {
            String k = w.get(i);
            if (k.equals("default") && to.isEmpty() && net.isEmpty()) to = Optional.of("default");
            else if ((k.equals("-net") || k.equals("-host")) && i + 1 < w.size() && net.isEmpty() && to.isEmpty()) {
                String n = w.get(++i);
                Optional<Cidr> c = hostAddress(n).filter(x -> !x.isV6());
                if (c.isEmpty()) return false;
                net = Optional.of(c.get().address());
                if (n.contains("/") || k.equals("-host")) prefix = Optional.of(c.get().prefix());
            } else if (k.equals("netmask") && i + 1 < w.size()) {
                prefix = maskLength(w.get(++i));
                if (prefix.isEmpty()) return false;
            } else if (k.equals("gw") && i + 1 < w.size() && IpAddress.parse(w.get(i + 1)).isPresent()) via = Optional.of(w.get(++i));
            else if (k.equals("dev") && i + 1 < w.size() && node.interfaces.containsKey(w.get(i + 1))) dev = Optional.of(w.get(++i));
            else return false;
        }
        if (net.isPresent()) {
            if (prefix.isEmpty()) return false;
            to = Optional.of(new Cidr(net.get(), prefix.get()).toString());
        }
        if (to.isEmpty() || via.isEmpty() && dev.isEmpty()) return false;
        node.routes.add(new ImportedNode.Route(to.get(), via, dev));
        return true;
    }

    // ---- tc, sysctl, /proc

    private boolean tc(List<String> w, String where) {
        // tc qdisc add dev IF root netem [delay D [J]] [loss P%] [rate R] | ... root tbf rate R ...
        if (w.size() < 6 || !w.get(0).equals("qdisc") || !w.get(1).equals("add") || !w.get(2).equals("dev") || !w.get(4).equals("root")) return false;
        ImportedInterface iface = node.interfaces.get(w.get(3));
        if (iface == null || iface.type.isPresent() || !iface.impairment.isEmpty()) return false;
        Map<String, String> imp = new java.util.LinkedHashMap<>();
        List<String> rest = w.subList(6, w.size());
        if (w.get(5).equals("netem")) {
            for (int i = 0; i < rest.size(); i++) {
                String k = rest.get(i);
                if (k.equals("delay") && i + 1 < rest.size() && TC_TIME.matcher(rest.get(i + 1)).matches() && !imp.containsKey("delay")) {
                    imp.put("delay", rest.get(++i));
                    if (i + 1 < rest.size() && TC_TIME.matcher(rest.get(i + 1)).matches()) imp.put("jitter", rest.get(++i));
                } else if (k.equals("loss") && i + 1 < rest.size() && TC_LOSS.matcher(rest.get(i + 1)).matches()) imp.put("loss", rest.get(++i));
                else if (k.equals("rate") && i + 1 < rest.size() && TC_RATE.matcher(rest.get(i + 1)).matches()) imp.put("rate", rest.get(++i));
                else return false;
            }
        } else if (w.get(5).equals("tbf")) {
            List<String> left = new ArrayList<>();
            for (int i = 0; i < rest.size(); i++) {
                String k = rest.get(i);
                if (k.equals("rate") && i + 1 < rest.size() && TC_RATE.matcher(rest.get(i + 1)).matches()) imp.put("rate", rest.get(++i));
                else if (Set.of("buffer", "burst", "latency", "limit").contains(k) && i + 1 < rest.size()) left.add(k + " " + rest.get(++i));
                else return false;
            }
            if (!imp.containsKey("rate")) return false;
            if (!left.isEmpty()) lab.skip(where, "tbf " + String.join(", ", left), "netlab sets a rate's buffer and latency itself");
        } else return false;
        if (imp.isEmpty()) return false;
        iface.impairment.putAll(imp);
        return true;
    }

    private boolean sysctl(List<String> w) {
        List<String> settings = w.size() > 0 && w.get(0).equals("-w") ? w.subList(1, w.size()) : w;
        if (settings.isEmpty()) return false;
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0 || !s.startsWith("net.")) return false;
        }
        for (String s : settings) setting(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        return true;
    }

    private static final Pattern PROC_WRITE = Pattern.compile("echo\\s+([0-9]{1,6})\\s*>\\s*/proc/sys/(net/[A-Za-z0-9_./-]+)");

    /** {@code echo 1 > /proc/sys/net/ipv4/ip_forward}: a sysctl written as a file. */
    private boolean procWrite(String line) {
        var m = PROC_WRITE.matcher(line);
        if (!m.matches() || m.group(2).contains("..")) return false;
        setting(m.group(2).replace('/', '.'), m.group(1));
        return true;
    }

    void setting(String key, String value) {
        if (key.equals("net.ipv4.ip_forward")) node.forwarding = !value.equals("0");
        else node.sysctls.put(key, value);
    }

    // ---- iptables

    /**
     * A rule line netlab can hold as one of its rules: nat PREROUTING DNAT (with a random probability), POSTROUTING
     * MASQUERADE or SNAT, filter INPUT/FORWARD/OUTPUT ACCEPT, DROP or REJECT; with -s, -d, -i, -o, -p, --dport and a
     * conntrack state. Empty for anything else.
     */
    static Optional<ImportedNode.Rule> rule(List<String> w) {
        String table = "filter", chain = null, jump = null;
        Map<String, String> f = new java.util.LinkedHashMap<>();
        String to = null, probability = null, rejectWith = null;
        for (int i = 1; i < w.size(); i++) {
            String k = w.get(i);
            String v = i + 1 < w.size() ? w.get(i + 1) : null;
            if (v == null && !k.equals("-m")) return Optional.empty();
            switch (k) {
                case "-t", "--table" -> table = w.get(++i);
                case "-A", "--append" -> chain = w.get(++i);
                case "-s", "--source" -> f.put("source", w.get(++i));
                case "-d", "--destination" -> f.put("destination", w.get(++i));
                case "-i", "--in-interface" -> f.put("in", w.get(++i));
                case "-o", "--out-interface" -> f.put("out", w.get(++i));
                case "-p", "--protocol" -> f.put("protocol", w.get(++i).toLowerCase(Locale.ROOT));
                case "--dport", "--destination-port" -> f.put("port", w.get(++i).replace(':', '-'));
                case "-j", "--jump" -> jump = w.get(++i);
                case "--to-destination", "--to-source", "--to" -> to = w.get(++i);
                case "--probability" -> probability = w.get(++i);
                case "--reject-with" -> rejectWith = w.get(++i);
                case "--state", "--ctstate" -> f.put("state", w.get(++i).toLowerCase(Locale.ROOT));
                case "-m", "--match" -> {
                    String m = v;
                    i++;
                    if (m == null || !Set.of("tcp", "udp", "statistic", "state", "conntrack").contains(m)) return Optional.empty();
                }
                case "--mode" -> {
                    if (!w.get(++i).equals("random")) return Optional.empty();
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (chain == null || jump == null) return Optional.empty();
        if (probability != null && (!PROBABILITY.matcher(probability).matches() || !jump.equals("DNAT"))) return Optional.empty();
        if (f.containsKey("protocol") && !Set.of("tcp", "udp", "icmp").contains(f.get("protocol"))) return Optional.empty();
        if (f.containsKey("port") && !f.get("port").matches("\\d{1,5}(-\\d{1,5})?")) return Optional.empty();
        if (f.containsKey("state") && !f.get("state").matches("[a-z]+(,[a-z]+)*")) return Optional.empty();
        Map<String, String> out = new java.util.LinkedHashMap<>();
        switch (table + " " + chain + " " + jump) {
            case "nat PREROUTING DNAT", "nat OUTPUT DNAT" -> {
                if (to == null || f.containsKey("out") || f.containsKey("state")) return Optional.empty();
                if (chain.equals("OUTPUT")) out.put("chain", "output");
                out.putAll(f);
                if (probability != null) out.put("probability", probability);
                out.put("to", to);
                return Optional.of(new ImportedNode.Rule("dnat", out));
            }
            case "nat POSTROUTING MASQUERADE", "nat POSTROUTING SNAT" -> {
                if (f.containsKey("in") || f.containsKey("state") || (jump.equals("SNAT") != (to != null))) return Optional.empty();
                out.putAll(f);
                if (to != null) out.put("to", to);
                return Optional.of(new ImportedNode.Rule(jump.equals("SNAT") ? "snat" : "masquerade", out));
            }
            default -> {
                if (!table.equals("filter") || !Set.of("INPUT", "FORWARD", "OUTPUT").contains(chain) || to != null) return Optional.empty();
                String kind = switch (jump) {
                    case "ACCEPT" -> "accept";
                    case "DROP" -> "drop";
                    case "REJECT" -> "reject";
                    default -> null;
                };
                if (kind == null || rejectWith != null && !kind.equals("reject")) return Optional.empty();
                out.put("chain", chain.toLowerCase(Locale.ROOT));
                out.putAll(f);
                if (rejectWith != null) out.put("with", rejectWith);
                return Optional.of(new ImportedNode.Rule(kind, out));
            }
        }
    }
}
