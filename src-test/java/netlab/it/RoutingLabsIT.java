package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import netlab.json.Json;
import netlab.state.LabName;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.testing.Cli;
import netlab.testing.CheckRun;
import netlab.testing.LabTest;
import netlab.testing.Labs;
import netlab.testing.NeedsRoot;
import netlab.testing.Shell;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routing examples built by netlab as a user builds them (topologies/ospf.yaml, bgp.yaml, evpn-vxlan.yaml,
 * k8s-calico-bgp.yaml): every check passes, the kernels hold routes of protocol ospf and bgp (read with ip), real traffic takes the way the protocols
 * chose (reply TTLs), {@code netlab exec NODE vtysh} reaches the node's own daemons, and a cut link is routed around.
 * The negative controls: with ospfd or bgpd stopped (by the PIDs the lab's record holds), every check of the lab
 * fails, each a real failure (its probe ran), none an error; without BGP's evpn family the leaves learn no VTEP and no
 * MAC and no host reaches another; without bgpd no pod of the Calico-style cluster reaches another node's, and with
 * it the routes it installs are not drift. After down no FRR daemon of the lab runs.
 */
@NeedsRoot
class RoutingLabsIT extends LabTest {

    @BeforeEach
    void frrInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/lib/frr/ospfd")) && Files.isExecutable(Path.of("/usr/lib/frr/bgpd")),
                "FRR is not installed");
    }

    @Test
    void ospfRoutesTheShortWayRoundTheRingAndAroundACutLink() throws Exception {
        String lab = up("ospf", Labs.topology("ospf.yaml"));
        CheckRun checks = check(lab);
        assertThat(checks.exitCode()).as(checks.toString()).isZero();
        assertThat(checks.outcomes()).hasSize(10).allSatisfy((name, outcome) -> assertThat(outcome).as(name).isEqualTo("passed"));
        String converge = checks.detail("cutting r1-r2 moves r1's route to h2's LAN round the ring (measured)");
        System.err.println("ospf.yaml: " + converge);
        assertThat(converge).contains("moved from via 10.0.12.2 dev eth1 (ospf) to via 10.0.14.2 dev eth2 (ospf) in ").contains("back as before");
        Cli.Result afterCut = cli().run("status", lab);
        assertThat(afterCut.exitCode()).as("the converge check plugged r1-r2 back in: " + afterCut).isZero();

        String r1 = "netlab." + lab + ".r1";
        assertThat(route(r1, "10.1.2.0/24")).as("r1's route to h2's LAN, by ip").containsEntry("protocol", "ospf").containsEntry("gateway", "10.0.12.2");
        assertThat(route("netlab." + lab + ".r3", "10.1.1.0/24")).as("r3's route to h1's LAN").containsEntry("protocol", "ospf");
        // the converge check undid its cut and saw r1's route back; r2's way back to h1 comes when its adjacency is up again
        int shortWay = -1;
        for (long deadline = System.nanoTime() + 60_000_000_000L; System.nanoTime() < deadline && shortWay != 62; ) shortWay = ttlOfReply(lab, "h1", "10.1.2.10");
        assertThat(shortWay).as("h1 to h2 the short way again after the converge check: r1, r2").isEqualTo(62);

        Cli.Result vtysh = launcher("exec", "-l", lab, "r1", "vtysh", "-c", "show ip ospf neighbor");
        assertThat(vtysh.exitCode()).as(vtysh.toString()).isZero();
        assertThat(vtysh.out()).as("r1's own ospfd, reached by netlab exec").contains("10.255.0.2").contains("10.255.0.4").contains("Full");

        // cut r1 - r2: OSPF takes h1's traffic round the ring (r1, r4, r3, r2), measured, not asserted in time
        assertThat(Shell.exitCode("ip", "-n", r1, "link", "set", "dev", "eth1", "down")).isZero();
        long t0 = System.nanoTime();
        int ttl = -1;
        for (long deadline = t0 + 60_000_000_000L; System.nanoTime() < deadline && ttl != 60; ) ttl = ttlOfReply(lab, "h1", "10.1.2.10");
        System.err.printf("ospf.yaml: with r1-r2 cut, h1's pings to h2 went round the ring after %.2f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(ttl).as("h1 to h2 round the ring: four routers").isEqualTo(60);
        assertThat(route(r1, "10.1.2.0/24")).containsEntry("protocol", "ospf").containsEntry("gateway", "10.0.14.2");
    }

    @Test
    void withoutOspfdNoCheckOfTheOspfLabPasses() throws Exception {
        String lab = up("ospf-off", shortTimeouts("ospf.yaml"));
        stop(lab, "frr ospfd");
        awaitNoRoutesOf(lab, List.of("r1", "r2", "r3", "r4"), "ospf");
        CheckRun checks = check(lab);
        String converge = "cutting r1-r2 moves r1's route to h2's LAN round the ring (measured)";
        assertThat(checks.exitCode()).as(checks.toString()).isEqualTo(5);
        assertThat(checks.outcomes()).hasSize(10).allSatisfy((name, outcome) -> assertThat(outcome).as(name + ": " + checks.detail(name))
                .isEqualTo(name.equals(converge) ? "error" : "failed"));
        assertThat(checks.detail(converge)).as("no route, nothing to move: never a pass").contains("r1 has no route to 10.1.2.0/24 before r1:eth1 went down");
        assertThat(checks.detail("r1 and r2 are OSPF neighbours")).contains("ospfd does not run in r1");
        assertThat(checks.detail("r1 learned h2's LAN from OSPF, the short way through r2")).contains("r1 has no route to 10.1.2.0/24");
    }

    /**
     * status sees the daemons: r1's ospfd, killed by the PID the lab's record holds, is drift naming the node and the
     * daemon (exit 1); up on the lab starts r1's FRR again (new PIDs in the record), after which status is clean and
     * r1 learns h2's LAN from OSPF again. Fails before: status said nothing of FRR and exited 0. Then netlab save
     * writes the four routers' running configurations, as their own daemons give them.
     */
    @Test
    void aDeadDaemonIsDriftAndUpStartsItAgain() throws Exception {
        String lab = up("ospf-dead", shortTimeouts("ospf.yaml"));
        String r1 = "netlab." + lab + ".r1";
        awaitRoute(r1, "10.1.2.0/24", "ospf");
        long before = recorded(lab, "r1", "frr ospfd").pid();
        stop(lab, "r1", "frr ospfd");

        Cli.Result status = cli().run("status", lab);
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
        assertThat(status.out()).as(status.toString()).contains("r1: missing routing daemon ospfd").doesNotContain("r2: missing routing daemon");

        Cli.Result repaired = ok(cli().run("up", "--name", lab, shortTimeouts("ospf.yaml").toString()));
        assertThat(repaired.out() + repaired.err()).as(repaired.toString()).contains("restarted 1 routing daemon");
        LabState.ProcessRecord now = recorded(lab, "r1", "frr ospfd");
        assertThat(now.pid()).as("r1's ospfd started again").isNotEqualTo(before);
        assertThat(ProcessHandle.of(now.pid())).as("the recorded ospfd runs").isPresent();
        Cli.Result clean = cli().run("status", lab);
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        awaitRoute(r1, "10.1.2.0/24", "ospf");

        // netlab save: each routing node's running configuration, asked of its own daemons
        Path saved = work.resolve("saved");
        Cli.Result save = ok(cli().run("save", lab, saved.toString()));
        try (Stream<Path> files = Files.list(saved)) {
            assertThat(files.map(f -> f.getFileName().toString())).as(save.toString()).containsExactlyInAnyOrder("r1.conf", "r2.conf", "r3.conf", "r4.conf");
        }
        assertThat(Files.readString(saved.resolve("r1.conf"))).contains("router ospf").contains("interface eth1").contains("ip ospf network point-to-point");

        // the shell: vtysh on a routing node's own daemons; show routes names each route's protocol
        Cli.Result shell = shell(lab, """
                vtysh r1 show ip ospf neighbor
                show routes r1
                """);
        assertThat(shell.exitCode()).as(shell.toString()).isZero();
        assertThat(shell.out()).as(shell.toString()).contains("10.255.0.2").contains("Full")
                .containsPattern("10\\.1\\.2\\.0/24 +10\\.0\\.12\\.2 +eth1 +ospf")
                .containsPattern("10\\.0\\.12\\.0/30 +- +eth1 +kernel");
        // trace names the route each router used, with its protocol
        Cli.Result trace = ok(cli().run("trace", "-l", lab, "h1", "h2"));
        assertThat(trace.out()).as(trace.toString()).contains("routed by r1: ttl 64 -> 63 (route 10.1.2.0/24, proto ospf)")
                .contains("routed by r2: ttl 63 -> 62 (route 10.1.2.0/24, proto kernel)");

        Cli.Result noFrr = shell(lab, "vtysh h1 show version\n");
        assertThat(noFrr.exitCode()).as(noFrr.toString()).isEqualTo(2);
        assertThat(noFrr.err()).contains("node 'h1' runs no FRR (it has no routing:); routing nodes: r1, r2, r3, r4");
    }

    /** netlab's shell on a lab that is up, given a script (no terminal): it leaves the lab up. */
    private Cli.Result shell(String lab, String script) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(), err = new java.io.ByteArrayOutputStream();
        int code = netlab.Main.run(new String[] {"--state-dir", stateDir.toString(), "--no-color", "shell", lab},
                new netlab.console.Io(new java.io.ByteArrayInputStream(script.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)));
        return new Cli.Result(code, out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The convergence check proves routing: with static routes only, cutting r1-r2 takes r1's route to r2's loopback away and
     * nothing puts one through r3 instead, so the check fails (a real failure: it ran), and expected to fail it
     * passes. Each cut is undone: the link is up again with r1's static routes (status finds no drift).
     */
    @Test
    void withStaticRoutesOnlyTheConvergeCheckFails() throws Exception {
        Path topology = work.resolve("static-triangle.yaml");
        Files.writeString(topology, """
                name: static-triangle
                nodes:
                  r1:
                    forwarding: true
                    interfaces: {eth1: [10.0.12.1/30], eth2: [10.0.13.1/30]}
                    routes: [10.255.0.2/32 via 10.0.12.2]
                  r2:
                    forwarding: true
                    interfaces: {eth1: [10.0.12.2/30], eth2: [10.0.23.1/30], lo: [10.255.0.2/32]}
                  r3:
                    forwarding: true
                    interfaces: {eth1: [10.0.13.2/30], eth2: [10.0.23.2/30]}
                    routes: [10.255.0.2/32 via 10.0.23.1]
                links: [[r1:eth1, r2:eth1], [r1:eth2, r3:eth1], [r3:eth2, r2:eth2]]
                checks:
                  - name: cutting r1-r2 moves r1's route through r3
                    converge: {cut: r1:eth1, node: r1, to: 10.255.0.2/32, via: r3, within: 2s}
                  - name: static routes do not move
                    converge: {cut: r1:eth1, node: r1, to: 10.255.0.2/32, via: r3, within: 2s}
                    expect: failure
                """);
        String lab = up("static", topology);
        CheckRun checks = check(lab);
        assertThat(checks.exitCode()).as(checks.toString()).isEqualTo(1);
        assertThat(checks.outcome("cutting r1-r2 moves r1's route through r3")).isEqualTo("failed");
        assertThat(checks.detail("cutting r1-r2 moves r1's route through r3"))
                .contains("r1's route to 10.255.0.2/32 did not move via r3 within 2.00 s after r1:eth1 went down (it was via 10.0.12.2 dev eth1 (boot); it has none)")
                .contains("back as before");
        assertThat(checks.outcome("static routes do not move")).as("the second cut found the first undone").isEqualTo("passed");
        assertThat(route("netlab." + lab + ".r1", "10.255.0.2/32")).as("r1's static route, put back").containsEntry("gateway", "10.0.12.2");
        Cli.Result status = cli().run("status", lab);
        assertThat(status.exitCode()).as(status.toString()).isZero();
    }

    @Test
    void bgpCarriesEachLanThroughTheTransitAsAndTheReflector() throws Exception {
        String lab = up("bgp", Labs.topology("bgp.yaml"));
        CheckRun checks = check(lab);
        assertThat(checks.exitCode()).as(checks.toString()).isZero();
        assertThat(checks.outcomes()).hasSize(8).allSatisfy((name, outcome) -> assertThat(outcome).as(name).isEqualTo("passed"));

        assertThat(route("netlab." + lab + ".r5", "10.1.0.0/24")).as("r5's route to h1's LAN, by ip").containsEntry("protocol", "bgp")
                .containsEntry("gateway", "10.0.45.1");
        assertThat(route("netlab." + lab + ".r4", "10.1.0.0/24")).as("r4's, from the reflector").containsEntry("protocol", "bgp")
                .containsEntry("gateway", "10.0.24.1");
        assertThat(ttlOfReply(lab, "h1", "10.5.0.10")).as("h1 to h5 through AS 65002: r1, r3, r2, r4, r5").isEqualTo(59);

        // the AS path at the far end: through the transit AS, and the prepended direct path only as the alternative
        Cli.Result paths = launcher("exec", "-l", lab, "r5", "vtysh", "-c", "show bgp ipv4 unicast 10.1.0.0/24");
        assertThat(paths.exitCode()).as(paths.toString()).isZero();
        assertThat(paths.out()).as(paths.toString()).contains("65002 65001").contains("65001 65001 65001 65001").contains("best");
    }

    @Test
    void withoutBgpdNoCheckOfTheBgpLabPasses() throws Exception {
        String lab = up("bgp-off", shortTimeouts("bgp.yaml"));
        stop(lab, "frr bgpd");
        awaitNoRoutesOf(lab, List.of("r1", "r2", "r3", "r4", "r5"), "bgp");
        CheckRun checks = check(lab);
        assertThat(checks.exitCode()).as(checks.toString()).isEqualTo(1);
        assertThat(checks.outcomes()).hasSize(8).allSatisfy((name, outcome) -> assertThat(outcome).as(name + ": " + checks.detail(name)).isEqualTo("failed"));
        assertThat(checks.detail("r1 and r3 have an eBGP session (AS 65001 - AS 65002)")).contains("bgpd does not run in r1");
    }

    @Test
    void evpnFillsEachLeafsFloodListAndMacTableFromBgp() throws Exception {
        String lab = up("evpn", Labs.topology("evpn-vxlan.yaml"));
        CheckRun checks = check(lab);
        assertThat(checks.exitCode()).as(checks.toString()).isZero();
        assertThat(checks.outcomes()).hasSize(10).allSatisfy((name, outcome) -> assertThat(outcome).as(name).isEqualTo("passed"));

        // the kernel, read with ip and bridge: the device does not learn; its flood entries and h3's entry are zebra's
        String leaf1 = "netlab." + lab + ".leaf1";
        assertThat(Shell.stdout("ip", "-n", leaf1, "-d", "link", "show", "dev", "vx100")).contains("vxlan id 100 local 10.255.0.11").contains("nolearning");
        List<Map<String, Object>> fdb = Json.rows(Shell.stdout("bridge", "-n", leaf1, "-j", "fdb", "show", "dev", "vx100"));
        assertThat(fdb).filteredOn(r -> "00:00:00:00:00:00".equals(r.get("mac"))).extracting(r -> r.get("dst"))
                .containsExactlyInAnyOrder("10.255.0.12", "10.255.0.13", "10.255.0.14");
        String h3 = macOf("netlab." + lab + ".h3", "eth1");
        assertThat(fdb).as("h3's entry on leaf1's vx100").filteredOn(r -> h3.equals(r.get("mac")) && r.get("dst") != null).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("dst")).isEqualTo("10.255.0.13");
                    assertThat(String.valueOf(r.get("flags"))).contains("extern_learn");
                });
        List<Map<String, Object>> fdb200 = Json.rows(Shell.stdout("bridge", "-n", leaf1, "-j", "fdb", "show", "dev", "vx200"));
        assertThat(fdb200).filteredOn(r -> "00:00:00:00:00:00".equals(r.get("mac"))).extracting(r -> r.get("dst")).containsExactly("10.255.0.14");
        assertThat(ttlOfReply(lab, "h4", "192.168.100.1")).as("h4 to h1 on one L2 segment across the fabric").isEqualTo(64);
        Cli.Result status = cli().run("status", lab);
        assertThat(status.exitCode()).as("the entries zebra wrote are not drift: %s", status).isZero();
        ok(cli().run("up", "--name", lab, Labs.topology("evpn-vxlan.yaml").toString()));
        assertThat(Json.rows(Shell.stdout("bridge", "-n", leaf1, "-j", "fdb", "show", "dev", "vx100")))
                .as("a converging up keeps them").filteredOn(r -> "00:00:00:00:00:00".equals(r.get("mac"))).hasSize(3);

        Cli.Result routes = launcher("exec", "-l", lab, "leaf1", "vtysh", "-c", "show bgp l2vpn evpn route type multicast");
        assertThat(routes.exitCode()).as(routes.toString()).isZero();
        assertThat(routes.out()).as("type-3 routes of the other leaves, from the reflectors").contains("10.255.0.12").contains("10.255.0.13")
                .contains("10.255.0.14");
    }

    @Test
    void withoutTheEvpnFamilyTheLeavesLearnNothingAndNoHostReachesAnother() throws Exception {
        String text = Files.readString(shortTimeouts("evpn-vxlan.yaml"));
        assertThat(text).contains("families: [evpn]");
        Path noEvpn = work.resolve("evpn-off.yaml");
        Files.writeString(noEvpn, text.replace("families: [evpn]", "families: [ipv4]"));
        String lab = up("evpn-off", noEvpn);
        CheckRun checks = check(lab);
        assertThat(checks.exitCode()).as(checks.toString()).isEqualTo(1);
        List<String> stillPass = List.of("VNI 200 stays apart from VNI 100 (h1b cannot reach h4, on its subnet but another segment)",
                "vx100 on leaf1 does not learn (nolearning); its remote entries come from EVPN alone");
        assertThat(checks.outcomes()).hasSize(10).allSatisfy((name, outcome) -> assertThat(outcome).as(name + ": " + checks.detail(name))
                .isEqualTo(stillPass.contains(name) ? "passed" : "failed"));
        assertThat(checks.detail("leaf1's flood list for VNI 100 is the three other leaves (type-3 routes), in FRR and in vx100's table"))
                .contains("leaf1's zebra knows no EVPN VNI 100 (none: EVPN is off");
        String leaf1 = "netlab." + lab + ".leaf1";
        assertThat(Json.rows(Shell.stdout("bridge", "-n", leaf1, "-j", "fdb", "show", "dev", "vx100"))).as("nothing but the device's own entry")
                .allSatisfy(r -> assertThat(r.get("dst")).isNull());
    }

    @Test
    void calicoBgpRoutesPodsWithoutAnOverlayAndNeedsBgpd() throws Exception {
        String lab = up("calico", Labs.topology("k8s-calico-bgp.yaml"));
        CheckRun checks = check(lab);
        assertThat(checks.exitCode()).as(checks.toString()).isZero();
        assertThat(checks.outcomes()).hasSize(10).allSatisfy((name, outcome) -> assertThat(outcome).as(name).isEqualTo("passed"));

        assertThat(route("netlab." + lab + ".node1", "10.1.20.0/24")).as("node1's route to node2's pods, by ip").containsEntry("protocol", "bgp")
                .containsEntry("gateway", "192.168.0.12");
        assertThat(route("netlab." + lab + ".node3", "10.1.15.0/24")).as("node3's route to node1's pods").containsEntry("protocol", "bgp")
                .containsEntry("gateway", "192.168.0.11");
        for (String n : List.of("node1", "node2", "node3")) {
            assertThat(Shell.stdout("ip", "-n", "netlab." + lab + "." + n, "-o", "link", "show", "type", "vxlan")).as("no overlay device in %s", n).isBlank();
        }
        Cli.Result status = cli().run("status", lab);
        assertThat(status.exitCode()).as("routes bgpd installed are not drift: %s", status).isZero();

        stop(lab, "frr bgpd");
        awaitNoRoutesOf(lab, List.of("node1", "node2", "node3"), "bgp");
        assertThat(ttlOfReply(lab, "pod1", "10.1.20.5")).as("without bgpd pod1 cannot reach pod5 on node2").isEqualTo(-1);
    }

    @Override
    protected void afterDown(String lab) {
        assertThat(frrProcessesOf(lab)).as("FRR daemons of %s after down", lab).isEmpty();
    }

    // ---- helpers

    private String up(String hint, Path topology) {
        String lab = lab(hint);
        long t0 = System.nanoTime();
        ok(cli().run("up", "--name", lab, topology.toString()));
        System.err.printf("%s: up in %.2f s%n", topology.getFileName(), (System.nanoTime() - t0) / 1e9);
        return lab;
    }

    private CheckRun check(String lab) {
        long t0 = System.nanoTime();
        CheckRun r = CheckRun.of(cli().run("check", lab, "--json"));
        System.err.printf("%s: checks in %.2f s%n", lab, (System.nanoTime() - t0) / 1e9);
        return r;
    }

    /** The example with its checks' 30 s and 40 s timeouts cut to 3 s: without the daemons they fail in any case. */
    private Path shortTimeouts(String example) throws IOException {
        String text = Files.readString(Labs.topology(example));
        assertThat(text).contains("timeout: ");
        Path copy = work.resolve(example);
        Files.writeString(copy, text.replaceAll("timeout: \\d+s", "timeout: 3s"));
        return copy;
    }

    /** Stops a daemon in every node, by the PIDs and start times the lab's record holds, and waits for them to exit. */
    private void stop(String lab, String what) {
        List<ProcessHandle> stopped = new ArrayList<>();
        for (LabState.ProcessRecord p : new StateStore(stateDir).load(LabName.of(lab)).orElseThrow().processes()) {
            if (!p.what().equals(what)) continue;
            ProcessHandle h = ProcessHandle.of(p.pid()).orElseThrow(() -> new AssertionError(p + " does not run"));
            assertThat(h.info().startInstant().map(java.time.Instant::toEpochMilli)).as("%s is the recorded process", p).contains(p.startTime());
            h.destroy();
            stopped.add(h);
        }
        assertThat(stopped).as("%s recorded", what).isNotEmpty();
        for (ProcessHandle h : stopped) h.onExit().join();
    }

    private LabState.ProcessRecord recorded(String lab, String node, String what) {
        return new StateStore(stateDir).load(LabName.of(lab)).orElseThrow().processes().stream()
                .filter(p -> p.node().equals(node) && p.what().equals(what)).findFirst().orElseThrow(() -> new AssertionError(what + " of " + node + " not recorded"));
    }

    /** Stops one node's daemon by the PID and start time the lab's record holds, and waits for it to exit. */
    private void stop(String lab, String node, String what) {
        LabState.ProcessRecord p = recorded(lab, node, what);
        ProcessHandle h = ProcessHandle.of(p.pid()).orElseThrow(() -> new AssertionError(p + " does not run"));
        assertThat(h.info().startInstant().map(java.time.Instant::toEpochMilli)).as("%s is the recorded process", p).contains(p.startTime());
        h.destroy();
        h.onExit().join();
    }

    /** Waits (60 s at most) until the node's kernel holds a route to dst of the protocol (ip's word). */
    private static void awaitRoute(String netns, String dst, String protocol) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (routes(netns).stream().anyMatch(r -> dst.equals(r.get("dst")) && protocol.equals(r.get("protocol")))) return;
            Thread.sleep(100);
        }
        throw new AssertionError(netns + " has no " + protocol + " route to " + dst + " within 60 s: " + routes(netns));
    }

    /** zebra withdraws a daemon's routes once it is gone: waits until no node's kernel holds one (ip's word). */
    private static void awaitNoRoutesOf(String lab, List<String> nodes, String protocol) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<String> left;
        do {
            left = new ArrayList<>();
            for (String n : nodes) {
                for (Map<String, Object> r : routes("netlab." + lab + "." + n)) if (protocol.equals(r.get("protocol"))) left.add(n + ": " + r.get("dst"));
            }
            if (left.isEmpty()) return;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(left).as("%s routes left after the daemon stopped", protocol).isEmpty();
    }

    private static List<Map<String, Object>> routes(String netns) {
        return Json.rows(Shell.stdout("ip", "-n", netns, "-j", "-4", "route", "show", "table", "main"));
    }

    private static Map<String, Object> route(String netns, String dst) {
        String plain = dst.endsWith("/32") ? dst.substring(0, dst.length() - 3) : dst;
        return routes(netns).stream().filter(r -> plain.equals(r.get("dst"))).findFirst().orElseThrow(() -> new AssertionError(netns + " has no route to " + dst));
    }

    private static String macOf(String netns, String dev) {
        return String.valueOf(Json.rows(Shell.stdout("ip", "-n", netns, "-j", "link", "show", "dev", dev)).get(0).get("address"));
    }

    /** The TTL of the reply to one ping, or -1 when none came. */
    private static int ttlOfReply(String lab, String from, String to) {
        String out = Shell.run("ip", "netns", "exec", "netlab." + lab + "." + from, "ping", "-c", "1", "-W", "1", to);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ttl=(\\d+)").matcher(out);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** netlab's launcher in a process of its own (exec hands the command the terminal: its output is the process's). */
    private Cli.Result launcher(String... args) {
        List<String> argv = new ArrayList<>(List.of(Labs.repo().resolve("scripts/netlab").toString(), "--state-dir", stateDir.toString(), "--no-color"));
        argv.addAll(List.of(args));
        return Shell.result(Map.of(), argv.toArray(String[]::new));
    }

    /** Processes running an FRR daemon whose command line names the lab (-N LAB-NODE), found in /proc. */
    private static List<String> frrProcessesOf(String lab) {
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
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
