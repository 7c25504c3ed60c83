package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import netlab.app.BuiltIn;
import netlab.json.Json;
import netlab.lab.LabLoader;
import netlab.lab.LoadedLab;
import netlab.model.ModelInterface;
import netlab.plan.Naming;
import netlab.process.ProcessRunner;
import netlab.routing.RoutingLab;
import netlab.routing.config.FrrConfigWriter;
import netlab.routing.config.FrrDaemon;
import netlab.routing.config.FrrNode;
import netlab.routing.config.RoutingResolver;
import netlab.routing.observe.FrrObserver;
import netlab.routing.observe.OspfNeighbor;
import netlab.routing.runtime.FrrInstall;
import netlab.routing.runtime.FrrLayout;
import netlab.routing.runtime.FrrProcess;
import netlab.routing.runtime.FrrRuntime;
import netlab.routing.spec.RoutingParser;
import netlab.routing.spec.RoutingSpec;
import netlab.source.Diagnostics;
import netlab.state.StateStore;
import netlab.testing.Cli;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.Shell;
import netlab.yaml.YMap;
import netlab.yaml.YamlLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FRR's runtime in a real lab, before the routing extension is wired into netlab: netlab builds three routers in a
 * line (point-to-point /30 links, a loopback each, no static route), then the test starts FRR in each router with
 * the runtime directly. Without ospfd nothing routes between the loopbacks; with it, OSPF reaches Full with both
 * neighbours, the kernels get proto ospf routes to every loopback, and r1's loopback reaches r3's over two hops.
 * Stopping the daemons leaves no FRR process, pid file or socket; taking the lab down leaves nothing; and nothing
 * was written outside the lab's work directory. Everything is inspected with ip, ping and /proc, not with netlab.
 */
@NeedsRoot
class FrrRuntimeIT {
    static final String TOPOLOGY = """
            name: frr
            nodes:
              r1: {forwarding: true, interfaces: {eth1: [10.0.12.1/30], lo: [10.255.0.1/32]}}
              r2: {forwarding: true, interfaces: {eth1: [10.0.12.2/30], eth2: [10.0.23.1/30], lo: [10.255.0.2/32]}}
              r3: {forwarding: true, interfaces: {eth1: [10.0.23.2/30], lo: [10.255.0.3/32]}}
            links:
              - [r1:eth1, r2:eth1]
              - [r2:eth2, r3:eth1]
            """;
    /** Hellos every second: adjacencies form in seconds, not in the default 10 s. */
    static final String ROUTING = """
            r1:
              ospf:
                interfaces:
                  eth1: {network: point-to-point, hello_interval: 1, dead_interval: 4}
                  lo: {passive: true}
            r2:
              ospf:
                interfaces:
                  eth1: {network: point-to-point, hello_interval: 1, dead_interval: 4}
                  eth2: {network: point-to-point, hello_interval: 1, dead_interval: 4}
                  lo: {passive: true}
            r3:
              ospf:
                interfaces:
                  eth1: {network: point-to-point, hello_interval: 1, dead_interval: 4}
                  lo: {passive: true}
            """;
    static final List<String> ROUTERS = List.of("r1", "r2", "r3");
    static final Map<String, String> LOOPBACK = Map.of("r1", "10.255.0.1", "r2", "10.255.0.2", "r3", "10.255.0.3");
    /** Where FRR writes when left to itself; a run in the lab must change none of them. */
    static final List<Path> FRR_PLACES = List.of(Path.of("/run/frr"), Path.of("/var/tmp/frr"), Path.of("/var/lib/frr"), Path.of("/etc/frr"),
            Path.of("/var/log/frr"));
    static final Duration CONVERGED = Duration.ofSeconds(60);

    @TempDir
    Path stateDir;

    @TempDir
    Path dir;

    private final FrrRuntime runtime = new FrrRuntime();
    private final FrrObserver observer = new FrrObserver(new ProcessRunner(), FrrInstall.DEBIAN);

