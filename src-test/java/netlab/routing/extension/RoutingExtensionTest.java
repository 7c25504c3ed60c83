package netlab.routing.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import netlab.app.BuiltIn;
import netlab.core.KindRuntime;
import netlab.doctor.Feature;
import netlab.lab.LabLoader;
import netlab.lab.LabUp;
import netlab.lab.LoadedLab;
import netlab.plan.Naming;
import netlab.plan.Op;
import netlab.plan.Plan;
import netlab.plan.Stage;
import netlab.plan.build.Planner;
import netlab.process.ProcessRunner;
import netlab.routing.config.FrrDaemon;
import netlab.runtime.RunContext;
import netlab.source.Diagnostic;
import netlab.source.InvalidTopologyException;
import netlab.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routing extension wired in (issue 16): a node's routing: is read, checked against the lab with every error at
 * its place, planned as one FRR start per routing node in a stage after the nodes' own, needs FRR, and a routing
 * node's vtysh runs in its FRR view. Fails before: 'routing' and the route/ospf/bgp checks were unknown keys.
 */
class RoutingExtensionTest {
    static final String LAB = """
            name: rt
            nodes:
              r1:
                forwarding: true
                interfaces: {eth1: [10.0.12.1/30], lo: [10.255.0.1/32]}
                routing:
                  ospf: {interfaces: {eth1: {network: point-to-point}, lo: {passive: true}}}
              r2:
                forwarding: true
                interfaces: {eth1: [10.0.12.2/30], lo: [10.255.0.2/32]}
                routing:
                  ospf: {interfaces: {eth1: {network: point-to-point}, lo: {passive: true}}}
                  bgp: {as: 65002, networks: [10.255.0.2/32], neighbors: [{address: 10.0.12.1, as: 65001}]}
              h1: {}
            links: [[r1:eth1, r2:eth1]]
            checks:
              - ospf: {node: r1, neighbor: r2}
              - bgp: {node: r2, neighbor: 10.0.12.1, prefixes_received: 0}
              - route: {node: r1, to: 10.255.0.2/32, proto: ospf, via: r2, dev: eth1}
            """;

    @TempDir
    Path stateDir;

    private static LoadedLab load(String text) {
        return LabLoader.fromText(BuiltIn.catalog(), text, "t.yaml", "/t.yaml", Optional.empty());
    }

    private static List<String> errors(String text) {
        try {
            load(text);
            throw new AssertionError("no error");
        } catch (InvalidTopologyException e) {
            return e.diagnostics().stream().map(Diagnostic::toString).toList();
        }
    }

    @Test
    void aRoutingNodeIsPlannedAsOneFrrStartAfterTheNodesOwnStages() {
        LoadedLab lab = load(LAB);
        Plan plan = Planner.plan(lab.model(), new KindRuntime(new Naming("rt", "t0"), new ProcessRunner()), BuiltIn.catalog());
        List<String> stages = plan.stages().stream().map(Stage::name).toList();
        assertThat(stages).containsSubsequence("nodes", "routing");
        Stage routing = plan.stages().stream().filter(s -> s.name().equals("routing")).findFirst().orElseThrow();
        assertThat(routing.units()).extracting(u -> u.label() + " in " + u.netns()).containsExactly("node r1 in netlab.rt.r1", "node r2 in netlab.rt.r2");
        StartFrr r2 = (StartFrr) routing.units().get(1).ops().get(0);
        assertThat(r2.daemons()).containsExactly(FrrDaemon.ZEBRA, FrrDaemon.STATICD, FrrDaemon.OSPFD, FrrDaemon.BGPD);
        assertThat(r2.config().text()).contains("router bgp 65002").contains(" neighbor 10.0.12.1 remote-as 65001").contains("ip ospf network point-to-point");
        assertThat(LabUp.features(lab.model(), BuiltIn.catalog())).contains(Feature.FRR);
        assertThat(LabUp.features(load("name: x\nnodes: {h1: {}}\n").model(), BuiltIn.catalog())).doesNotContain(Feature.FRR);
    }

    @Test
    void theDryRunPrintsTheDirectoryTheDaemonsAndTheConfigurationOfEachNode() {
        LoadedLab lab = load(LAB);
        Plan plan = Planner.plan(lab.model(), new KindRuntime(new Naming("rt", "t0"), new ProcessRunner()), BuiltIn.catalog());
        List<Op> ops = plan.stages().stream().filter(s -> s.name().equals("routing")).findFirst().orElseThrow().units().get(0).ops();
        StateStore store = new StateStore(stateDir);
        String text = new FrrRunner(store).render("netlab.rt.r1", ops, new RunContext(new ProcessRunner(), null, java.util.Set.of()));
        String dir = store.workDir(netlab.state.LabName.of("rt")).resolve("routing/r1").toString();
        assertThat(text).contains("cat > " + dir + "/frr.conf <<'EOF'\n").contains("chown frr:frr " + dir + " ")
                .contains("ip netns exec netlab.rt.r1 setsid unshare --mount --propagation private -- sh -c")
                .contains("/usr/lib/frr/zebra -N rt-r1 -f /dev/null -i /run/zebra.pid --vty_socket /run -P 0 -u frr -g frr --log stdout) </dev/null >>"
                        + dir + "/zebra.log 2>&1 &")
                .contains("/usr/lib/frr/ospfd -N rt-r1").doesNotContain("bgpd")
                .contains("/usr/bin/vtysh --config_dir /run --vty_socket /run -b");
    }

