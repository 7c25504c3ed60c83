package netlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import netlab.app.BuiltIn;
import netlab.cluster.ClusterExtension;
import netlab.source.Budget;
import netlab.source.InvalidTopologyException;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a lab may make without {@code --allow-large}: each limit's message names the count, the limit and the flag,
 * at the first thing over the limit; the flag takes the topology, and a lab that is up is read without it. On
 * main a 60 000-node file validated and planned 60 001 namespaces.
 */
class LabLimitsTest {
    @TempDir
    Path dir;

    /** {@code n} hosts, each on a link to one switch. */
    static String star(int n) {
        StringBuilder sb = new StringBuilder("name: big\nswitches: {sw1: {subnet: 10.64.0.0/10}}\nnodes:\n");
        for (int i = 1; i <= n; i++) sb.append("  h").append(i).append(": {}\n");
        sb.append("links:\n");
        for (int i = 1; i <= n; i++) sb.append("  - [h").append(i).append(":eth1, sw1]\n");
        return sb.toString();
    }

    private static List<String> errors(String yaml, Budget budget) {
        try {
            LabLoader.fromText(BuiltIn.catalog(), yaml, "t.yaml", "/t.yaml", Optional.empty(), budget);
            return List.of();
        } catch (InvalidTopologyException e) {
            return e.diagnostics().stream().map(Object::toString).toList();
        }
    }

    @Test
    void aTopologyOverTheNodeLimitIsRefusedAndTakenWithTheFlag() throws Exception {
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, star(5001));
        Cli cli = Cli.withStateDir(dir.resolve("state"));
        Cli.Result r = cli.run("validate", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        // line 5004 is node h5001 (name, switches, nodes: come first)
        assertThat(r.err()).isEqualTo(file + ":5004:3: the topology has 5001 nodes, over the limit of 5000 from here on (--allow-large lifts it)\n"
                + "netlab: 1 error\n");
        Cli.Result large = cli.run("validate", "--allow-large", file.toString());
        assertThat(large.exitCode()).isZero();
        assertThat(large.out()).contains("ok (lab big: 5001 nodes, 1 switches, 5001 links");
        assertThat(errors(star(5000), Budget.DEFAULT)).as("the limit itself is allowed").isEmpty();
    }

    @Test
    void everyLimitNamesTheCountTheLimitAndTheFlag() {
        StringBuilder links = new StringBuilder("name: l\nswitches: {sw1: {}}\nnodes: {h1: {}}\nlinks:\n");
        for (int i = 0; i <= 20_000; i++) links.append("  - [h1:e").append(i).append(", sw1]\n");
        assertThat(errors(links.toString(), Budget.DEFAULT)).containsExactly(
                "t.yaml:3:9: the nodes have 20001 interfaces (declared or named by links), over the limit of 20000 from here on (--allow-large lifts it)",
                "t.yaml:20005:5: the topology has 20001 links, over the limit of 20000 from here on (--allow-large lifts it)");

        StringBuilder switches = new StringBuilder("name: s\nnodes: {h1: {}}\nswitches:\n");
        for (int i = 0; i <= 5000; i++) switches.append("  s").append(i).append(": {}\n");
        assertThat(errors(switches.toString(), Budget.DEFAULT)).containsExactly(
                "t.yaml:5004:3: the topology has 5001 switches, over the limit of 5000 from here on (--allow-large lifts it)");

        StringBuilder checks = new StringBuilder("name: c\nnodes: {h1: {}}\nchecks:\n");
        for (int i = 0; i <= 5000; i++) checks.append("  - exec: {node: h1, command: \"true\"}\n");
        assertThat(errors(checks.toString(), Budget.DEFAULT)).containsExactly(
                "t.yaml:5004:5: the topology has 5001 checks, over the limit of 5000 from here on (--allow-large lifts it)");
    }

