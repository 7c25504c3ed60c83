package netlab.importing;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.errors.NetlabException;
import netlab.source.Budget;
import netlab.source.Diagnostics;
import netlab.source.Printable;
import netlab.source.TopologyFile;
import netlab.topology.Names;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YScalar;
import netlab.yaml.YSeq;
import netlab.yaml.YamlLoader;

/**
 * Reads a containerlab topology (.clab.yml) of linux-kind nodes and bridges: a linux node is a container node of its
 * image with its exec commands (addresses and routes among them become netlab's keys), binds (host paths must be
 * plain files or directories under the topology's directory, no links on the way) and env; a bridge or ovs-bridge
 * is a switch, which netlab makes inside the lab rather than on the host. containerlab's management network (each
 * node's eth0, mgmt-ipv4...) is left out and said so: netlab labs have no path to the host.
 */
final class ContainerlabImporter {
    private static final Set<String> NODE_KEYS = Set.of("kind", "image", "exec", "binds", "env", "cmd");
    private final ImportedLab lab;
    private final Path base;

    private ContainerlabImporter(ImportedLab lab, Path base) {
        this.lab = lab;
        this.base = base;
    }

    static ImportedLab read(Path file, Optional<String> name) {
        Diagnostics d = new Diagnostics();
        Optional<byte[]> bytes = TopologyFile.read(file, file.toString(), Budget.DEFAULT, d);
        Optional<YNode> root = bytes.flatMap(b -> YamlLoader.parse(b, file.toString(), Budget.DEFAULT, d));
        d.throwIfAny();
        if (!(root.get() instanceof YMap top)) throw NetlabException.usage(Printable.name(file.toString()) + ": not a containerlab topology (no mapping)");
        Path base;
        try {
            base = file.toAbsolutePath().getParent().toRealPath();
        } catch (java.io.IOException e) {
            throw NetlabException.usage("cannot resolve the directory of " + Printable.name(file.toString()) + ": " + e.getMessage());
        }
        String labName = name.orElseGet(() -> text(top.get("name")).map(KatharaImporter.LabName::from).orElse("imported"));
        ImportedLab lab = new ImportedLab("containerlab", file.toString(), labName);
        new ContainerlabImporter(lab, base).build(top);
        return lab;
    }

    private static Optional<String> text(Optional<YNode> n) {
        return n.filter(YScalar.class::isInstance).map(YScalar.class::cast).filter(s -> !s.isNull()).map(YScalar::value);
    }

    private static String at(YNode n) {
        return "line " + n.pos().line();
    }

