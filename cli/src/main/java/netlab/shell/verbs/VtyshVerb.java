package netlab.shell.verbs;

import java.util.ArrayList;
import java.util.List;
import netlab.console.NodeArgument;
import netlab.doctor.Privileges;
import netlab.errors.NetlabException;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.routing.extension.RoutingNodes;
import netlab.shell.Candidates;
import netlab.shell.NodeProcesses;
import netlab.shell.ShellSession;
import netlab.shell.Verb;
import netlab.source.Suggest;

/**
 * {@code vtysh NODE [COMMAND...]}: FRR's shell on a routing node's own daemons (as {@code netlab exec NODE vtysh}
 * runs it, in the node's FRR view). The words after the node are one vtysh command ({@code vtysh r1 show ip ospf
 * neighbor}); without them, vtysh itself, interactive, on a terminal. Exit code: vtysh's.
 */
final class VtyshVerb implements Verb {
    @Override
    public String name() {
        return "vtysh";
    }

    @Override
    public String usage() {
        return "vtysh NODE [COMMAND...]";
    }

    @Override
    public String summary() {
        return "FRR's shell on a routing node (one command, or interactive)";
    }

    @Override
    public int run(List<String> args, ShellSession s) throws InterruptedException {
        if (args.isEmpty()) throw NetlabException.usage("usage: " + usage());
        String node = args.get(0);
        NodeArgument.node(node);
        LabModel m = s.lab().model();
        ModelNode n = m.node(node).orElseThrow(() -> NetlabException.usage("lab '" + m.name() + "' has no node '" + node + "'" + Suggest.hint(node, m.nodes().keySet())));
        if (RoutingNodes.of(n.spec()).isEmpty()) {
            List<String> routing = routingNodes(m);
            throw NetlabException.usage("node '" + node + "' runs no FRR (it has no routing:)"
                    + (routing.isEmpty() ? "; no node of this lab does" : "; routing nodes: " + String.join(", ", routing)));
        }
        if (args.size() == 1 && !s.interactive()) throw NetlabException.usage("vtysh " + node + ": give a command (no terminal for vtysh itself)");
        Privileges.require();
        List<String> vtysh = new ArrayList<>(List.of("vtysh"));
        // the command is one argument of -c: vtysh reads it as one line of its own language, never a shell's
        if (args.size() > 1) vtysh.addAll(List.of("-c", String.join(" ", args.subList(1, args.size()))));
        return NodeProcesses.run(s.env().nodeExec(m).interactive(node, vtysh), s);
    }

    private static List<String> routingNodes(LabModel m) {
        return m.nodes().values().stream().filter(x -> RoutingNodes.of(x.spec()).isPresent()).map(ModelNode::name).toList();
    }

    @Override
    public List<String> complete(List<String> args, int index, ShellSession s) {
        if (index == 0) return routingNodes(s.lab().model());
        if (index == 1) return List.of("show");
        return List.of();
    }
}
