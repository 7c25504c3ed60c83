package netlab.shell.verbs;

import java.util.ArrayList;
import java.util.List;
import netlab.check.Target;
import netlab.console.NodeArgument;
import netlab.doctor.Privileges;
import netlab.errors.NetlabException;
import netlab.model.LabModel;
import netlab.net.IpAddress;
import netlab.shell.Candidates;
import netlab.shell.NodeProcesses;
import netlab.shell.ShellSession;
import netlab.shell.Verb;
import netlab.source.Pos;
import netlab.source.Suggest;

/**
 * {@code ping A B [PING-OPTIONS]} (also written {@code A ping B}): the host's ping inside node A, to B's address
 * (B a node: its address on a subnet A shares, else its first; {@code B:eth1}; or an address). Three echoes
 * unless {@code -c} says otherwise; {@code -6} for IPv6. Exit code 0 when replies came back.
 */
final class PingVerb implements Verb {
    @Override
    public String name() {
        return "ping";
    }

    @Override
    public String usage() {
        return "ping A B [-c N] [-6] [ping options]   (or: A ping B)";
    }

    @Override
    public String summary() {
        return "ping from node A to node B (B's address is looked up), 3 echoes by default";
    }

    @Override
    public int run(List<String> args, ShellSession s) throws InterruptedException {
        if (args.size() < 2) throw NetlabException.usage("usage: " + usage());
        NodeArgument.endpoint(args.get(0));
        NodeArgument.target(args.get(1));
        LabModel m = s.lab().model();
        String from = args.get(0);
        String fromNode = from.contains(":") ? from.substring(0, from.indexOf(':')) : from;
        if (m.node(fromNode).isEmpty()) {
            throw NetlabException.usage("lab '" + m.name() + "' has no node '" + fromNode + "'" + Suggest.hint(fromNode, m.nodes().keySet()));
        }
        List<String> extra = new ArrayList<>(args.subList(2, args.size()));
        boolean v6 = extra.contains("-6");
        IpAddress dst = resolve(m, fromNode, args.get(1), v6);
        List<String> argv = new ArrayList<>(List.of("ping", "-n"));
        if (!extra.contains("-c")) argv.addAll(List.of("-c", "3", "-i", "0.2"));
        if (!extra.contains("-W")) argv.addAll(List.of("-W", "1"));
        if (from.contains(":")) argv.addAll(List.of("-I", from.substring(from.indexOf(':') + 1)));
        argv.addAll(extra);
        argv.add(dst.toString());
        Privileges.require();
        s.out().println(from + " -> " + args.get(1) + (args.get(1).equals(dst.toString()) ? "" : " (" + dst + ")"));
        return NodeProcesses.run(s.env().nodeExec(m).inNetns(fromNode, argv), s);
    }

    /** The address a probe from {@code from} to {@code to} goes to, or a usage error saying why there is none. */
    static IpAddress resolve(LabModel m, String from, String to, boolean v6) {
        Target t = new Target(to, Pos.unknown("shell"));
        if (t.literal().isEmpty()) {
            if (m.node(t.node()).isEmpty()) {
                throw NetlabException.usage("'" + to + "' is neither a node of lab '" + m.name() + "' nor an address"
                        + Suggest.hint(t.node(), m.nodes().keySet()));
            }
            if (t.iface().isPresent() && m.iface(t.node(), t.iface().get()).isEmpty()) {
                throw NetlabException.usage("node '" + t.node() + "' has no interface '" + t.iface().get() + "'"
                        + Suggest.hint(t.iface().get(), m.node(t.node()).get().interfaces().keySet()));
            }
        }
        return t.resolve(m, from, v6).orElseThrow(() -> NetlabException.usage("'" + to + "' has no " + (v6 ? "IPv6" : "IPv4") + " address"));
    }

    @Override
    public List<String> complete(List<String> args, int index, ShellSession s) {
        if (index == 0) {
            List<String> l = new ArrayList<>(Candidates.nodes(s));
            l.addAll(Candidates.interfaces(s));
            return l;
        }
        if (index == 1) return Candidates.targets(s);
        return List.of("-c", "-6", "-s", "-t", "-W");
    }
}