    private void build(YMap top) {
        for (YMap.Entry e : top.entries()) {
            String k = e.key().value();
            if (k.equals("mgmt")) lab.skip(at(e.key()), "mgmt", "the management network is left out: a netlab lab has no path to the host");
            else if (!Set.of("name", "topology", "prefix").contains(k)) lab.skip(at(e.key()), Printable.name(k), "not a key netlab imports");
        }
        YMap topo = top.get("topology").filter(YMap.class::isInstance).map(YMap.class::cast)
                .orElseThrow(() -> NetlabException.usage("the containerlab file has no 'topology' mapping"));
        Map<String, YNode> defaults = settings(topo.get("defaults"));
        Map<String, Map<String, YNode>> kinds = new LinkedHashMap<>();
        topo.get("kinds").filter(YMap.class::isInstance).map(YMap.class::cast)
                .ifPresent(m -> m.entries().forEach(e -> kinds.put(e.key().value(), settings(Optional.of(e.value())))));
        lab.notes.add("each node's eth0 (containerlab's management interface) is not made: its data interfaces are linked as written");
        YMap nodes = topo.get("nodes").filter(YMap.class::isInstance).map(YMap.class::cast)
                .orElseThrow(() -> NetlabException.usage("the containerlab file has no 'topology: nodes' mapping"));
        Map<String, String> kindOf = new LinkedHashMap<>();
        for (YMap.Entry e : nodes.entries()) {
            String n = e.key().value();
            Optional<String> bad = Names.checkNode(n);
            if (bad.isPresent()) {
                lab.skip(at(e.key()), "node", bad.get());
                continue;
            }
            Map<String, YNode> own = settings(Optional.of(e.value()));
            String kind = text(Optional.ofNullable(own.get("kind"))).or(() -> text(Optional.ofNullable(defaults.get("kind")))).orElse("");
            Map<String, YNode> s = new LinkedHashMap<>(defaults);
            s.putAll(kinds.getOrDefault(kind, Map.of()));
            s.putAll(own);
            kindOf.put(n, kind);
            switch (kind) {
                case "linux" -> linux(n, s, e.key());
                case "bridge", "ovs-bridge" -> {
                    if (Names.checkIfname(n, "switch").isPresent()) lab.skip(at(e.key()), n, "a bridge's name must be an interface name");
                    else lab.switches.put(n, n);
                    if (kind.equals("ovs-bridge")) lab.notes.add(n + ": an Open vSwitch bridge is a Linux bridge here");
                    lab.notes.add(n + ": the bridge is made inside the lab, not on the host");
                }
                default -> lab.skip(at(e.key()), "node " + n + " of kind '" + Printable.name(kind) + "'", "only linux nodes and bridges are imported");
            }
        }
        topo.get("links").filter(YSeq.class::isInstance).map(YSeq.class::cast).ifPresent(seq -> seq.items().forEach(l -> link(l, kindOf)));
        for (YMap.Entry e : topo.entries()) {
            if (!Set.of("nodes", "links", "defaults", "kinds").contains(e.key().value())) {
                lab.skip(at(e.key()), "topology: " + Printable.name(e.key().value()), "not a key netlab imports");
            }
        }
        translateExec();
        DerivedChecks.add(lab);
    }

    private static Map<String, YNode> settings(Optional<YNode> n) {
        Map<String, YNode> m = new LinkedHashMap<>();
        n.filter(YMap.class::isInstance).map(YMap.class::cast).ifPresent(map -> map.entries().forEach(e -> m.put(e.key().value(), e.value())));
        return m;
    }

    private static List<String> strings(YNode n) {
        List<String> out = new ArrayList<>();
        if (n instanceof YSeq s) for (YNode i : s.items()) if (i instanceof YScalar sc && !sc.isNull()) out.add(sc.value());
        if (n instanceof YScalar sc && !sc.isNull()) out.add(sc.value());
        return out;
    }

    private void linux(String name, Map<String, YNode> s, YNode where) {
        ImportedNode node = lab.node(name);
        node.kind = "container";
        node.image = text(Optional.ofNullable(s.get("image")));
        text(Optional.ofNullable(s.get("cmd"))).ifPresent(c -> node.command = Optional.of(c));
        for (Map.Entry<String, YNode> e : s.entrySet()) {
            if (!NODE_KEYS.contains(e.getKey())) {
                String why = e.getKey().startsWith("mgmt") || e.getKey().equals("ports") || e.getKey().equals("network-mode")
                        ? "the management network and host ports are left out" : "not a key netlab imports";
                lab.skip(at(e.getValue()), name + ": " + Printable.name(e.getKey()), why);
            }
        }
        if (s.get("env") instanceof YMap env) {
            for (YMap.Entry e : env.entries()) {
                if (e.key().value().matches("[A-Za-z_][A-Za-z0-9_]*") && e.value() instanceof YScalar v) node.environment.put(e.key().value(), v.value());
                else lab.skip(at(e.key()), name + ": env " + Printable.name(e.key().value()), "not NAME: VALUE");
            }
        }
        if (s.containsKey("binds")) for (String b : strings(s.get("binds"))) bind(node, b, s.get("binds"));
        if (s.containsKey("exec")) {
            List<String> exec = strings(s.get("exec"));
            // interfaces the exec lines may name: the ones links give the node, known once links are read
            pendingExec.put(name, exec);
            pendingAt.put(name, at(s.get("exec")));
        }
    }

    private final Map<String, List<String>> pendingExec = new LinkedHashMap<>();
    private final Map<String, String> pendingAt = new LinkedHashMap<>();

