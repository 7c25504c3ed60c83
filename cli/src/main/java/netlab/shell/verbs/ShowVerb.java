package netlab.shell.verbs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.console.NodeArgument;
import netlab.console.Table;
import netlab.doctor.Privileges;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.json.Json;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.model.ModelSwitch;
import netlab.net.IpAddress;
import netlab.plan.Naming;
import netlab.process.ProcResult;
import netlab.shell.Candidates;
import netlab.shell.LiveLinks;
import netlab.shell.ShellSession;
import netlab.shell.Verb;
import netlab.source.Suggest;
import netlab.topology.Names;

/**
 * {@code show fdb|arp|routes|rules|addr [NODE]}: a table of the running lab, with lab names put next to raw
 * addresses (which node owns this MAC, which node:interface a switch port leads to). Without a node: all of them.
 */
final class ShowVerb implements Verb {
    private static final List<String> WHAT = List.of("fdb", "arp", "routes", "rules", "addr");

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String usage() {
        return "show fdb [SWITCH] | show arp|routes|rules|addr [NODE]";
    }

    @Override
    public String summary() {
        return "switch forwarding tables, neighbour (ARP) tables, routes, firewall/NAT rules, addresses";
    }

    @Override
    public int run(List<String> args, ShellSession s) throws InterruptedException {
        if (args.isEmpty() || !WHAT.contains(args.get(0)) || args.size() > 2) {
            throw NetlabException.usage("usage: " + usage() + (args.isEmpty() ? "" : Suggest.hint(args.get(0), WHAT)));
        }
        String what = args.get(0);
        if (args.size() > 1 && what.equals("fdb")) Names.checkIfname(args.get(1), "switch name").ifPresent(msg -> {
            throw NetlabException.usage(msg);
        });
        if (args.size() > 1 && !what.equals("fdb")) NodeArgument.node(args.get(1));
        LabModel m = s.lab().model();
        Naming naming = s.env().naming(m.name());
        Privileges.require();
        if (what.equals("fdb")) return fdb(m, naming, args.size() > 1 ? List.of(args.get(1)) : List.copyOf(m.switches().keySet()), s);
        List<String> nodes = args.size() > 1 ? List.of(args.get(1)) : List.copyOf(m.nodes().keySet());
        for (String n : nodes) {
            if (m.node(n).isEmpty()) throw NetlabException.usage("lab '" + m.name() + "' has no node '" + n + "'" + Suggest.hint(n, m.nodes().keySet()));
        }
        for (String n : nodes) {
            String ns = naming.nodeNetns(n);
            switch (what) {
                case "arp" -> arp(m, n, ns, s);
                case "routes" -> routes(n, ns, s);
                case "rules" -> rules(n, ns, s);
                default -> raw(n, s, List.of(List.of("ip", "-n", ns, "addr", "show")));
            }
        }
        return ExitCode.OK;
    }

    private int fdb(LabModel m, Naming naming, List<String> switches, ShellSession s) throws InterruptedException {
        for (String sw : switches) {
            if (!m.switches().containsKey(sw)) throw NetlabException.usage("lab '" + m.name() + "' has no switch '" + sw + "'" + Suggest.hint(sw, m.switches().keySet()));
        }
        Map<String, String> macOwner = macOwners(m, naming, s);
        for (String sw : switches) {
            ModelSwitch model = m.switches().get(sw);
            List<Map<String, Object>> rows = json(s, List.of("bridge", "-n", naming.fabricNetns(), "-j", "fdb", "show", "br", sw));
            Table t = new Table("PORT", "LEADS TO", "MAC", "OWNER", "STATE");
            for (Map<String, Object> r : rows) {
                String state = String.valueOf(r.getOrDefault("state", ""));
                if (state.equals("permanent")) continue; // the ports' own addresses, not learned ones
                String port = String.valueOf(r.get("ifname"));
                if (port.equals(sw)) continue; // the bridge's own address
                String mac = String.valueOf(r.get("mac"));
                String leads = model.ports().stream().filter(p -> p.portName().equals(port)).findFirst()
                        .map(p -> p.nodeRef().orElse(p.peer() instanceof ModelSwitch.SwitchPort o ? "switch " + o.sw() : "?")).orElse("?");
                t.row(port, leads, mac, macOwner.getOrDefault(mac, ""), state.isEmpty() ? "learned" : state);
            }
            s.out().println("switch " + sw + (model.spec().hub() ? " (hub: learns nothing)" : "") + ":");
            if (t.size() == 0) s.out().println("  (no learned addresses)");
            else t.print(s.out());
        }
        return ExitCode.OK;
    }

    /** MAC → node:interface, read from the running nodes. */
    private static Map<String, String> macOwners(LabModel m, Naming naming, ShellSession s) throws InterruptedException {
        Map<String, String> owners = new HashMap<>();
        List<String> ns = new ArrayList<>();
        m.nodes().keySet().forEach(n -> ns.add(naming.nodeNetns(n)));
        LiveLinks live = LiveLinks.read(s.env(), ns);
        for (ModelNode n : m.nodes().values()) {
            for (ModelInterface i : n.interfaces().values()) {
                String mac = live.mac(naming.nodeNetns(n.name()), i.name());
                if (mac != null && !i.name().equals("lo")) owners.put(mac, i.ref());
            }
        }
        return owners;
    }

