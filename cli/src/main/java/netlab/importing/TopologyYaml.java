package netlab.importing;

import java.util.List;
import java.util.Map;
import netlab.source.Printable;

/**
 * Writes an {@link ImportedLab} as netlab's YAML. Every string that came from the peer's lab is written double-quoted
 * with every control, format and non-ASCII-space character escaped, so no name, path or command can end its value,
 * open a new key or line, or hide what it is; comments get {@link Printable#line} (one line whatever it held).
 */
final class TopologyYaml {
    private final StringBuilder out = new StringBuilder();

    private TopologyYaml() {}

    static String write(ImportedLab lab, String command) {
        TopologyYaml y = new TopologyYaml();
        y.header(lab, command);
        y.body(lab);
        return y.out.toString();
    }

    /** A YAML double-quoted scalar, nothing invisible left as is (the writer every expanded topology uses too). */
    static String q(String s) {
        return netlab.yaml.YamlWriter.quote(s);
    }

    private void line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }

    private void comment(String text) {
        out.append("# ").append(Printable.escaped(text)).append('\n');
    }

    private void header(ImportedLab lab, String command) {
        comment("netlab topology imported from a " + lab.format + " lab (" + lab.source + ") by '" + command + "'.");
        if (lab.runsCommands()) {
            comment("SECURITY: the lab's own commands are kept below (exec, container commands): 'netlab up' runs them as root,");
            comment("in the lab's nodes, as it runs any topology's commands. Review them before running it (README: Security).");
        }
        if (!lab.notes.isEmpty()) {
            comment("How it was translated:");
            for (String n : lab.notes) comment("  - " + n);
        }
        if (lab.unimported.isEmpty()) comment("Everything in the lab was imported.");
        else {
            comment("Not imported (" + lab.unimported.size() + "):");
            for (Unimported u : lab.unimported) comment("  - " + u);
        }
    }

    private void body(ImportedLab lab) {
        line(0, "name: " + q(lab.name));
        lab.description.ifPresent(d -> line(0, "description: " + q(d)));
        if (!lab.switches.isEmpty()) {
            line(0, "switches:");
            for (String s : lab.switches.keySet()) line(1, q(s) + ": {}");
        }
        line(0, "nodes:");
        for (ImportedNode n : lab.nodes.values()) node(n);
        if (!lab.links.isEmpty()) {
            line(0, "links:");
            for (ImportedLab.Link l : lab.links) line(1, "- [" + q(l.a()) + ", " + q(l.b()) + "]");
        }
        if (!lab.checks.isEmpty()) {
            line(0, "checks:");
            for (ImportedLab.Check c : lab.checks) {
                line(1, "- name: " + q(c.name()));
                line(2, c.kind() + ": " + flow(c.fields()));
                if (c.awaitsRouting()) {
                    line(2, "retries: " + RoutingChecks.RETRIES);
                    line(2, "interval: " + RoutingChecks.INTERVAL);
                } else if (c.kind().equals("reachability")) {
                    // IPv6 addresses need DAD before they answer; a first ARP may be slow under load
                    line(2, "retries: 3");
                    line(2, "interval: 1s");
                }
            }
        }
    }

    private void node(ImportedNode n) {
        line(1, q(n.name) + ":");
        if (n.container()) {
            line(2, "kind: container");
            n.image.ifPresent(i -> line(2, "image: " + q(i)));
            n.command.ifPresent(c -> line(2, "command: " + q(c)));
            if (!n.environment.isEmpty()) line(2, "environment: " + flow(n.environment));
            if (!n.mounts.isEmpty()) {
                line(2, "mounts:");
                for (String m : n.mounts) line(3, "- " + q(m));
            }
        }
        if (n.forwarding) line(2, "forwarding: true");
        if (n.interfaces.values().stream().anyMatch(i -> !i.addresses.isEmpty() || i.mac.isPresent() || i.type.isPresent() || !i.impairment.isEmpty())) {
            line(2, "interfaces:");
            for (Map.Entry<String, ImportedInterface> e : n.interfaces.entrySet()) {
                ImportedInterface i = e.getValue();
                if (i.addresses.isEmpty() && i.mac.isEmpty() && i.type.isEmpty() && i.impairment.isEmpty()) continue;
                line(3, q(e.getKey()) + ":");
                i.type.ifPresent(t -> line(4, "type: " + q(t)));
                if (i.type.isPresent()) line(4, "ports: " + list(i.ports));
                i.mac.ifPresent(m -> line(4, "mac: " + q(m)));
                if (!i.addresses.isEmpty()) line(4, "addresses: " + list(i.addresses));
                if (!i.impairment.isEmpty()) line(4, "impairment: " + flow(i.impairment));
            }
        }
        if (!n.routes.isEmpty()) {
            line(2, "routes:");
            for (ImportedNode.Route r : n.routes) {
                StringBuilder b = new StringBuilder("- {to: " + q(r.to()));
                r.via().ifPresent(v -> b.append(", via: ").append(q(v)));
                r.dev().ifPresent(d -> b.append(", dev: ").append(q(d)));
                line(3, b.append('}').toString());
            }
        }
        if (!n.sysctls.isEmpty()) line(2, "sysctls: " + flow(n.sysctls));
        if (!n.rules.isEmpty()) {
            line(2, "rules:");
            for (ImportedNode.Rule r : n.rules) line(3, "- " + r.kind() + ": " + ruleFields(r.fields()));
        }
        n.routingFrr.ifPresent(t -> {
            line(2, "routing:");
            line(3, "frr: " + q(t));
        });
        n.httpPages.ifPresent(p -> {
            line(2, "services:");
            if (p.isEmpty()) line(3, "- http");
            else line(3, "- http: {pages: " + flow(p) + "}");
        });
        if (!n.exec.isEmpty()) {
            line(2, "exec:");
            for (String c : n.exec) line(3, "- " + q(c));
        }
    }

    private static String ruleFields(Map<String, String> f) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, String> e : f.entrySet()) {
            if (b.length() > 1) b.append(", ");
            b.append(e.getKey()).append(": ");
            String v = e.getValue();
            if (e.getKey().equals("state")) b.append(list(List.of(v.split(","))));
            // numbers the translator checked digit by digit
            else if ((e.getKey().equals("probability") || e.getKey().equals("port")) && v.matches("[0-9.]+")) b.append(v);
            else b.append(q(v));
        }
        return b.append('}').toString();
    }

    private static String list(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (String s : items) {
            if (b.length() > 1) b.append(", ");
            b.append(q(s));
        }
        return b.append(']').toString();
    }

    private static String flow(Map<String, ?> m) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, ?> e : m.entrySet()) {
            if (b.length() > 1) b.append(", ");
            b.append(q(e.getKey())).append(": ");
            Object v = e.getValue();
            if (v instanceof List<?> l) b.append(list(l.stream().map(String::valueOf).toList()));
            else if (v instanceof Boolean bool) b.append(bool);
            else if (v instanceof Integer i) b.append(i);
            else b.append(q(String.valueOf(v)));
        }
        return b.append('}').toString();
    }
}
