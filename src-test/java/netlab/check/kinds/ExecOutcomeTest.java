package netlab.check.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import netlab.check.CheckContext;
import netlab.check.Observation;
import netlab.process.ProcResult;
import netlab.runtime.NodeExec;
import netlab.source.Pos;
import org.junit.jupiter.api.Test;

/** When an exec check's command ran: a node that could not be entered, or a command the shell could not start, did not. */
class ExecOutcomeTest {
    /** Runs nothing: answers every command with the given result, as the node's kind would. */
    private static CheckContext answering(int exit, String stdout, String stderr, String... launcher) {
        NodeExec exec = new NodeExec() {
            @Override
            public ProcResult exec(String node, List<String> argv, Duration timeout) {
                List<String> all = new java.util.ArrayList<>(List.of(launcher));
                all.addAll(argv);
                return new ProcResult(all, exit, stdout, stderr, false);
            }

            @Override
            public List<String> interactive(String node, List<String> argv) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> command(String node, List<String> argv) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> inNetns(String node, List<String> argv) {
                throw new UnsupportedOperationException();
            }
        };
        return new CheckContext(null, null, exec, null);
    }

    private static final String[] NETNS = {"ip", "netns", "exec", "netlab.l.h1"};

    private static Observation run(int wantExit, CheckContext ctx) throws InterruptedException {
        return new ExecCheck("h1", "nc -z 10.0.0.2 80", wantExit, Optional.empty(), Pos.unknown("t"), Pos.unknown("t")).observe(ctx, Duration.ofSeconds(1));
    }

    @Test
    void aCommandTheShellCouldNotStartDidNotRun() throws InterruptedException {
        Observation notFound = run(0, answering(127, "", "sh: 1: nc: not found\n", NETNS));
        assertThat(notFound.ran()).isFalse();
        assertThat(notFound.detail()).isEqualTo("the command did not start (exit code 127): sh: 1: nc: not found");
        assertThat(run(0, answering(126, "", "sh: 1: ./x: Permission denied\n", NETNS)).ran()).isFalse();
    }

    @Test
    void unlessTheCheckAsksForThatVeryCode() throws InterruptedException {
        Observation absent = run(127, answering(127, "", "sh: 1: nc: not found\n", NETNS));
        assertThat(absent.ran()).isTrue();
        assertThat(absent.ok()).isTrue();
    }

    @Test
    void aNodeThatCannotBeEnteredDidNotRun() throws InterruptedException {
        Observation gone = run(0, answering(255, "", "Cannot open network namespace \"netlab.l.h1\": No such file or directory\n", NETNS));
        assertThat(gone.ran()).isFalse();
        assertThat(gone.detail()).isEqualTo("h1: cannot enter namespace netlab.l.h1 (No such file or directory)");
        Observation stopped = run(0, answering(125, "", "container netlab.l.h1 is not running; 'netlab up' starts it again",
                "docker", "exec", "netlab.l.h1"));
        assertThat(stopped.ran()).isFalse();
    }

    @Test
    void anyOtherExitCodeIsTheCommandsAnswer() throws InterruptedException {
        Observation refused = run(0, answering(1, "", "", NETNS));
        assertThat(refused.ran()).isTrue();
        assertThat(refused.ok()).isFalse();
        assertThat(refused.detail()).isEqualTo("exit code 1 (expected 0)");
    }
}