    private void arp(LabModel m, String node, String ns, ShellSession s) throws InterruptedException {
        Table t = new Table("ADDRESS", "MAC", "DEV", "STATE", "OWNER");
        for (Map<String, Object> r : json(s, List.of("ip", "-n", ns, "-j", "neigh", "show"))) {
            Object st = r.get("state");
            String state = st instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : String.valueOf(st);
            String dst = String.valueOf(r.get("dst"));
            String owner = IpAddress.parse(dst).flatMap(m::ownerOf).map(ModelInterface::ref).orElse("");
            t.row(dst, r.get("lladdr") == null ? "-" : String.valueOf(r.get("lladdr")), String.valueOf(r.get("dev")), state, owner);
        }
        s.out().println(node + ":");
        if (t.size() == 0) s.out().println("  (no neighbours)");
        else t.print(s.out());
    }

    /**
     * The node's routes (main table, IPv4 then IPv6 without the link-local and multicast ones every interface has),
     * each with the protocol that put it there, in ip's words: {@code boot} what netlab (or a user) added,
     * {@code kernel} an interface's own subnet, {@code ospf}, {@code bgp}, {@code static} what a routing daemon
     * installed.
     */
    private void routes(String node, String ns, ShellSession s) throws InterruptedException {
        Table t = new Table("DESTINATION", "VIA", "DEV", "PROTO");
        for (String family : List.of("-4", "-6")) {
            for (Map<String, Object> r : json(s, List.of("ip", "-n", ns, "-j", family, "route", "show", "table", "main"))) {
                String dst = String.valueOf(r.get("dst"));
                if (dst.startsWith("fe80:") || dst.startsWith("ff00:") || dst.startsWith("multicast")) continue;
                Object type = r.get("type");
                String shown = type != null && !"unicast".equals(type) ? type + " " + dst : dst;
                List<String> via = new ArrayList<>();
                List<String> devs = new ArrayList<>();
                if (r.get("nexthops") instanceof List<?> hops) {
                    for (Object h : hops) {
                        if (!(h instanceof Map<?, ?> hop)) continue;
                        if (hop.get("gateway") != null) via.add(String.valueOf(hop.get("gateway")));
                        if (hop.get("dev") != null) devs.add(String.valueOf(hop.get("dev")));
                    }
                } else {
                    if (r.get("gateway") != null) via.add(String.valueOf(r.get("gateway")));
                    if (r.get("dev") != null) devs.add(String.valueOf(r.get("dev")));
                }
                Object proto = r.get("protocol");
                t.row(shown, via.isEmpty() ? "-" : String.join(",", via), devs.isEmpty() ? "-" : String.join(",", devs), proto == null ? "boot" : String.valueOf(proto));
            }
        }
        s.out().println(node + ":");
        if (t.size() == 0) s.out().println("  (no routes)");
        else t.print(s.out());
    }

    /**
     * Firewall and NAT rules with their packet counters ([packets:bytes], as iptables-save -c prints them: the
     * rules netlab makes are iptables rules), native nftables tables if there are any, and policy routing.
     */
    private void rules(String node, String ns, ShellSession s) throws InterruptedException {
        s.out().println(node + ":");
        StringBuilder text = new StringBuilder();
        for (String save : List.of("iptables-save", "ip6tables-save")) {
            ProcResult r = run(s, List.of("ip", "netns", "exec", ns, save, "-c"));
            if (r.ok()) r.stdout().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> text.append(l).append('\n'));
        }
        ProcResult nft = run(s, List.of("ip", "netns", "exec", ns, "nft", "list", "ruleset"));
        if (nft.ok() && text.length() == 0) text.append(nft.stdout().strip());
        s.out().println(text.length() == 0 ? "  (no firewall or NAT rules)" : indent(text.toString().strip()));
        ProcResult rules = run(s, List.of("ip", "-n", ns, "rule", "show"));
        List<String> custom = rules.stdout().lines()
                .filter(l -> !l.matches("^(0|32766|32767):\\s+from all lookup (local|main|default)\\s*$")).toList();
        if (!custom.isEmpty()) {
            s.out().println("  policy routing:");
            custom.forEach(l -> s.out().println("    " + l));
        }
    }

    private void raw(String node, ShellSession s, List<List<String>> commands) throws InterruptedException {
        s.out().println(node + ":");
        for (List<String> c : commands) {
            ProcResult r = run(s, c);
            String text = (r.ok() ? r.stdout() : r.errorText()).stripTrailing();
            if (!text.isEmpty()) s.out().println(indent(text));
        }
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static ProcResult run(ShellSession s, List<String> argv) throws InterruptedException {
        return s.env().processes().run(argv, null, Duration.ofSeconds(10));
    }

    private static List<Map<String, Object>> json(ShellSession s, List<String> argv) throws InterruptedException {
        ProcResult r = run(s, argv);
        if (!r.ok()) throw NetlabException.failed(String.join(" ", argv) + ": " + r.errorText());
        return Json.rows(r.stdout());
    }

    @Override
    public List<String> complete(List<String> args, int index, ShellSession s) {
        if (index == 0) return WHAT;
        if (index == 1) return args.get(0).equals("fdb") ? Candidates.switches(s) : Candidates.nodes(s);
        return List.of();
    }
}
