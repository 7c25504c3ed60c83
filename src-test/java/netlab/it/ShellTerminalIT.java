package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.NetlabProcess;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell at a real terminal (tmux): TAB completes a verb and a node, Ctrl-C stops a running ping but not the
 * shell, history is saved, and Ctrl-D asks whether to take down the lab the shell brought up.
 */
@NeedsRoot
class ShellTerminalIT {
    @TempDir
    Path stateDir;
    @TempDir
    Path home;
    private final String session = "netlab-it-" + ProcessHandle.current().pid();
    private final String lab = Labs.uniqueName("tty");

    @AfterEach
    void cleanUp() {
        Shell.run("tmux", "kill-session", "-t", session);
        Shell.run("java", "-jar", NetlabProcess.jar().toString(), "--state-dir", stateDir.toString(), "down", lab);
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    private String screen() {
        return Shell.run("tmux", "capture-pane", "-p", "-t", session);
    }

    /** Polls the screen until it shows {@code text} (a terminal has no event to wait on). */
    private String await(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        String s = "";
        while (System.currentTimeMillis() < deadline) {
            s = screen();
            if (s.contains(text)) return s;
            Thread.sleep(50);
        }
        throw new AssertionError("the terminal never showed '" + text + "'; it shows:\n" + s);
    }

    /** Waits for one more prompt than the screen had: the shell is reading again, so typed keys reach it whole. */
    private void awaitNewPrompt(String prompt, int seen) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (screen().split(java.util.regex.Pattern.quote(prompt), -1).length - 1 > seen) return;
            Thread.sleep(50);
        }
        throw new AssertionError("no new prompt; the terminal shows:\n" + screen());
    }

    private void keys(String... keys) {
        List<String> argv = new java.util.ArrayList<>(List.of("tmux", "send-keys", "-t", session));
        argv.addAll(List.of(keys));
        Shell.run(argv.toArray(String[]::new));
    }

    @Test
    void completionCtrlCHistoryAndLeaving() throws Exception {
        assumeTrue(Shell.exitCode("sh", "-c", "command -v tmux") == 0, "tmux is not installed: no terminal to drive");
        Path history = home.resolve("history");
        String cmd = "NETLAB_HISTORY=" + history + " java -jar " + NetlabProcess.jar() + " --state-dir " + stateDir
                + " shell " + Labs.topology("router.yaml") + " --name " + lab + "; echo SHELL-EXIT=$?; sleep 60";
        assertThat(Shell.exitCode("tmux", "new-session", "-d", "-s", session, "-x", "150", "-y", "50", cmd)).isZero();
        await("netlab(" + lab + ")>"); // capture-pane drops trailing spaces

        keys("h1 pi", "Tab");
        await("> h1 ping");
        keys("h", "Tab");
        await("h2:eth1"); // the candidates are listed: h1 h1:eth1 h2 h2:eth1 ...
        keys("2 -c 1000", "Enter");
        await("bytes from 10.1.2.1");
        String prompt = "netlab(" + lab + ")>";
        int prompts = screen().split(java.util.regex.Pattern.quote(prompt), -1).length - 1;
        keys("C-c");
        await("ping statistics");
        awaitNewPrompt(prompt, prompts);
        keys("nodes", "Enter");
        String s = await("r1    namespace (router)");
        assertThat(s).contains("h1 -> h2 (10.1.2.1)");

        keys("C-d");
        await("was brought up by this shell; take it down? [Y/n]");
        keys("Enter");
        s = await("SHELL-EXIT=");
        assertThat(s).contains("lab '" + lab + "' removed").contains("SHELL-EXIT=0");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
        assertThat(Files.readString(history)).contains("h1 ping h2 -c 1000").contains("nodes");
    }

    @Test
    void closingTheTerminalTakesDownTheLabTheShellBroughtUp() throws Exception {
        startShellOnItsLab("");
        // the window closes under the shell: its terminal hangs up (SIGHUP), with nobody left to answer a question
        assertThat(Shell.exitCode("tmux", "kill-session", "-t", session)).isZero();
        assertTheLabGoes();
    }

    @Test
    void aHangupTheShellSeesOnlyAsTheEndOfItsInputStillTakesDownTheLab() throws Exception {
        // SIGHUP ignored (as under nohup): the shell learns of the hangup only as its input ending, like a Ctrl-D,
        // then asks a question nobody can answer. (With SIGHUP, the shell sees that too when its read wins the race.)
        startShellOnItsLab("trap '' HUP; exec ");
        assertThat(Shell.exitCode("tmux", "kill-session", "-t", session)).isZero();
        assertTheLabGoes();
    }

    @Test
    void ctrlDAtTheQuestionLeavesTheLabUp() throws Exception {
        startShellOnItsLab("");
        keys("C-d");
        await("was brought up by this shell; take it down? [Y/n]");
        keys("C-d"); // no answer, but the terminal is still there: nothing is taken down unasked
        String s = await("SHELL-EXIT=");
        assertThat(s).contains("lab '" + lab + "' stays up");
        assertThat(Leftovers.namespaces(lab)).isNotEmpty();
    }

    /** The shell in a tmux window of its own, on router.yaml brought up as this test's lab; COMMAND-PREFIX runs it. */
    private void startShellOnItsLab(String commandPrefix) throws InterruptedException {
        assumeTrue(Shell.exitCode("sh", "-c", "command -v tmux") == 0, "tmux is not installed: no terminal to drive");
        String cmd = "export NETLAB_HISTORY=" + home.resolve("history") + "; " + commandPrefix + "java -jar " + NetlabProcess.jar()
                + " --state-dir " + stateDir + " shell " + Labs.topology("router.yaml") + " --name " + lab
                + "; echo SHELL-EXIT=$?; sleep 600";
        assertThat(Shell.exitCode("tmux", "new-session", "-d", "-s", session, "-x", "150", "-y", "50", cmd)).isZero();
        await("netlab(" + lab + ")>");
        assertThat(Leftovers.namespaces(lab)).isNotEmpty();
    }

    private void assertTheLabGoes() throws InterruptedException {
        // the namespaces go first, then the record: wait for both (the record's removal is a moment after the last
        // namespace's, and asking in that moment is no proof of a leftover)
        Path record = stateDir.resolve("labs").resolve(lab);
        long deadline = System.currentTimeMillis() + 30_000;
        while ((!Leftovers.namespaces(lab).isEmpty() || Files.exists(record)) && System.currentTimeMillis() < deadline) Thread.sleep(50);
        assertThat(Leftovers.namespaces(lab)).as("namespaces of the lab after the hangup").isEmpty();
        assertThat(record).as("the lab's record").doesNotExist();
    }
}
