package netlab.routing.extension;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.plan.Op;
import netlab.process.ShellQuote;
import netlab.routing.config.FrrDaemon;
import netlab.routing.runtime.FrrInstall;
import netlab.routing.runtime.FrrLauncher;
import netlab.routing.runtime.FrrLayout;
import netlab.routing.runtime.FrrProcess;
import netlab.routing.runtime.FrrRuntime;
import netlab.runtime.OpFailedException;
import netlab.runtime.RunContext;
import netlab.runtime.ToolRunner;
import netlab.state.LabName;
import netlab.state.LabState;
import netlab.state.StateStore;

/**
 * Starts each node's FRR ({@link StartFrr}) in the node's namespace, with {@link FrrRuntime}: its directory under the
 * lab's work directory, zebra first and awaited, then the protocol daemons, then the configuration. Each daemon is
 * recorded in the lab's record like a server ({@code frr zebra}, {@code frr ospfd}...); {@code down} stops every
 * process in the lab's namespaces, these with them, and removes the work directory. A converging up keeps a node's
 * daemons when the same ones run with the same configuration, and starts them again otherwise.
 */
public final class FrrRunner implements ToolRunner {
    private final StateStore store;
    private final FrrRuntime runtime;

    public FrrRunner(StateStore store, FrrRuntime runtime) {
        this.store = store;
        this.runtime = runtime;
    }

    public FrrRunner(StateStore store) {
        this(store, new FrrRuntime());
    }

    @Override
    public void run(String netns, List<Op> ops, RunContext ctx) throws InterruptedException {
        if (netns == null) throw new IllegalStateException("netlab never starts FRR in the host's namespace");
        for (Op o : ops) {
            StartFrr op = (StartFrr) o;
            try {
                for (FrrProcess p : start(netns, op)) ctx.recordProcess(new LabState.ProcessRecord(p.pid(), p.startTime(), p.node(), p.what()));
            } catch (OpFailedException e) {
                throw e;
            } catch (NetlabException e) {
                if (e.exitCode() == ExitCode.ENVIRONMENT) throw e; // FRR or its user missing: the machine's, exit 3
                throw new OpFailedException("node " + op.node(), op, e.getMessage());
            }
        }
    }

    private List<FrrProcess> start(String netns, StartFrr op) throws InterruptedException {
        FrrLayout layout = layout(op);
        store.makeWorkDir(LabName.of(op.lab()), RoutingNodes.DIR);
        List<FrrProcess> there = runtime.runningIn(op.node(), layout);
        if (!there.isEmpty()) {
            if (same(there, op, layout)) return there;
            runtime.stop(layout, there);
        }
        return runtime.start(new FrrRuntime.Start(op.node(), netns, layout, op.config(), op.daemons()));
    }

    /** The daemons that run are the ones the node needs, and they were given the configuration it has now. */
    private static boolean same(List<FrrProcess> running, StartFrr op, FrrLayout layout) {
        Set<FrrDaemon> daemons = EnumSet.noneOf(FrrDaemon.class);
        for (FrrProcess p : running) daemons.add(p.daemon());
        if (!daemons.equals(op.daemons())) return false;
        try {
            return Files.readString(layout.config()).equals(op.config().text());
        } catch (IOException e) {
            return false;
        }
    }

    private FrrLayout layout(StartFrr op) {
        return RoutingNodes.layout(store.workDir(LabName.of(op.lab())), op.lab(), op.node());
    }

    @Override
    public String render(String netns, List<Op> ops, RunContext ctx) {
        FrrInstall install = FrrInstall.DEBIAN;
        List<String> out = new ArrayList<>();
        for (Op o : ops) {
            StartFrr op = (StartFrr) o;
            FrrLayout l = layout(op);
            String dir = ShellQuote.quote(l.dir().toString());
            String conf = ShellQuote.quote(l.config().toString());
            String vtyshConf = ShellQuote.quote(l.vtyshConfig().toString());
            out.add(ShellQuote.comment("node " + op.node() + "'s FRR directory: root's, then handed to " + install.user()
                    + " (in the daemons' view it is their /run, its tmp their /var/tmp)"));
            out.add("umask 077");
            out.add("mkdir -p " + ShellQuote.quote(l.tmp().toString()) + " " + ShellQuote.quote(l.frrRunDir().toString()));
            out.add(ShellQuote.withInput("cat > " + conf, op.config().text()));
            out.add(": > " + vtyshConf);
            out.add("chmod 640 " + conf + " " + vtyshConf);
            out.add("chown " + install.user() + ":" + install.group() + " " + dir + " " + ShellQuote.quote(l.tmp().toString()) + " "
                    + ShellQuote.quote(l.frrRunDir().toString()) + " " + conf + " " + vtyshConf);
            List<List<String>> commands = runtime.commands(new FrrRuntime.Start(op.node(), netns, l, op.config(), op.daemons()));
            List<FrrDaemon> daemons = new ArrayList<>(op.daemons());
            for (int i = 0; i < daemons.size(); i++) {
                out.add("(cd " + dir + " && exec env -i PATH=" + FrrLauncher.PATH + " " + ShellQuote.join(commands.get(i)) + ") </dev/null >>"
                        + ShellQuote.quote(l.log(daemons.get(i)).toString()) + " 2>&1 &");
                if (i == 0) out.add(ShellQuote.comment("then: wait until " + daemons.get(0).program() + " answers 'show version' on its vty socket"));
            }
            if (daemons.size() > 1) out.add(ShellQuote.comment("then: wait until each answers 'show version' on its vty socket"));
            out.add(ShellQuote.join(commands.get(commands.size() - 1)));
            out.add(ShellQuote.comment("then: record each daemon's PID and start time in the lab's state"));
        }
        return String.join("\n", out);
    }
}