    /** A bind: a host path under the topology's directory (relative to it, or absolute inside it) to an absolute path. */
    private void bind(ImportedNode node, String text, YNode where) {
        String[] parts = text.split(":", -1);
        String what = node.name + ": bind " + Printable.name(text);
        if (parts.length < 2 || parts.length > 3 || !parts[1].startsWith("/") || parts.length == 3 && !Set.of("ro", "rw").contains(parts[2])) {
            lab.skip(at(where), what, "not HOST:CONTAINER[:ro|rw]");
            return;
        }
        String host = parts[0];
        Path abs = (host.startsWith("/") ? Path.of(host) : base.resolve(host)).normalize();
        if (!abs.startsWith(base)) {
            lab.skip(at(where), what, "outside the topology's directory");
            return;
        }
        String rel = base.relativize(abs).toString();
        Optional<String> bad = LabFiles.checked(rel);
        if (bad.isEmpty() && LabFiles.checked(parts[1].substring(1)).isPresent()) bad = Optional.of("the container path is not plain names");
        if (bad.isPresent()) {
            lab.skip(at(where), what, bad.get());
            return;
        }
        Path p = base;
        for (String part : rel.split("/")) {
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) {
                lab.skip(at(where), what, "a symbolic link on the way (never followed)");
                return;
            }
        }
        if (!Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            lab.skip(at(where), what, "no such file or directory");
            return;
        }
        node.mounts.add(abs + ":" + parts[1] + (parts.length == 3 ? ":" + parts[2] : ""));
    }

    private void link(YNode l, Map<String, String> kindOf) {
        List<String> ends = new ArrayList<>();
        if (l instanceof YMap m && m.get("endpoints").isPresent()) {
            YNode eps = m.get("endpoints").get();
            if (eps instanceof YSeq s) {
                for (YNode i : s.items()) {
                    if (i instanceof YScalar sc) ends.add(sc.value());
                    else if (i instanceof YMap em) ends.add(text(em.get("node")).orElse("") + ":" + text(em.get("interface")).orElse(""));
                }
            }
            for (YMap.Entry e : m.entries()) {
                if (!Set.of("endpoints", "type").contains(e.key().value())) lab.skip(at(e.key()), "link setting " + Printable.name(e.key().value()), "not imported");
            }
        }
        if (ends.size() != 2) {
            lab.skip(at(l), "a link", "not two endpoints");
            return;
        }
        List<String> out = new ArrayList<>();
        for (String end : ends) {
            int colon = end.indexOf(':');
            String node = colon < 0 ? end : end.substring(0, colon), iface = colon < 0 ? "" : end.substring(colon + 1);
            String kind = kindOf.get(node);
            if (kind == null) {
                lab.skip(at(l), "link endpoint " + Printable.name(end), node.equals("host") || node.equals("mgmt-net") || node.equals("macvlan")
                        ? "a link to the host: netlab never connects a lab to the host" : "no such imported node");
                return;
            }
            if (Names.checkIfname(iface, "interface").isPresent()) {
                lab.skip(at(l), "link endpoint " + Printable.name(end), "not an interface name");
                return;
            }
            if (kind.equals("linux")) {
                lab.nodes.get(node).iface(iface);
                out.add(node + ":" + iface);
            } else {
                out.add(node);
            }
        }
        if (!out.get(0).contains(":") && !out.get(1).contains(":")) lab.links.add(new ImportedLab.Link(out.get(0), out.get(1)));
        else if (!out.get(0).contains(":")) lab.links.add(new ImportedLab.Link(out.get(1), out.get(0)));
        else lab.links.add(new ImportedLab.Link(out.get(0), out.get(1)));
    }

    /** Exec lines of nodes are translated once their interfaces are known (after the links). */
    private void translateExec() {
        for (Map.Entry<String, List<String>> e : pendingExec.entrySet()) {
            ImportedNode node = lab.nodes.get(e.getKey());
            new StartupTranslator(lab, node, "exec of " + e.getKey() + " at " + pendingAt.get(e.getKey()) + ", item").translate(e.getValue(), 1);
        }
    }
}