    @Test
    void reachabilityPairsAreCountedAcrossChecksAndInsideOthers() {
        // 1000 nodes: all to all is 1 000 000 pairs, the limit; one more pair inside a capture's 'during' passes it
        StringBuilder sb = new StringBuilder("name: r\nswitches: {sw1: {subnet: 10.64.0.0/10}}\nnodes:\n");
        for (int i = 1; i <= 1000; i++) sb.append("  h").append(i).append(": {}\n");
        sb.append("links:\n");
        for (int i = 1; i <= 1000; i++) sb.append("  - [h").append(i).append(":eth1, sw1]\n");
        sb.append("checks:\n  - reachability: {}\n");
        assertThat(errors(sb.toString(), Budget.DEFAULT)).isEmpty();
        sb.append("  - capture: {on: h1:eth1, filter: icmp, during: {reachability: {from: [h1], to: [h2]}}}\n");
        assertThat(errors(sb.toString(), Budget.DEFAULT)).containsExactly(
                "t.yaml:2007:5: its reachability checks ping 1000001 pairs of nodes, over the limit of 1000000 from here on (--allow-large lifts it)");
        assertThat(errors(sb.toString(), Budget.LARGE)).isEmpty();
    }

    @Test
    void clusterNodesAndServiceRulesAreLimited() {
        StringBuilder sb = new StringBuilder("name: k\nnodes:\n");
        for (int i = 0; i <= 1000; i++) sb.append("  n").append(i).append(": {}\n");
        sb.append("cluster:\n  network: 10.64.0.0/10\n  subnet_len: 26\n  backend: none\n  nodes:\n");
        for (int i = 0; i <= 1000; i++) sb.append("    n").append(i).append(": {subnet: 10.64.").append(i / 4).append('.').append(i % 4 * 64).append("/26}\n");
        List<String> errs = errors(sb.toString(), Budget.DEFAULT);
        assertThat(errs).anyMatch(e -> e.equals("t.yaml:2009:5: the cluster has 1001 nodes (each holds an entry for every other),"
                + " over the limit of 1000 from here on (--allow-large lifts it)"));
    }

    @Test
    void theReferenceStatesTheLimitsThereAre() throws Exception {
        String ref;
        try (var in = LabLimits.class.getResourceAsStream("/netlab/topology-reference.txt")) {
            ref = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String limits = ref.substring(ref.indexOf("\nLIMITS\n"), ref.indexOf("\nNAMES ON THE MACHINE\n"));
        for (String line : List.of("file                 4 MiB (64 MiB", "YAML nodes               250000 (2000000)",
                "nodes                    " + LabLimits.NODES, "switches                 " + LabLimits.SWITCHES,
                "interfaces               " + LabLimits.INTERFACES, "links                    " + LabLimits.LINKS,
                "checks                   " + LabLimits.CHECKS, "reachability pairs       " + LabLimits.REACHABILITY_PAIRS,
                "cluster nodes            " + ClusterExtension.NODES, "kube-proxy rules         " + ClusterExtension.SERVICE_RULES)) {
            assertThat(limits).contains(line);
        }
        assertThat(Budget.DEFAULT.maxBytes()).isEqualTo(4 << 20);
        assertThat(Budget.LARGE.maxBytes()).isEqualTo(64 << 20);
        assertThat(Budget.DEFAULT.maxYamlNodes()).isEqualTo(250_000);
        assertThat(Budget.LARGE.maxYamlNodes()).isEqualTo(2_000_000);
    }

    @Test
    void aLabThatIsUpIsReadFromItsRecordWithoutTheFlag() throws Exception {
        // a record as 'up --allow-large' leaves it (written as files: the record's layout, not the store's API)
        Path state = dir.resolve("state");
        Path record = Files.createDirectories(state.resolve("labs").resolve("big"));
        Files.writeString(record.resolve("topology.yaml"), star(5001));
        Files.writeString(record.resolve("state.json"), netlab.json.Json.write(
                LabState.fresh("big", new StateStore(state).token(), "/elsewhere/big.yaml").withStatus(LabState.UP)));
        Cli cli = Cli.withStateDir(state);
        Cli.Result r = cli.run("graph", "big");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("h5001");
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, star(5001));
        assertThat(cli.run("graph", file.toString()).err()).as("a file is read as any other").contains("the topology has 5001 nodes,"
                + " over the limit of 5000");
    }
}
