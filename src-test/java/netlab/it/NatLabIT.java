package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.testing.Cli;
import netlab.testing.LabTest;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NAT lab (S4) for real: every check passes, each would fail without its rule, rules and servers are applied
 * once however often up runs, inspect shows which rule packets hit, and down leaves no rule and no server behind.
 */
@NeedsRoot
class NatLabIT extends LabTest {
    static final String SOURCE_CHECK = "h1 reaches the internet web server, which sees r1's public address, not h1's";
    static final String CAPTURE_CHECK = "on the internet side no packet carries h1's private address";
    /** The masquerade rule's line in nat.yaml. */
    static final String MASQUERADE = "(?m)^ +- masquerade: .*\\n";

    @Override
    protected void afterDown(String lab) {
        assertThat(hostRules()).as("the host's own tables").doesNotContain("netlab:" + lab + ":");
    }

    private String up(String lab, Path topology) {
        return ok(cli().run("up", "--name", lab, topology.toString())).err();
    }

    /** The host namespace's rules (netlab must never add any). */
    private static String hostRules() {
        return Shell.run("iptables-save");
    }

    private List<LabState.ProcessRecord> servers(String lab) {
        return new StateStore(stateDir).load(netlab.state.LabName.of(lab)).orElseThrow().processes();
    }

    /** A node's tables as iptables-save prints them, without its timestamps and the counters traffic moves. */
    private static String rulesOf(String lab, String node) {
        return Shell.run("ip", "netns", "exec", "netlab." + lab + "." + node, "iptables-save")
                .replaceAll("(?m)^#.*\\n", "").replaceAll("\\[\\d+:\\d+]", "[]");
    }

