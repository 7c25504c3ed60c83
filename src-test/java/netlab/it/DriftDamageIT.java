package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import netlab.app.BuiltIn;
import netlab.cluster.Backend;
import netlab.cluster.ClusterNodeSpec;
import netlab.cluster.ClusterSpec;
import netlab.interfaces.VxlanType;
import netlab.lab.LabLoader;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.model.ModelRoute;
import netlab.model.ModelSwitch;
import netlab.net.Cidr;
import netlab.rules.NodeRules;
import netlab.services.NodeServices;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.testing.Cli;
import netlab.testing.KernelDump;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.Shell;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example lab this machine can build (the UML lane's GRE, VLAN and netem labs are skipped here), and one with tbf
 * impairments: right after up, status finds no drift at all. Then hand damages, one after another, each of a kind the
 * lab has: status must report it (exit 1, naming it), and up must bring the lab back to exactly what the fresh up made,
 * compared by a full dump of every namespace taken with iproute2, iptables and ss ({@link KernelDump}), not by netlab.
 *
 * <p>The generic damages (addresses, routes of each type, neighbours, links, MTU, sysctls, interfaces, policy rules,
 * qdiscs, firewall) rotate over the labs, so each lab gets a third of them and each of them a third of the labs; the
 * damages only some labs can take (switch ports, hubs, VXLAN and flannel entries, rules, servers, impairments, pods)
 * run on every lab that has them. -Dnetlab.damage.all=true applies every generic damage to every lab.
 */
@NeedsRoot
class DriftDamageIT {
    private static final boolean ALL = Boolean.getBoolean("netlab.damage.all");

    @TempDir
    Path stateDir;
    @TempDir
    Path work;

    /** One hand damage: what status must name, and the commands that cause it. */
    record Damage(String name, String reported, Runnable apply) {}

    @TestFactory
    Stream<DynamicTest> everyExampleLabReportsEachDamageAndUpRepairsItExactly() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Labs.repo().resolve("topologies"))) {
            files = new ArrayList<>(s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList());
        }
        Path tbf = work.resolve("tbf.yaml");
        Files.writeString(tbf, """
                name: tbf
                switches:
                  sw1: {subnet: 10.0.1.0/24}
                nodes:
                  h1: {interfaces: {eth1: {impairment: {rate: 10mbit}}}}
                  h2: {}
                links:
                  - [h1:eth1, sw1]
                  - {endpoints: [h2:eth1, sw1], impairment: {rate: 1mbit}}
                """);
        files.add(tbf);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            int rotation = i;
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> damage(f, rotation)));
        }
        return tests.stream();
    }

    private void damage(Path topology, int rotation) {
        Cli cli = Cli.withStateDir(stateDir);
        String lab = Labs.uniqueName(topology.getFileName().toString().replace(".yaml", ""));
        Cli.Result up = cli.run("up", "--name", lab, topology.toString());
        if (up.exitCode() == 3 && up.err().contains("lacks what lab")) {
            System.err.println("SKIPPED on this kernel (runs in the UML lane): " + topology.getFileName());
            return;
        }
        try {
            assertThat(up.exitCode()).as(up.toString()).isZero();
            Cli.Result fresh = cli.run("status", lab);
            assertThat(fresh.exitCode()).as("status right after up of %s%n%s", topology.getFileName(), fresh).isZero();
            assertThat(fresh.out()).contains("no drift: the lab matches its topology");
            Map<String, String> made = KernelDump.of(lab);
            LabModel model = LabLoader.fromFile(BuiltIn.catalog(), topology, Optional.of(lab)).model();
            for (Damage d : damages(lab, model, rotation)) {
                d.apply().run();
                Cli.Result status = cli.run("status", lab);
                assertThat(status.exitCode()).as("status after '%s' on %s%n%s", d.name(), topology.getFileName(), status).isEqualTo(1);
                assertThat(status.out()).as("status after '%s' on %s", d.name(), topology.getFileName()).contains(d.reported());
                Cli.Result again = cli.run("up", "--name", lab, topology.toString());
                assertThat(again.exitCode()).as("up after '%s' on %s%n%s", d.name(), topology.getFileName(), again).isZero();
                assertThat(again.err()).as("up after '%s'", d.name()).contains("it differed from its topology").doesNotContain("nothing was missing");
                Map<String, String> now = KernelDump.of(lab);
                assertThat(now).as("after '%s' on %s and up, what differs from the fresh lab:%n%s", d.name(), topology.getFileName(),
                        KernelDump.diff(made, now)).isEqualTo(made);
                Cli.Result clean = cli.run("status", lab);
                assertThat(clean.exitCode()).as("status after repairing '%s'%n%s", d.name(), clean).isZero();
            }
        } finally {
            Cli.Result down = cli.run("down", lab);
            assertThat(down.exitCode()).as(down.toString()).isZero();
        }
        assertThat(Leftovers.namespaces(lab)).isEmpty();
        assertThat(Leftovers.containers(lab)).isEmpty();
    }

    // ---- the damages a lab can take

    private static String ns(String lab, String node) {
        return "netlab." + lab + "." + node;
    }

    private static void run(String... argv) {
        Cli.Result r = Shell.result(Map.of(), argv);
        assertThat(r.exitCode()).as("%s%n%s", String.join(" ", argv), r.out()).isZero();
    }

    private static void in(String netns, String... argv) {
        String[] all = new String[argv.length + 4];
        all[0] = "ip";
        all[1] = "netns";
        all[2] = "exec";
        all[3] = netns;
        System.arraycopy(argv, 0, all, 4, argv.length);
        run(all);
    }

    List<Damage> damages(String lab, LabModel model, int rotation) {
        List<Damage> out = new ArrayList<>();
        List<Damage> generic = generic(lab, model);
        for (int j = 0; j < generic.size(); j++) if (ALL || (j + rotation) % 3 == 0) out.add(generic.get(j));
        out.addAll(specific(lab, model));
        return out;
    }

    /** Damages every lab can take, on its first node with an IPv4 address on a link (and its first with a default route). */
    private List<Damage> generic(String lab, LabModel model) {
        List<Damage> out = new ArrayList<>();
        ModelNode h = model.nodes().values().stream().filter(n -> !n.kind().equals("container") && linkAddress(n).isPresent()).findFirst().orElseThrow();
        ModelInterface i = linkAddress(h).orElseThrow();
        Cidr a = i.addresses().stream().filter(c -> !c.isV6()).findFirst().orElseThrow();
        String n = ns(lab, h.name()), dev = i.name(), w = h.name() + ": ";
        boolean forwarding = h.spec().forwarding();
        boolean impaired = !netlab.traffic.Impairments.of(model, new netlab.plan.Naming(lab, "")).stream()
                .filter(e -> e.netns().equals(n) && e.dev().equals(dev)).toList().isEmpty();
        out.add(new Damage("delete an address", w + "missing address " + a + " on " + dev, () -> run("ip", "-n", n, "addr", "del", a.toString(), "dev", dev)));
        out.add(new Damage("add an address", w + "extra address 10.123.45.6/24 on " + dev, () -> run("ip", "-n", n, "addr", "add", "10.123.45.6/24", "dev", dev)));
        out.add(new Damage("add a unicast route", w + "extra route 10.124.0.0/16 dev " + dev, () -> run("ip", "-n", n, "route", "add", "10.124.0.0/16", "dev", dev)));
        out.add(new Damage("add a blackhole route", w + "extra route blackhole 10.125.0.0/16", () -> run("ip", "-n", n, "route", "add", "blackhole", "10.125.0.0/16")));
        out.add(new Damage("add an unreachable route to another table", w + "extra route unreachable 10.126.0.0/16 table 100",
                () -> run("ip", "-n", n, "route", "add", "unreachable", "10.126.0.0/16", "table", "100")));
        out.add(new Damage("add a prohibit route", w + "extra route prohibit 10.127.0.0/16", () -> run("ip", "-n", n, "route", "add", "prohibit", "10.127.0.0/16")));
        out.add(new Damage("add a permanent neighbour", w + "extra neighbour entry 10.128.0.1 lladdr 02:00:00:00:01:28 dev " + dev + " permanent",
                () -> run("ip", "-n", n, "neigh", "add", "10.128.0.1", "lladdr", "02:00:00:00:01:28", "dev", dev)));
        out.add(new Damage("set a link down", w + "changed interface " + dev + " state: expected up, found down", () -> run("ip", "-n", n, "link", "set", dev, "down")));
        out.add(new Damage("change an MTU", w + "changed interface " + dev + " mtu", () -> run("ip", "-n", n, "link", "set", dev, "mtu", "1280")));
        out.add(new Damage("flip a sysctl", w + "changed sysctl net.ipv4.ip_forward: expected " + (forwarding ? "1, found 0" : "0, found 1"),
                () -> in(n, "sysctl", "-qw", "net.ipv4.ip_forward=" + (forwarding ? "0" : "1"))));
        out.add(new Damage("add an extra interface", w + "extra interface xtra0 (veth)", () -> run("ip", "-n", n, "link", "add", "xtra0", "type", "veth", "peer", "name", "xtra1")));
        out.add(new Damage("add a policy rule", w + "extra policy rule priority 1000 from 10.129.0.0/16 lookup 100",
                () -> run("ip", "-n", n, "rule", "add", "priority", "1000", "from", "10.129.0.0/16", "lookup", "100")));
        if (!impaired) out.add(new Damage("add a qdisc", w + "extra qdisc pfifo on " + dev, () -> run("tc", "-n", n, "qdisc", "add", "dev", dev, "root", "pfifo")));
        if (a.prefix() < 32) {
            String net = a.network().toString();
            out.add(new Damage("delete a connected route", w + "missing route " + net + " dev " + dev + " (the subnet of " + a + ")",
                    () -> run("ip", "-n", n, "route", "del", net, "dev", dev)));
        }
        out.add(new Damage("add a foreign rule", w + "extra rule filter INPUT", () -> in(n, "iptables", "-A", "INPUT", "-s", "10.130.0.0/16", "-j", "DROP")));
        out.add(new Damage("change a chain policy", w + "changed chain filter FORWARD policy: expected ACCEPT, found DROP", () -> in(n, "iptables", "-P", "FORWARD", "DROP")));
        Optional<ModelNode> routed = model.nodes().values().stream().filter(x -> !x.kind().equals("container"))
                .filter(x -> x.routes().stream().anyMatch(r -> r.to().isEmpty() && !r.v6() && r.via().isPresent() && r.dev().isEmpty())).findFirst();
        routed.ifPresent(r -> {
            ModelRoute def = r.routes().stream().filter(x -> x.to().isEmpty() && !x.v6() && x.via().isPresent()).findFirst().orElseThrow();
            String rn = ns(lab, r.name()), gw = def.via().get().toString();
            out.add(new Damage("delete a route", r.name() + ": missing route default via " + gw, () -> run("ip", "-n", rn, "route", "del", "default")));
            Cidr on = r.interfaces().values().stream().flatMap(x -> x.addresses().stream()).filter(c -> !c.isV6() && c.contains(def.via().get()))
                    .findFirst().orElseThrow();
            String other = on.host(on.prefix() >= 30 ? 1 : 200).orElseThrow().address().toString();
            out.add(new Damage("change a route's gateway", r.name() + ": changed route default: expected default via " + gw + ", found default via " + other,
                    () -> run("ip", "-n", rn, "route", "replace", "default", "via", other)));
        });
        return out;
    }

    /** The first interface of the node made by a link, with an IPv4 address. */
    private static Optional<ModelInterface> linkAddress(ModelNode n) {
        return n.interfaces().values().stream().filter(i -> i.segment().isPresent() && i.addresses().stream().anyMatch(c -> !c.isV6())).findFirst();
    }

    /** Damages only some labs can take: switches and hubs, in-node bridges, VXLAN and flannel entries, rules, servers, qdiscs, pods. */
    private List<Damage> specific(String lab, LabModel model) {
        List<Damage> out = new ArrayList<>();
        String fabric = "netlab." + lab;
        for (ModelSwitch s : model.switches().values()) {
            if (s.ports().isEmpty()) continue;
            String port = s.ports().get(0).portName(), sw = "switch " + s.name() + ": ";
            out.add(new Damage("remove a port from a switch", sw + "changed interface " + port + " master: expected " + s.name() + ", found none",
                    () -> run("ip", "-n", fabric, "link", "set", port, "nomaster")));
            out.add(new Damage("move a port to another bridge", sw + "changed interface " + port + " master: expected " + s.name() + ", found xbr", () -> {
                run("ip", "-n", fabric, "link", "add", "xbr", "type", "bridge");
                run("ip", "-n", fabric, "link", "set", port, "master", "xbr");
            }));
            if (s.spec().hub()) {
                out.add(new Damage("let a hub port learn", sw + "changed interface " + port + " learning: expected off, found on",
                        () -> run("ip", "-n", fabric, "link", "set", port, "type", "bridge_slave", "learning", "on")));
            } else {
                out.add(new Damage("change a switch's ageing time", sw + "changed interface " + s.name() + " ageing_time: expected 30000, found 1000",
                        () -> run("ip", "-n", fabric, "link", "set", s.name(), "type", "bridge", "ageing_time", "1000")));
            }
            break;
        }
        for (ModelNode n : model.nodes().values()) {
            String nn = ns(lab, n.name()), w = n.name() + ": ";
            for (ModelInterface i : n.interfaces().values()) {
                if (i.spec().typeSpec() instanceof VxlanType.Spec v && !v.fdb().isEmpty()) {
                    VxlanType.FdbEntry e = v.fdb().get(0);
                    String mac = e.mac().map(Object::toString).orElse("00:00:00:00:00:00");
                    out.add(new Damage("delete a static VXLAN entry", w + "missing FDB entry " + mac + " dev " + i.name() + " dst " + e.dst(),
                            () -> run("bridge", "-n", nn, "fdb", "del", mac, "dev", i.name(), "dst", e.dst().toString())));
                    out.add(new Damage("add a static VXLAN entry", w + "extra FDB entry 00:00:00:00:00:00 dev " + i.name() + " dst 10.0.9.9 self",
                            () -> run("bridge", "-n", nn, "fdb", "append", "00:00:00:00:00:00", "dev", i.name(), "dst", "10.0.9.9")));
                }
                if (i.spec().typeSpec() instanceof netlab.interfaces.BridgeType.Spec b && !b.ports().isEmpty()) {
                    Optional<ModelInterface> other = n.interfaces().values().stream()
                            .filter(x -> x != i && x.spec().typeSpec() instanceof netlab.interfaces.BridgeType.Spec).findFirst();
                    String port = b.ports().get(0).text();
                    other.ifPresent(o -> out.add(new Damage("move an interface to another bridge in a node",
                            w + "changed interface " + port + " master: expected " + i.name() + ", found " + o.name(),
                            () -> run("ip", "-n", nn, "link", "set", port, "master", o.name()))));
                }
            }
            if (!NodeRules.of(n.spec()).isEmpty()) out.add(rewriteRule(nn, w));
        }
        ClusterSpec.of(model.topology()).filter(c -> c.backend() == Backend.VXLAN).ifPresent(c -> {
            ClusterNodeSpec first = c.nodes().values().iterator().next();
            String nn = ns(lab, first.name()), w = first.name() + ": ";
            out.add(new Damage("flush flannel's permanent neighbours", w + "missing neighbour entry",
                    () -> run("ip", "-n", nn, "neigh", "flush", "dev", "flannel.1", "nud", "permanent")));
            out.add(new Damage("delete flannel's FDB entries", w + "missing FDB entry", () -> {
                String fdb = Shell.stdout("bridge", "-n", nn, "fdb", "show", "dev", "flannel.1");
                for (String line : fdb.lines().filter(l -> l.contains(" dst ")).toList()) {
                    String[] f = line.trim().split("\\s+");
                    run("bridge", "-n", nn, "fdb", "del", f[0], "dev", "flannel.1", "dst", f[2]);
                }
            }));
        });
        serverToKill(lab, model).ifPresent(out::add);
        for (netlab.traffic.ImpairedEnd e : netlab.traffic.Impairments.of(model, new netlab.plan.Naming(lab, ""))) {
            if (e.impairment().needsNetem()) continue;
            String w = (e.label().startsWith("node ") ? e.label().substring(5) : "switch") + ": ";
            out.add(new Damage("delete a qdisc", "missing qdisc tbf", () -> run("tc", "-n", e.netns(), "qdisc", "del", "dev", e.dev(), "root")));
            out.add(new Damage("change a tbf parameter", "changed qdisc on " + e.dev(),
                    () -> run("tc", "-n", e.netns(), "qdisc", "change", "dev", e.dev(), "root", "tbf", "rate", "20mbit", "burst", "4096", "latency", "200ms")));
            break;
        }
        for (ModelNode n : model.nodes().values()) {
            if (n.spec().kindSpec() instanceof netlab.nodes.PodNode.Spec p) {
                String member = "netlab." + lab + "." + n.name() + "." + p.containers().keySet().iterator().next();
                out.add(new Damage("stop a pod's container", n.name() + ": missing container " + member, () -> run("docker", "stop", "-t", "1", member)));
                break;
            }
        }
        return out;
    }

    /** netlab's first rule of the node rewritten under its own comment (its source changed). */
    private static Damage rewriteRule(String netns, String w) {
        return new Damage("rewrite a rule keeping its comment", w + "changed rule ", () -> {
            for (String table : List.of("filter", "nat")) {
                String save = Shell.stdout("ip", "netns", "exec", netns, "iptables-save", "-t", table);
                Optional<String> rule = save.lines().filter(l -> l.startsWith("-A ") && l.contains("--comment \"netlab:")).findFirst();
                if (rule.isEmpty()) continue;
                String[] head = rule.get().split(" ", 3); // -A CHAIN REST
                long position = save.lines().filter(l -> l.startsWith("-A " + head[1] + " ")).takeWhile(l -> !l.equals(rule.get())).count() + 1;
                String rest = head[2].matches("(?s).*(^| )-s \\S+.*") ? head[2].replaceFirst("(^| )-s \\S+", "$1-s 10.77.0.0/16") : "-s 10.77.0.0/16 " + head[2];
                run("ip", "netns", "exec", netns, "sh", "-c", "iptables -t " + table + " -R " + head[1] + " " + position + " " + rest);
                return;
            }
            throw new AssertionError("no netlab rule in " + netns);
        });
    }

    private Optional<Damage> serverToKill(String lab, LabModel model) {
        boolean any = model.nodes().values().stream().anyMatch(n -> !NodeServices.of(n.spec()).isEmpty());
        if (!any) return Optional.empty();
        return Optional.of(new Damage("kill a server", "missing server", () -> {
            LabState state = new StateStore(stateDir).load(netlab.state.LabName.of(lab)).orElseThrow();
            LabState.ProcessRecord p = state.processes().stream().filter(x -> !x.what().startsWith("etcd")).findFirst()
                    .orElse(state.processes().get(0));
            ProcessHandle.of(p.pid()).ifPresent(h -> {
                h.destroy();
                h.onExit().join();
            });
        }));
    }
}
