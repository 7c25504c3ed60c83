package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import netlab.testing.Cli;
import netlab.testing.HostileNames;
import netlab.topology.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lab and node names from elsewhere, given to every command that takes one: each is refused in one line with exit 2
 * before anything is read, written or deleted, and nothing outside netlab's directories changes. No root needed (the
 * refusal comes before the privilege check), so these run everywhere. Planted records: {@code it/HostileInputIT}.
 */
class HostileInputTest {
    @TempDir
    Path dir;
    private Path stateDir;
    private Path victim;

    @BeforeEach
    void layOut() throws Exception {
        // dir/victim/precious, and a state directory three levels down: labs/../../../../victim is the victim
        victim = Files.createDirectories(dir.resolve("victim"));
        Files.writeString(victim.resolve("precious"), "keep me\n");
        stateDir = dir.resolve("x/y/state");
    }

    private Cli cli() {
        return Cli.withStateDir(stateDir);
    }

    /** Every hostile name, plus the ones that reach the victim from this state directory. */
    private static List<String> labNames() {
        List<String> all = new ArrayList<>(HostileNames.ALL);
        all.addAll(List.of("../../../../victim", "../../../../victim/precious", "../../../../victim/.."));
        return all;
    }

    /** Commands that take a lab (by argument or option), the name where NAME is. */
    private static final List<List<String>> LAB_COMMANDS = List.of(
            List.of("down", "--", "NAME"), List.of("down", "--no-wait", "--", "NAME"),
            List.of("check", "--", "NAME"), List.of("check", "--name=NAME"),
            List.of("status", "--", "NAME"), List.of("status", "--name=NAME"),
            List.of("inspect", "--lab=NAME", "h1"), List.of("exec", "--lab=NAME", "h1", "true"),
            List.of("trace", "--lab=NAME", "h1", "h2"), List.of("graph", "--", "NAME"),
            List.of("link", "show", "--", "NAME"), List.of("link", "set", "--lab=NAME", "h1:eth1", "delay", "1ms"),
            List.of("link", "clear", "--lab=NAME", "h1:eth1"), List.of("link", "set", "--", "NAME", "h1:eth1", "delay", "1ms"),
            List.of("cluster", "leases", "--lab=NAME"), List.of("cluster", "sync", "--lab=NAME"),
            List.of("cluster", "remove-node", "--lab=NAME", "n1"), List.of("cluster", "add-node", "--lab=NAME", "n1"),
            List.of("shell", "--", "NAME"), List.of("shell", "--name=NAME"), List.of("shell", "-c", "lab NAME"));