    @Test
    void ospfRoutesBetweenTheLoopbacksOnlyWithOspfd() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/lib/frr/ospfd")), "FRR is not installed");
        Map<Path, String> frrPlacesBefore = snapshot(FRR_PLACES);
        String lab = Labs.uniqueName("frr");
        Path file = dir.resolve("frr.yaml");
        Files.writeString(file, TOPOLOGY);
        Cli cli = Cli.withStateDir(stateDir);
        Cli.Result up = cli.run("up", "--name", lab, file.toString());
        assertThat(up.exitCode()).as(up.toString()).isZero();
        Naming naming = new StateStore(stateDir).naming(netlab.state.LabName.of(lab));
        Path work = new StateStore(stateDir).workDir(netlab.state.LabName.of(lab));
        Map<String, FrrNode> nodes = routing(LabLoader.fromFile(BuiltIn.catalog(), file, Optional.of(lab)));
        List<FrrProcess> running = new ArrayList<>();
        try {
            // Without ospfd: zebra and staticd run, the same configuration is applied (vtysh has no ospfd to give its
            // lines to), and nothing routes between the loopbacks.
            for (String r : ROUTERS) running.addAll(start(lab, naming, work, nodes.get(r), Set.of(FrrDaemon.ZEBRA, FrrDaemon.STATICD)));
            assertThat(observer.ospfNeighbors(node(lab, naming, work, "r1")).daemonRunning()).isFalse();
            assertThat(kernelRoutes(naming.nodeNetns("r1"))).as("r1's routes without ospfd").noneMatch(r -> "ospf".equals(r.get("protocol")))
                    .noneMatch(r -> "10.255.0.3".equals(r.get("dst")));
            assertThat(ping(naming.nodeNetns("r1"), "10.255.0.1", "10.255.0.3", 64)).as("r1's loopback to r3's without ospfd")
                    .doesNotContain("bytes from 10.255.0.3");
            stopAll(lab, work, running);

            // With ospfd.
            for (String r : ROUTERS) running.addAll(start(lab, naming, work, nodes.get(r), nodes.get(r).daemons()));
            assertThat(running).extracting(FrrProcess::daemon).containsOnly(FrrDaemon.ZEBRA, FrrDaemon.STATICD, FrrDaemon.OSPFD).hasSize(9);
            for (FrrProcess p : running) {
                Path daemonDir = layout(lab, work, p.node()).dir();
                assertThat(Files.getOwner(daemonDir, LinkOption.NOFOLLOW_LINKS).getName()).isEqualTo("frr");
                assertThat(Files.getOwner(daemonDir.resolve(p.daemon().program() + ".pid")).getName()).as("written by the daemon as frr")
                        .isEqualTo("frr");
                assertThat(inodeOfNetns(p.pid())).as("%s of %s runs in the node's namespace", p.daemon(), p.node())
                        .isEqualTo(inodeOf(Path.of("/run/netns", naming.nodeNetns(p.node()))));
            }
            Map<String, Set<String>> full = awaitFullNeighbours(lab, naming, work);
            assertThat(full).containsEntry("r1", Set.of("10.255.0.2")).containsEntry("r2", Set.of("10.255.0.1", "10.255.0.3"))
                    .containsEntry("r3", Set.of("10.255.0.2"));
            for (String r : ROUTERS) awaitOspfRoutesToTheOtherLoopbacks(naming, r);
            String reply = ping(naming.nodeNetns("r1"), "10.255.0.1", "10.255.0.3", 64);
            assertThat(reply).as("one router (r2) on the way back: 64 - 1").contains("bytes from 10.255.0.3").contains("ttl=63");
            assertThat(ping(naming.nodeNetns("r1"), "10.255.0.1", "10.255.0.3", 1)).as("a TTL of 1 dies at r2, the first of two hops")
                    .contains("From 10.0.12.2").contains("Time to live exceeded");
            assertThat(ping(naming.nodeNetns("r1"), "10.255.0.1", "10.255.0.3", 2)).as("a TTL of 2 reaches r3").contains("bytes from 10.255.0.3");

            stopAll(lab, work, running);
            assertThat(kernelRoutes(naming.nodeNetns("r1"))).as("zebra withdrew its routes when it stopped")
                    .noneMatch(r -> "ospf".equals(r.get("protocol")));
        } finally {
            if (!running.isEmpty()) stopAll(lab, work, running);
            Cli.Result down = cli.run("down", lab);
            assertThat(down.exitCode()).as(down.toString()).isZero();
        }
        assertThat(Leftovers.namespaces(lab)).isEmpty();
        assertThat(Leftovers.stateFiles(stateDir)).as("the work directory went with the lab").isEmpty();
        assertThat(frrProcessesOf(lab)).isEmpty();
        assertThat(snapshot(FRR_PLACES)).as("nothing written where FRR writes by default").isEqualTo(frrPlacesBefore);
    }

    @Test
    void aLineFrrRefusesFailsTheStartNamesItsPlaceAndLeavesNoDaemon() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/lib/frr/ospfd")), "FRR is not installed");
        String lab = Labs.uniqueName("frrbad");
        Path file = dir.resolve("frrbad.yaml");
        Files.writeString(file, TOPOLOGY);
        Cli cli = Cli.withStateDir(stateDir);
        assertThat(cli.run("up", "--name", lab, file.toString()).exitCode()).isZero();
        Naming naming = new StateStore(stateDir).naming(netlab.state.LabName.of(lab));
        Path work = new StateStore(stateDir).workDir(netlab.state.LabName.of(lab));
        try {
            Diagnostics d = new Diagnostics();
            YMap root = (YMap) YamlLoader.parse("""
                    r1:
                      ospf: {interfaces: {eth1: {}}}
                      frr: |
                        ip prefix-list LAN seq 5 permit 10.0.0.0/8
                        ip ospf bogus
                    """, "routing.yaml", d).orElseThrow();
            Map<String, RoutingSpec> specs = Map.of("r1", RoutingParser.parse(root.get("r1").orElseThrow(), "r1", d).orElseThrow());
            FrrNode r1 = RoutingResolver.resolve(specs, modelView(LabLoader.fromFile(BuiltIn.catalog(), file, Optional.of(lab))), d).get("r1");
            d.throwIfAny();
            assertThatThrownBy(() -> start(lab, naming, work, r1, r1.daemons()))
                    .isInstanceOf(netlab.errors.NetlabException.class)
                    .hasMessageStartingWith("FRR refused the configuration of node r1: line 2 of the frr text of node 'r1' (routing.yaml:3:8): %")
                    .hasMessageContaining("ip ospf bogus");
            assertThat(frrProcessesOf(lab)).as("a failed start keeps no daemon").isEmpty();
        } finally {
            assertThat(cli.run("down", lab).exitCode()).isZero();
        }
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    // ---- the routing extension, driven by hand

    /** The routing sections, resolved against the lab netlab built (the model stands in for the future wiring). */
    private static Map<String, FrrNode> routing(LoadedLab lab) {
        Diagnostics d = new Diagnostics();
        Map<String, RoutingSpec> specs = new LinkedHashMap<>();
        YMap root = (YMap) YamlLoader.parse(ROUTING, "routing.yaml", d).orElseThrow();
        for (YMap.Entry e : root.entries()) RoutingParser.parse(e.value(), e.key().value(), d).ifPresent(s -> specs.put(e.key().value(), s));
        Map<String, FrrNode> nodes = RoutingResolver.resolve(specs, modelView(lab), d);
        d.throwIfAny();
        return nodes;
    }

    private static RoutingLab modelView(LoadedLab lab) {
        return new RoutingLab() {
            @Override
            public Set<String> nodes() {
                return lab.model().nodes().keySet();
            }

            @Override
            public List<Interface> interfaces(String node) {
                List<Interface> out = new ArrayList<>();
                lab.model().node(node).ifPresent(n -> {
                    for (ModelInterface i : n.interfaces().values()) out.add(new Interface(i.name(), i.spec().typeSpec().type(), i.addresses()));
                });
                return out;
            }
        };
    }

    private static FrrLayout layout(String lab, Path work, String node) {
        return FrrLayout.of(work.resolve("routing").resolve(node), lab, node);
    }

    private FrrObserver.Node node(String lab, Naming naming, Path work, String node) {
        return new FrrObserver.Node(node, naming.nodeNetns(node), layout(lab, work, node));
    }

    private List<FrrProcess> start(String lab, Naming naming, Path work, FrrNode n, Set<FrrDaemon> daemons) throws InterruptedException {
        return runtime.start(new FrrRuntime.Start(n.node(), naming.nodeNetns(n.node()), layout(lab, work, n.node()), FrrConfigWriter.write(n), daemons));
    }

    /** Stops every recorded daemon; afterwards none runs, and no pid file or socket is left. */
    private void stopAll(String lab, Path work, List<FrrProcess> running) throws Exception {
        for (String r : ROUTERS) {
            List<FrrProcess> mine = running.stream().filter(p -> p.node().equals(r)).toList();
            assertThat(runtime.stop(layout(lab, work, r), mine)).isEqualTo(mine.size());
        }
        for (FrrProcess p : running) assertThat(ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive)).as("%s", p).isNotEqualTo(Optional.of(true));
        running.clear();
        assertThat(frrProcessesOf(lab)).isEmpty();
        for (String r : ROUTERS) {
            try (Stream<Path> s = Files.walk(layout(lab, work, r).dir())) {
                assertThat(s.map(Path::toString)).as("pid files and sockets in %s's directory", r)
                        .noneMatch(f -> f.endsWith(".pid") || f.endsWith(".vty") || f.endsWith(".api"));
            }
        }
    }

    // ---- observation (netlab's own for FRR's view; ip, ping and /proc for the kernel's)

    private Map<String, Set<String>> awaitFullNeighbours(String lab, Naming naming, Path work) throws Exception {
        long deadline = System.nanoTime() + CONVERGED.toNanos();
        Map<String, Set<String>> full = new TreeMap<>();
        while (true) {
            full.clear();
            for (String r : ROUTERS) {
                Set<String> ids = new TreeSet<>();
                for (OspfNeighbor n : observer.ospfNeighbors(node(lab, naming, work, r)).items()) if (n.isFull()) ids.add(n.routerId().toString());
                full.put(r, ids);
            }
            if (full.get("r2").size() == 2 && full.get("r1").size() == 1 && full.get("r3").size() == 1) return full;
            if (System.nanoTime() > deadline) return full;
            Thread.sleep(200);
        }
    }

    private void awaitOspfRoutesToTheOtherLoopbacks(Naming naming, String router) throws Exception {
        Set<String> wanted = new TreeSet<>(LOOPBACK.values());
        wanted.remove(LOOPBACK.get(router));
        long deadline = System.nanoTime() + CONVERGED.toNanos();
        Set<String> viaOspf = new TreeSet<>();
        while (System.nanoTime() < deadline) {
            viaOspf.clear();
            for (Map<String, Object> r : kernelRoutes(naming.nodeNetns(router))) if ("ospf".equals(r.get("protocol"))) viaOspf.add((String) r.get("dst"));
            if (viaOspf.containsAll(wanted)) break;
            Thread.sleep(200);
        }
        assertThat(viaOspf).as("proto ospf routes in %s's kernel", router).containsAll(wanted);
    }

    private static List<Map<String, Object>> kernelRoutes(String netns) {
        return Json.rows(Shell.stdout("ip", "-n", netns, "-j", "-4", "route", "show", "table", "main"));
    }

    private static String ping(String netns, String from, String to, int ttl) {
        return Shell.run("ip", "netns", "exec", netns, "ping", "-c", "1", "-W", "2", "-t", Integer.toString(ttl), "-I", from, to);
    }

    /** Processes running an FRR daemon whose command line names the lab (-N LAB-NODE), found in /proc. */
    private static List<String> frrProcessesOf(String lab) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p : s.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.startsWith("/usr/lib/frr/") && cmd.contains(" -N " + lab + "-")) out.add(p.getFileName() + ": " + cmd);
                } catch (IOException e) {
                    // gone meanwhile
                }
            }
        }
        return out;
    }

    private static long inodeOfNetns(long pid) throws IOException {
        return inodeOf(Path.of("/proc", Long.toString(pid), "ns", "net"));
    }

    private static long inodeOf(Path p) throws IOException {
        return ((Number) Files.getAttribute(p, "unix:ino")).longValue();
    }

    /** Every file under the places, with its type, size and modification time; absent places count too. */
    private static Map<Path, String> snapshot(List<Path> places) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        for (Path place : places) {
            if (!Files.exists(place, LinkOption.NOFOLLOW_LINKS)) {
                out.put(place, "absent");
                continue;
            }
            try (Stream<Path> s = Files.walk(place)) {
                for (Path f : s.toList()) {
                    out.put(f, (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS) ? "dir " : "file ") + Files.size(f) + " "
                            + Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS));
                }
            }
        }
        return out;
    }
}