    @Test
    void aRoutingNodesVtyshRunsInItsFrrViewAndOtherCommandsAsBefore() {
        LoadedLab lab = load(LAB);
        RoutingExtension ext = new RoutingExtension();
        Naming naming = new Naming("rt", "t0");
        Path work = Path.of("/run/netlab/labs/rt/work");
        assertThat(ext.nodeCommand(lab.model(), naming, work, "r1", List.of("vtysh", "-c", "show ip route")).orElseThrow())
                .containsExactly("ip", "netns", "exec", "netlab.rt.r1", "unshare", "--mount", "--propagation", "private", "--", "sh", "-c",
                        "case \"$1\" in /run/*) mount -n --bind -- \"$2\" /var/tmp && mount -n --bind -- \"$1\" /run ;; *) mount -n --bind -- \"$1\" /run && mount -n --bind -- \"$2\" /var/tmp ;; esac && shift 2 && exec \"$@\"", "netlab-frr",
                        "/run/netlab/labs/rt/work/routing/r1", "/run/netlab/labs/rt/work/routing/r1/tmp", "/usr/bin/vtysh", "--config_dir", "/run",
                        "--vty_socket", "/run", "-c", "show ip route");
        assertThat(ext.nodeCommand(lab.model(), naming, work, "r1", List.of("ip", "route"))).isEmpty();
        assertThat(ext.nodeCommand(lab.model(), naming, work, "h1", List.of("vtysh"))).as("no routing: an ordinary command").isEmpty();
    }

    @Test
    void mistakesAgainstTheLabAreReportedAtTheirPlaces() {
        String bad = LAB.replace("eth1: {network: point-to-point}, lo: {passive: true}}}\n  r2:", "eth9: {}}}\n  r2:")
                .replace("ospf: {node: r1, neighbor: r2}", "ospf: {node: r1, neighbor: h1}")
                .replace("proto: ospf, via: r2, dev: eth1", "proto: ospff, via: r7, dev: eth4");
        assertThat(errors(bad)).anySatisfy(e -> assertThat(e).startsWith("t.yaml:7:").contains("eth9"))
                .anySatisfy(e -> assertThat(e).contains("node h1 runs no OSPF"))
                .anySatisfy(e -> assertThat(e).contains("'proto' of the route check must be one of").contains("did you mean 'ospf'"));
        assertThat(errors(LAB.replace("via: r2, dev: eth1", "via: r7, dev: eth4")))
                .anySatisfy(e -> assertThat(e).contains("no node 'r7'"))
                .anySatisfy(e -> assertThat(e).contains("node r1 has no interface 'eth4'"));
        assertThat(errors(LAB.replace("neighbor: 10.0.12.1", "neighbor: eht1"))).anySatisfy(e -> assertThat(e).matches("t\\.yaml:\\d+:\\d+: .*")
                .contains("the neighbor of a bgp check must be a node, an address or an interface of r2, not 'eht1'"));
    }

    @Test
    void checksMayNameANodeWhoseProtocolIsInItsFrrText() {
        // an imported lab's FRR configuration is raw text: its router blocks run the protocol as a section would
        String raw = LAB.replace("  h1: {}\n", """
                  h1:
                    interfaces: {eth2: [10.0.23.1/30]}
                    routing: {frr: "router bgp 65003\\n neighbor 10.0.23.2 remote-as 65002\\nrouter ospf\\n network 10.0.0.0/8 area 0\\nrouter rip\\n"}
                """).replace("- ospf: {node: r1, neighbor: r2}", "- ospf: {node: h1, neighbor: r2}\n  - bgp: {node: h1, neighbor: r2}\n"
                + "  - route: {node: h1, to: 10.255.0.2/32, proto: rip}").replace("links: [[r1:eth1, r2:eth1]]", "links: [[r1:eth1, r2:eth1], [h1:eth2, r2:eth2]]")
                .replace("interfaces: {eth1: [10.0.12.2/30], lo", "interfaces: {eth1: [10.0.12.2/30], eth2: [10.0.23.2/30], lo");
        load(raw);
        assertThat(errors(raw.replace("router bgp 65003", "router rip").replace("router ospf", "!")))
                .anySatisfy(e -> assertThat(e).contains("node h1 runs no BGP (its routing: has no bgp, nor a router bgp in its frr text)"))
                .anySatisfy(e -> assertThat(e).contains("node h1 runs no OSPF"));
    }

    @Test
    void aRoutingNodeRefusesAnUnknownKeyWithItsPlace() {
        assertThatThrownBy(() -> load(LAB.replace("routing:\n      ospf: {interfaces: {eth1: {network: point-to-point}, lo: {passive: true}}}\n  r2:",
                "routing:\n      ospff: {}\n  r2:"))).isInstanceOf(InvalidTopologyException.class).hasMessageContaining("ospff");
    }
}
