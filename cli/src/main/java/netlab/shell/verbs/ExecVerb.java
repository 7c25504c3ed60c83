package netlab.shell.verbs;

import java.util.List;
import netlab.console.NodeArgument;
import netlab.doctor.Privileges;
import netlab.errors.NetlabException;
import netlab.model.LabModel;
import netlab.shell.Candidates;
import netlab.shell.NodeProcesses;
import netlab.shell.ShellSession;
import netlab.shell.Verb;

/**
 * {@code exec NODE CMD...} (also {@code NODE exec CMD...} and just {@code NODE CMD...}): a command inside a node,
 * the way the node's kind runs commands (a namespace: the host's programs; a container: its own). Without a
 * command, a shell in the node. Exit code: the command's.
 */
final class ExecVerb implements Verb {
    @Override
    public String name() {
        return "exec";
    }

    @Override
    public String usage() {
        return "exec NODE [CMD...]   (or: NODE exec CMD..., NODE CMD...)";
    }

    @Override
    public String summary() {
        return "run a command in a node (a shell when none is given)";
    }

    @Override
    public int run(List<String> args, ShellSession s) throws InterruptedException {
        if (args.isEmpty()) throw NetlabException.usage("usage: " + usage());
        NodeArgument.node(args.get(0));
        LabModel m = s.lab().model();
        List<String> cmd = args.size() > 1 ? args.subList(1, args.size()) : List.of("sh");
        if (args.size() == 1 && !s.interactive()) throw NetlabException.usage("exec " + args.get(0) + ": give a command (no terminal for a shell)");
        Privileges.require();
        List<String> argv = s.env().nodeExec(m).interactive(args.get(0), cmd);
        return NodeProcesses.run(argv, s);
    }

    @Override
    public List<String> complete(List<String> args, int index, ShellSession s) {
        return index == 0 ? Candidates.nodes(s) : List.of();
    }
}