    @TestFactory
    Stream<DynamicTest> everyCommandRefusesABadLabNameInOneLine() {
        List<DynamicTest> tests = new ArrayList<>();
        for (List<String> command : LAB_COMMANDS) {
            for (String name : labNames()) {
                // the shell's own command line splits at spaces and reads quotes: only names it passes whole
                if (command.get(1).equals("-c") && !name.matches("[^\\s'\"\\\\\u0000]+")) continue;
                // a name with '/' given where a file may be is a file: it is read, not used as a name (below)
                if (name.contains("/") && List.of("down", "check", "status", "graph", "shell", "link").contains(command.get(0))
                        && !command.contains("--lab=NAME") && !command.contains("--name=NAME") && !command.get(1).equals("-c")) continue;
                // link's first word is its lab only when it has no ':' (else it is the link's NODE:IFACE)
                if (name.contains(":") && command.get(0).equals("link") && command.contains("--")) continue;
                tests.add(DynamicTest.dynamicTest(String.join(" ", command) + " with " + HostileNames.describe(name), () -> {
                    List<String> argv = new ArrayList<>();
                    for (String w : command) argv.add(w.replace("NAME", name));
                    refusedInOneLine(argv);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aFileWhoseNameIsHostileIsRefusedNotFollowed() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : labNames()) {
            for (List<String> command : List.of(List.of("down"), List.of("check"), List.of("status"), List.of("shell"),
                    List.of("link", "show"), List.of("down", "--no-wait"))) {
                tests.add(DynamicTest.dynamicTest(String.join(" ", command) + " FILE with name: " + HostileNames.describe(name), () -> {
                    Path file = dir.resolve("that.yaml");
                    Files.writeString(file, "name: \"" + yamlEscaped(name) + "\"\nnodes: {h1: {}}\n");
                    List<String> argv = new ArrayList<>(command);
                    argv.add(file.toString());
                    Cli.Result r = refusedInOneLine(cli().run(argv.toArray(String[]::new)));
                    assertThat(r.err()).startsWith("netlab: " + file + ": ");
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theDownOfTheReportedFileRemovesNothing() throws Exception {
        // the reproduction: up refused this file, down removed the directory its name led to
        Path file = Files.createDirectories(dir.resolve("a/b/c")).resolve("that.yaml");
        Files.writeString(file, "name: \"../../../../victim\"\nnodes: {h1: {}}\n");
        Cli.Result r = refusedInOneLine(cli().run("down", file.toString()));
        assertThat(r.err()).contains("lab name '../../../../victim' may only use letters, digits, '-' and '_'");
        assertThat(cli().run("check", file.toString()).exitCode()).isEqualTo(2);
        assertThat(victim.resolveSibling("victim.lock")).doesNotExist(); // check made and removed <that path>.lock
    }

    @Test
    void downOfDotOrDotDotReachesNeitherTheRecordsNorTheirParent() throws Exception {
        Path records = Files.createDirectories(stateDir.resolve("labs"));
        Files.writeString(stateDir.resolve("keep"), "state dir content\n");
        for (String name : List.of(".", "..", "../..")) {
            Cli.Result r = cli().run("down", "--", name);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        }
        assertThat(records).isDirectory();
        assertThat(stateDir.resolve("keep")).hasContent("state dir content");
    }

    /** Commands that take a node (or node:interface), the name where NAME is. */
    private static final List<List<String>> NODE_COMMANDS = List.of(
            List.of("exec", "-l", "lab", "--", "NAME", "true"), List.of("inspect", "--", "NAME"),
            List.of("trace", "--", "NAME", "h2"), List.of("trace", "--", "h1", "NAME"), List.of("trace", "--", "NAME:eth1", "h2"),
            List.of("trace", "--", "h1", "NAME:eth1"), List.of("link", "set", "--", "NAME:eth1", "delay", "1ms"),
            List.of("link", "clear", "--", "NAME:eth1"), List.of("link", "set", "--", "h1:NAME", "delay", "1ms"),
            List.of("cluster", "remove-node", "--", "NAME"), List.of("cluster", "add-node", "--", "NAME"),
            List.of("shell", "-c", "exec NAME true"), List.of("shell", "-c", "ping NAME h2"), List.of("shell", "-c", "ping h1 NAME"),
            List.of("shell", "-c", "link NAME:eth1 down"), List.of("shell", "-c", "show arp NAME"));

    @TestFactory
    Stream<DynamicTest> everyCommandRefusesABadNodeNameInOneLine() {
        List<DynamicTest> tests = new ArrayList<>();
        for (List<String> command : NODE_COMMANDS) {
            for (String name : HostileNames.ALL) {
                if (name.matches("[A-Za-z0-9_-]+[/:][A-Za-z0-9_-]+")) continue; // pod/member or node:iface: well formed
                boolean inIface = command.stream().anyMatch(w -> w.contains(":NAME"));
                if (inIface && Names.checkIfname(name, "interface").isEmpty()) continue; // "a.b" is a good interface name
                if (command.get(1).equals("-c") && !name.matches("[^\\s'\"\\\\\u0000#]+")) continue;
                if (name.isEmpty() && command.get(1).equals("-c")) continue;
                tests.add(DynamicTest.dynamicTest(String.join(" ", command) + " with " + HostileNames.describe(name), () -> {
                    List<String> argv = new ArrayList<>();
                    for (String w : command) argv.add(w.replace("NAME", name));
                    refusedInOneLine(argv);
                }));
            }
        }
        return tests.stream();
    }

    private Cli.Result refusedInOneLine(List<String> argv) throws Exception {
        Cli.Result r = cli().run(argv.toArray(String[]::new));
        assertThat(r.exitCode()).as(HostileNames.describe(String.join(" ", argv)) + ": " + r).isEqualTo(2);
        return refusedInOneLine(r);
    }

    /** Exit 2, one line on stderr (a topology error's summary line aside), no stack trace, nothing touched. */
    private Cli.Result refusedInOneLine(Cli.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        List<String> lines = r.err().lines().filter(l -> !l.matches("netlab: \\d+ errors?, nothing was created")).toList();
        assertThat(lines).as(r.toString()).hasSize(1);
        assertThat(lines.get(0)).as(r.toString()).startsWith("netlab: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(stateDir).as("the state directory is made by nothing that is refused").doesNotExist();
        assertThat(victim.resolve("precious")).hasContent("keep me");
        return r;
    }

    private static String yamlEscaped(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\x%02x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }
}