    /** Alive and not a zombie waiting for init to reap it. */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }

    /** The packets counted for the netlab rule made by line {@code line} of the topology, as inspect shows them. */
    private static long packets(String inspect, String target, int line) {
        Matcher m = Pattern.compile("^\\s+\\S+\\s+\\S+\\s+(\\d+)\\s+\\d+\\s+.*-j " + target + ".*rule \\d+ line " + line + "$", Pattern.MULTILINE)
                .matcher(inspect);
        assertThat(m.find()).as("inspect shows the %s rule of line %d:%n%s", target, line, inspect).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** A copy of nat.yaml with {@code regex} (which must occur) replaced. */
    private Path variant(String name, String text, String regex, String replacement) throws IOException {
        assertThat(Pattern.compile(regex).matcher(text).find()).as("nat.yaml has /%s/", regex).isTrue();
        Path p = work.resolve(name);
        Files.writeString(p, text.replaceAll(regex, replacement));
        return p;
    }

    /** The line of nat.yaml where {@code text} is written: the line a rule's comment names. */
    private static int lineOf(String text) throws IOException {
        List<String> lines = Files.readAllLines(Labs.topology("nat.yaml"));
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError("nat.yaml has no '" + text + "'");
    }

    private static String natYaml() throws IOException {
        return Files.readString(Labs.topology("nat.yaml"));
    }

    @Test
    void everyCheckPassesInspectShowsTheHitsAndDownLeavesNothing() throws IOException {
        String lab = lab("nat");
        up(lab, Labs.topology("nat.yaml"));
        assertThat(hostRules()).doesNotContain("netlab:" + lab + ":");
        List<LabState.ProcessRecord> servers = servers(lab);
        assertThat(servers).extracting(LabState.ProcessRecord::what).containsExactlyInAnyOrder("http :80", "http :80", "tcp :7000");
        assertThat(servers).allMatch(p -> running(p.pid()));

        Cli.Result check = ok(cli().run("check", lab));
        assertThat(check.out()).contains("9 checks: 9 passed").doesNotContain("FAIL");

        String inspect = ok(cli().run("inspect", "-l", lab, "r1")).out();
        assertThat(packets(inspect, "MASQUERADE", lineOf("- masquerade:"))).as("masquerade hits").isPositive();
        assertThat(packets(inspect, "DNAT", lineOf("- dnat:"))).as("port-forward hits").isPositive();
        assertThat(packets(inspect, "DROP", lineOf("- drop:"))).as("drops of h2's port 80").isPositive();
        assertThat(ok(cli().run("inspect", "-l", lab, "internet")).out()).contains("http :80  pid ").contains("running, listening");
        assertThat(ok(cli().run("inspect", "--json", "-l", lab, "r1")).out()).contains("-j MASQUERADE").contains("\"rules\"");

        ok(cli().run("down", lab));
        assertThat(servers).as("servers after down").noneMatch(p -> running(p.pid()));
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void upTwiceDuplicatesNeitherRulesNorServers() {
        String lab = lab("twice");
        up(lab, Labs.topology("nat.yaml"));
        String rules = rulesOf(lab, "r1");
        List<LabState.ProcessRecord> servers = servers(lab);
        String pids = Shell.run("ip", "netns", "pids", "netlab." + lab + ".internet") + Shell.run("ip", "netns", "pids", "netlab." + lab + ".lanweb");

        assertThat(up(lab, Labs.topology("nat.yaml"))).contains("nothing was missing");
        assertThat(rulesOf(lab, "r1")).isEqualTo(rules);
        assertThat(rules.lines().filter(l -> l.startsWith("-A"))).hasSize(3);
        assertThat(servers(lab)).isEqualTo(servers);
        assertThat(Shell.run("ip", "netns", "pids", "netlab." + lab + ".internet") + Shell.run("ip", "netns", "pids", "netlab." + lab + ".lanweb"))
                .isEqualTo(pids);
        ok(cli().run("check", lab));
    }

    @Test
    void withoutTheMasqueradeTheSourceAddressCheckFails() throws IOException {
        // as written: the internet has no route back to a private address, so h1 gets no answer at all
        String lab = lab("nomasq");
        up(lab, variant("nomasq.yaml", natYaml(), MASQUERADE, ""));
        Cli.Result check = cli().run("check", lab, "-c", SOURCE_CHECK);
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.out()).contains("FAIL  " + SOURCE_CHECK).contains("no connection");
    }

    @Test
    void withoutTheMasqueradeButWithARouteBackTheServerSeesThePrivateAddress() throws IOException {
        // even if the internet could answer the private address, the server would see h1's, not r1's public one
        String lab = lab("routeback");
        String noMasquerade = natYaml().replaceAll(MASQUERADE, "");
        Path p = variant("routeback.yaml", noMasquerade, "(?m)^(  internet:\\n)", "$1    routes: [{to: 192.168.1.0/24, via: r1}]\n");
        up(lab, p);
        Cli.Result check = cli().run("check", lab, "-c", SOURCE_CHECK, "-c", CAPTURE_CHECK);
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.out()).contains("FAIL  " + SOURCE_CHECK)
                .contains("the server saw 192.168.1.2 (h1:eth1), not 203.0.113.1 (r1:eth2)")
                .contains("FAIL  " + CAPTURE_CHECK).contains("expected to fail, but succeeded");
    }

    @Test
    void flushedRulesAndAKilledServerShowAsDriftAndUpRepairsThem() {
        String lab = lab("repair");
        up(lab, Labs.topology("nat.yaml"));
        ok(cli().run("check", lab, "-c", SOURCE_CHECK));
        Shell.run("ip", "netns", "exec", "netlab." + lab + ".r1", "iptables", "-t", "nat", "-F", "POSTROUTING");
        LabState.ProcessRecord lanweb = servers(lab).stream().filter(p -> p.node().equals("lanweb")).findFirst().orElseThrow();
        Optional<ProcessHandle> h = ProcessHandle.of(lanweb.pid());
        h.ifPresent(ProcessHandle::destroy);
        h.ifPresent(x -> x.onExit().join());

        assertThat(cli().run("check", lab, "-c", SOURCE_CHECK).exitCode()).isEqualTo(1);
        Cli.Result status = cli().run("status", lab);
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out()).contains("r1: missing rule nat POSTROUTING #1: -s 192.168.1.0/24 -o eth2 -j MASQUERADE (comment \"netlab:" + lab)
                .contains("lanweb: missing server http :80 (nothing listens on TCP port 80)");

        assertThat(up(lab, Labs.topology("nat.yaml"))).contains("it differed from its topology; restored 1 rule and 1 server");
        ok(cli().run("status", lab));
        ok(cli().run("check", lab));
        assertThat(servers(lab)).filteredOn(p -> p.node().equals("lanweb")).singleElement()
                .satisfies(p -> assertThat(p.pid()).isNotEqualTo(lanweb.pid()));
    }
}
