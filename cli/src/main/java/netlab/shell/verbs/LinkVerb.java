package netlab.shell.verbs;

import java.time.Duration;
import java.util.List;
import netlab.console.NodeArgument;
import netlab.doctor.Privileges;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.model.ModelRoute;
import netlab.plan.BatchLine;
import netlab.plan.build.Planner;
import netlab.process.ProcResult;
import netlab.shell.Candidates;
import netlab.shell.LiveLinks;
import netlab.shell.ShellSession;
import netlab.shell.Verb;
import netlab.source.Suggest;

/**
 * {@code link NODE:IFACE down|up}: takes a node's interface down or up (the cable pulled and plugged back, as seen
 * from that node), to watch what breaks; without up/down, shows its state. {@code status} reports a downed
 * interface as drift until it is up again. Up puts back the node's routes the kernel dropped with the interface.
 */
final class LinkVerb implements Verb {
    @Override
    public String name() {
        return "link";
    }

    @Override
    public String usage() {
        return "link NODE:IFACE [down|up]";
    }

    @Override
    public String summary() {
        return "take a node's interface down or up (or show its state)";
    }

    @Override
    public int run(List<String> args, ShellSession s) throws InterruptedException {
        if (!args.isEmpty() && !args.get(0).contains(":") && s.cliTree().getSubcommands().containsKey("link")) {
            // 'link set|clear|show ...': the CLI's own link command (impairments), which this verb must not hide
            List<String> cli = new java.util.ArrayList<>(List.of("link"));
            cli.addAll(args);
            return s.runCli(cli);
        }
        if (args.isEmpty() || args.size() > 2 || !args.get(0).contains(":")
                || (args.size() == 2 && !args.get(1).equals("up") && !args.get(1).equals("down"))) {
            throw NetlabException.usage("usage: " + usage());
        }
        LabModel m = s.lab().model();
        NodeArgument.endpoint(args.get(0));
        String node = args.get(0).substring(0, args.get(0).indexOf(':'));
        String iface = args.get(0).substring(args.get(0).indexOf(':') + 1);
        if (m.node(node).isEmpty()) throw NetlabException.usage("lab '" + m.name() + "' has no node '" + node + "'" + Suggest.hint(node, m.nodes().keySet()));
        if (m.iface(node, iface).isEmpty()) {
            throw NetlabException.usage("node '" + node + "' has no interface '" + iface + "'" + Suggest.hint(iface, m.node(node).get().interfaces().keySet()));
        }
        Privileges.require();
        String netns = s.env().naming(m.name()).nodeNetns(node);
        if (args.size() == 2) {
            ProcResult r = s.env().processes().run(List.of("ip", "-n", netns, "link", "set", "dev", iface, args.get(1)), null, Duration.ofSeconds(10));
            if (!r.ok()) throw NetlabException.failed("link " + args.get(0) + " " + args.get(1) + ": " + r.errorText());
            if (args.get(1).equals("up")) restoreRoutes(m.node(node).get(), netns, s);
        }
        String state = LiveLinks.read(s.env(), List.of(netns)).state(netns, iface);
        s.out().println(args.get(0) + " is " + state);
        return ExitCode.OK;
    }

    /**
     * Taking an interface down makes the kernel drop the routes through it (the default route too); plugging it
     * back in puts the node's routes from the topology back, as the lab had them.
     */
    private static void restoreRoutes(ModelNode n, String netns, ShellSession s) throws InterruptedException {
        if (n.routes().isEmpty()) return;
        StringBuilder batch = new StringBuilder();
        for (ModelRoute r : n.routes()) batch.append(Planner.route(r).batchLine()).append('\n');
        ProcResult r = s.env().processes().run(List.of("ip", "-n", netns, "-force", "-batch", "-"), batch.toString(), Duration.ofSeconds(10));
        if (!r.ok()) s.io().err().println("netlab: some routes of " + n.name() + " could not be put back: " + r.errorText());
    }

    @Override
    public List<String> complete(List<String> args, int index, ShellSession s) {
        if (index == 0) {
            List<String> l = new java.util.ArrayList<>(Candidates.interfaces(s));
            picocli.CommandLine cli = s.cliTree().getSubcommands().get("link");
            if (cli != null) l.addAll(cli.getSubcommands().keySet());
            return l;
        }
        if (index == 1) return List.of("down", "up");
        return List.of();
    }
}
