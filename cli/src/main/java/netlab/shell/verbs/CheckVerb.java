package netlab.shell.verbs;

import java.util.ArrayList;
import java.util.List;
import netlab.shell.Candidates;
import netlab.shell.ShellSession;
import netlab.shell.Verb;

/**
 * {@code check [NAME...] [--json] [--serial]}: the lab's checks (all, or those named), through the CLI's {@code check}
 * command. Exit code 1 when one fails, 5 when one could not run (which {@code ! check} does not take for a failure).
 */
final class CheckVerb implements Verb {
    @Override
    public String name() {
        return "check";
    }

    @Override
    public String usage() {
        return "check [NAME...] [--json] [--serial]";
    }

    @Override
    public String summary() {
        return "run the lab's checks, or only the named ones (quote names with spaces)";
    }

    @Override
    public int run(List<String> args, ShellSession s) throws InterruptedException {
        List<String> cli = new ArrayList<>(List.of("check"));
        for (String a : args) {
            if (a.startsWith("-")) {
                cli.add(a);
            } else {
                cli.add("--check");
                cli.add(a);
            }
        }
        s.lab().require();
        return s.runCli(cli);
    }

    @Override
    public List<String> complete(List<String> args, int index, ShellSession s) {
        List<String> l = new ArrayList<>(Candidates.checks(s));
        l.add("--json");
        l.add("--serial");
        return l;
    }
}
