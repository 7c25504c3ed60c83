package netlab.routing.observe;

import java.time.Duration;
import java.util.List;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;
import netlab.routing.runtime.FrrInstall;
import netlab.routing.runtime.FrrLayout;
import netlab.routing.runtime.FrrView;

/**
 * Asks one node's FRR a question through vtysh, run in the node's network namespace and FRR view, so it reaches
 * the node's daemons at their sockets ({@code vtysh --config_dir /run --vty_socket /run -c COMMAND}).
 */
public final class Vtysh {
    static final Duration LIMIT = Duration.ofSeconds(30);
    private final ProcessRunner runner;
    private final FrrInstall install;

    public Vtysh(ProcessRunner runner, FrrInstall install) {
        this.runner = runner;
        this.install = install;
    }

    public FrrAnswer ask(String node, String netns, FrrLayout layout, FrrShow question) throws InterruptedException {
        List<String> argv = FrrView.argv(netns, layout, false, List.of(install.vtysh().toString(), "--config_dir", FrrLayout.INSIDE,
                "--vty_socket", FrrLayout.INSIDE, "-c", question.command()));
        ProcResult r = runner.run(argv, null, LIMIT);
        return answer(node, question, r);
    }

    static FrrAnswer answer(String node, FrrShow question, ProcResult r) {
        if (r.ok()) return new FrrAnswer(node, question, true, r.stdout());
        // vtysh says so at the end of a line (before it, on the same line, a complaint about the machine may stand, such
        // as PAM's "vtysh_pam: Failed in account validation: Permission denied(6)", which has no newline of its own)
        String notRunning = question.daemon().program() + " is not running";
        if ((r.stdout() + "\n" + r.stderr()).lines().anyMatch(l -> l.strip().endsWith(notRunning))) return new FrrAnswer(node, question, false, "");
        throw new FrrQueryException("cannot ask FRR in node " + node + " '" + question.command() + "': " + r.errorText().replaceAll("\\s*\\n\\s*", "; "));
    }
}
