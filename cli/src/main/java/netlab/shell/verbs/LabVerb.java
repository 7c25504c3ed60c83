package netlab.shell.verbs;

import java.util.ArrayList;
import java.util.List;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.shell.ShellSession;
import netlab.shell.Verb;

/** {@code lab [NAME|TOPOLOGY]}: shows the shell's lab and the labs that are up, or switches to another lab. */
final class LabVerb implements Verb {
    @Override
    public String name() {
        return "lab";
    }

    @Override
    public String usage() {
        return "lab [NAME|TOPOLOGY]";
    }

    @Override
    public String summary() {
        return "show the current lab and the labs that are up, or switch to another";
    }

    @Override
    public int run(List<String> args, ShellSession s) {
        if (args.size() > 1) throw NetlabException.usage("usage: " + usage());
        if (args.size() == 1) s.lab().selectByArgument(args.get(0));
        List<String> up = names(s.env().store().labs());
        s.out().println("current lab: " + s.lab().name().map(n -> n + (s.lab().isUp() ? " (up)" : " (not up)")).orElse("none"));
        s.out().println("labs up: " + (up.isEmpty() ? "none" : String.join(", ", up)));
        return ExitCode.OK;
    }

    @Override
    public List<String> complete(List<String> args, int index, ShellSession s) {
        return index == 0 ? names(s.env().store().labs()) : List.of();
    }

    private static List<String> names(List<netlab.state.LabName> labs) {
        List<String> out = new ArrayList<>();
        for (netlab.state.LabName l : labs) out.add(l.value());
        return out;
    }
}
