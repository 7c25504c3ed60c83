package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.testing.CheckRun;
import netlab.testing.LabTest;
import netlab.testing.Labs;
import netlab.testing.NeedsRoot;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;

/**
 * Negative controls, half two: with the mechanism a check proves taken away (a route deleted, forwarding off, a
 * server stopped, learning off, a neighbour table flushed, a node's pod route gone), the check fails, a real
 * failure (exit 1), not an error: its probe still ran. Each test first shows the same checks passing.
 */
@NeedsRoot
class MechanismRemovedIT extends LabTest {
    private static final String LAB = """
            name: mech
            switches:
              lan1: {subnet: 10.1.1.0/24}
              lan2: {subnet: 10.1.2.0/24}
            nodes:
              r1:
                forwarding: true
                interfaces:
                  eth1: {addresses: [10.1.1.254/24]}
                  eth2: {addresses: [10.1.2.254/24]}
              h1: {gateway: r1}
              h2: {gateway: r1, services: [http, {tcp: {port: 7000}}]}
              h3: {}
            links: [[r1:eth1, lan1], [r1:eth2, lan2], [h1:eth1, lan1], [h2:eth1, lan2], [h3:eth1, lan1]]
            checks:
              - name: ping
                ping: {from: h1, to: h2}
              - name: exec
                exec: {node: h1, command: "ip route show default", output: "via 10.1.1.254"}
              - name: tcp
                tcp: {from: h1, to: h2, port: 7000}
              - name: http
                http: {from: h1, url: "http://${h2}/", server_sees: h1}
              - name: spread
                spread: {from: h1, url: "http://${h2}/", requests: 2, over: [h2]}
              - name: capture
                capture: {on: h2:eth1, filter: "icmp and src host ${h1}", during: {ping: {from: h1, to: h2}}}
              - name: reachability
                reachability: {from: [h1], to: [h2]}
              - name: h3 pings h1
                ping: {from: h3, to: h1}
              - name: fdb
                fdb: {switch: lan1, host: h3}
              - name: neighbour
                neighbour: {node: h3, has: h1}
            """;

    private String mech(String hint) throws IOException {
        String lab = lab(hint);
        Path t = work.resolve(hint + ".yaml");
        Files.writeString(t, LAB);
        ok(cli().run("up", "--name", lab, t.toString()));
        return lab;
    }

    private CheckRun check(String lab, List<String> names) {
        List<String> args = new ArrayList<>(List.of("check", lab, "--json"));
        for (String n : names) args.addAll(List.of("-c", n));
        return CheckRun.of(cli().run(args.toArray(String[]::new)));
    }

    /** The checks pass as built; with the mechanism removed each of them fails, and nothing is an error. */
    private void failsWithout(String lab, List<String> checks, Runnable removeTheMechanism) {
        CheckRun before = check(lab, checks);
        assertThat(before.exitCode()).as(before.toString()).isZero();
        removeTheMechanism.run();
        CheckRun after = check(lab, checks);
        assertThat(after.exitCode()).as(after.toString()).isEqualTo(1);
        for (String c : checks) assertThat(after.outcome(c)).as(c + ": " + after.detail(c)).isEqualTo("failed");
    }

    private static void run(String... argv) {
        assertThat(Shell.exitCode(argv)).as(String.join(" ", argv)).isZero();
    }

    @Test
    void withoutItsDefaultRouteH1ReachesNothing() throws IOException {
        String lab = mech("noroute");
        failsWithout(lab, List.of("ping", "exec", "tcp", "http", "spread", "reachability"),
                () -> run("ip", "-n", "netlab." + lab + ".h1", "route", "del", "default"));
        // the kernel's "no route" is what the ping saw: a failure, and the detail says so
        assertThat(check(lab, List.of("ping")).detail("ping")).contains("no route to 10.1.2.1");
    }

    @Test
    void withoutForwardingOnTheRouterNothingCrosses() throws IOException {
        String lab = mech("nofwd");
        failsWithout(lab, List.of("ping", "tcp", "capture", "reachability"),
                () -> run("ip", "netns", "exec", "netlab." + lab + ".r1", "sysctl", "-q", "-w", "net.ipv4.ip_forward=0"));
    }

    @Test
    void withTheServersStoppedNothingAnswers() throws IOException {
        String lab = mech("noserver");
        failsWithout(lab, List.of("tcp", "http", "spread"), () -> {
            for (LabState.ProcessRecord p : new StateStore(stateDir).load(netlab.state.LabName.of(lab)).orElseThrow().processes()) {
                if (p.node().equals("h2")) ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
            // wait for them to be gone, by the kernel's own word (no timing assumption)
            for (LabState.ProcessRecord p : new StateStore(stateDir).load(netlab.state.LabName.of(lab)).orElseThrow().processes()) {
                ProcessHandle.of(p.pid()).ifPresent(h -> h.onExit().join());
            }
        });
    }

    @Test
    void withLearningOffTheSwitchForgetsH3() throws IOException {
        String lab = mech("nolearn");
        check(lab, List.of("h3 pings h1"));
        failsWithout(lab, List.of("fdb"), () -> run("ip", "-n", "netlab." + lab, "link", "set", "dev", "h3-eth1", "type", "bridge_slave",
                "learning", "off", "fdb_flush"));
    }

    @Test
    void withItsNeighbourTableFlushedH3KnowsNobody() throws IOException {
        String lab = mech("noneigh");
        check(lab, List.of("h3 pings h1"));
        failsWithout(lab, List.of("neighbour"), () -> run("ip", "-n", "netlab." + lab + ".h3", "neigh", "flush", "all"));
    }

    @Test
    void withoutNode2sRouteNode1DoesNotHoldWhatTheLeaseCallsFor() throws IOException {
        String lab = lab("k8s-noroute");
        Path t = work.resolve("k8s.yaml");
        String base = Files.readString(Labs.topology("k8s-host-gw.yaml"));
        Files.writeString(t, base.substring(0, base.indexOf("checks:\n")) + """
                checks:
                  - name: lease
                    lease: {node: node2}
                  - name: needs lease
                    needs_lease: {node: node2, probe: {ping: {from: pod1, to: pod5}}}
                """);
        ok(cli().run("up", "--name", lab, t.toString()));
        failsWithout(lab, List.of("lease"), () -> run("ip", "-n", "netlab." + lab + ".node1", "route", "del", "10.1.20.0/24"));
        // needs_lease: a path that does not work even with the lease can show nothing about needing it
        CheckRun r = check(lab, List.of("needs lease"));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.outcomes()).isEqualTo(Map.of("needs lease", "error"));
        assertThat(r.detail("needs lease")).contains("with node2's lease the probe already fails");
    }
}
