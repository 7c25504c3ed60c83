package netlab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import netlab.app.BuiltIn;
import netlab.cli.CommandTree;
import netlab.cli.NetlabCommand;
import netlab.console.Io;
import netlab.lab.LabEnv;
import netlab.process.Progress;
import netlab.shell.verbs.ShellVerbs;
import netlab.state.StateStore;
import netlab.testing.Labs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TAB completion from the shell's lab (here read from its file; no lab needs to be up) and the command tree. */
class ShellCompleterTest {
    @TempDir
    Path stateDir;
    ShellSession s;
    ShellCompleter c;

    @BeforeEach
    void session() {
        LabEnv env = LabEnv.standard(BuiltIn.catalog(), new StateStore(stateDir), Progress.SILENT);
        s = new ShellSession(Io.system(), List.of("--state-dir", stateDir.toString()), env, false, netlab.source.Budget.DEFAULT,
                ShellVerbs.all(), io -> CommandTree.of(new NetlabCommand(io)));
        s.lab().selectByArgument(Labs.topology("router.yaml").toString());
        c = new ShellCompleter(s);
    }

    private List<String> at(String... words) {
        return c.candidates(List.of(words), words.length - 1).values();
    }

    @Test
    void firstWordIsAVerbACommandOrANode() {
        assertThat(at("")).contains("nodes", "pingall", "show", "link", "up", "down", "status", "trace", "graph", "h1", "r1")
                .doesNotContain("shell");
    }

    @Test
    void aNodeFirstOffersWhatANodeCanDo() {
        assertThat(at("h1", "")).containsExactly("ping", "exec", "trace");
        assertThat(at("h1", "ping", "")).contains("h2", "h2:eth1", "10.1.2.1", "r1:eth2");
    }

    @Test
    void verbsCompleteFromTheModel() {
        assertThat(at("ping", "")).contains("h1", "h1:eth1");
        assertThat(at("link", "")).contains("r1:eth1", "r1:eth2", "h1:eth1");
        assertThat(at("link", "r1:eth1", "")).containsExactly("down", "up");
        assertThat(at("show", "")).containsExactly("fdb", "arp", "routes", "rules", "addr");
        assertThat(at("show", "fdb", "")).containsExactly("lan1", "lan2");
        assertThat(at("show", "arp", "")).contains("h1", "r1");
        assertThat(at("check", "")).contains("h1 reaches h2 through r1", "h3 has no route to lan2", "--json");
        assertThat(at("exec", "")).containsExactly("r1", "h1", "h2", "h3");
    }

    @Test
    void cliCommandsCompleteOptionsAndParametersByLabel() {
        assertThat(at("up", "--d")).contains("--dry-run");
        assertThat(at("status", "--")).contains("--json", "--name");
        assertThat(at("inspect", "")).containsExactly("r1", "h1", "h2", "h3");
        assertThat(at("trace", "h1", "")).contains("h2", "h2:eth1", "10.1.2.1");
        assertThat(at("trace", "-p", "")).containsExactly("icmp", "tcp", "udp");
        assertThat(at("capture", "")).contains("h1:eth1", "r1:eth2").doesNotContain("h1");
        assertThat(at("capture", "h1:eth1", "")).contains("r1:eth1", "r1:eth2");
        assertThat(at("capture", "h1:eth1", "-w", "")).doesNotContain("h1:eth1");
        assertThat(at("graph", "x.yaml", "--format", "")).containsExactly("dot", "mermaid", "svg", "png");
        assertThat(at("help", "")).contains("topology", "up", "trace");
    }

    @Test
    void topologyFilesCompleteFromTheDirectoryTyped() {
        String dir = Labs.repo().resolve("topologies").toString() + "/";
        assertThat(at("up", dir)).contains(dir + "router.yaml", dir + "switch.yaml");
        assertThat(at("up", dir + "ro")).contains(dir + "router.yaml");
    }

    @Test
    void withoutALabOnlyCommandsComplete() {
        s.lab().select(null, null);
        assertThat(at("")).contains("nodes", "up").doesNotContain("h1");
        assertThat(at("ping", "")).isEmpty();
    }
}
