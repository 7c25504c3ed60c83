package netlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.process.ProcResult;
import org.junit.jupiter.api.Test;

/** A program that never started, told from one that ran and failed, by the exact words of what was to start it. */
class ProbeLaunchTest {
    private static final List<String> PING = List.of("setpriv", "--pdeathsig", "KILL", "--", "ip", "netns", "exec", "netlab.l.h1", "ping", "-c", "1", "10.0.0.2");

    private static ProcResult result(List<String> argv, int exit, String stderr) {
        return new ProcResult(argv, exit, "", stderr, false);
    }

    @Test
    void aNamespaceThatIsGone() {
        assertThat(ProbeLaunch.notStarted(result(PING, 255, "Cannot open network namespace \"netlab.l.h1\": No such file or directory\n")))
                .contains("cannot enter namespace netlab.l.h1 (No such file or directory)");
    }

    @Test
    void aProgramThatIsMissing() {
        assertThat(ProbeLaunch.notStarted(result(PING, 1, "exec of \"ping\" failed: No such file or directory\n")))
                .contains("ping did not start (No such file or directory)");
    }

    @Test
    void aProgramsOwnFailureIsItsObservation() {
        assertThat(ProbeLaunch.notStarted(result(PING, 2, "ping: connect: Network is unreachable\n"))).isEmpty();
        assertThat(ProbeLaunch.notStarted(result(PING, 1, ""))).isEmpty();
        // the same words about another namespace or program, or with another exit code, are the program's own output
        assertThat(ProbeLaunch.notStarted(result(PING, 255, "Cannot open network namespace \"other\": No such file or directory\n"))).isEmpty();
        assertThat(ProbeLaunch.notStarted(result(PING, 1, "exec of \"curl\" failed: No such file or directory\n"))).isEmpty();
        assertThat(ProbeLaunch.notStarted(result(PING, 2, "exec of \"ping\" failed: No such file or directory\n"))).isEmpty();
        assertThat(ProbeLaunch.notStarted(new ProcResult(PING, -1, "", "", true))).as("killed at the time limit: it ran").isEmpty();
        assertThat(ProbeLaunch.notStarted(result(List.of("sh", "-c", "ip netns exec x true"), 255,
                "Cannot open network namespace \"x\": No such file or directory\n"))).as("not netlab's ip netns exec").isEmpty();
    }

    @Test
    void aContainerThatIsGoneOrStopped() {
        List<String> argv = List.of("docker", "exec", "netlab.l.web", "sh", "-c", "true");
        assertThat(ProbeLaunch.notStarted(result(argv, 125, "container netlab.l.web is not running; 'netlab up' starts it again")))
                .contains("container netlab.l.web is not running; 'netlab up' starts it again");
        assertThat(ProbeLaunch.notStarted(result(argv, 125, "my own 125"))).isEmpty();
    }
}
