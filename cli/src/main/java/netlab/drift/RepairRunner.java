package netlab.drift;

import java.util.ArrayList;
import java.util.List;
import netlab.plan.Op;
import netlab.process.Command;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;
import netlab.runtime.OpFailedException;
import netlab.runtime.RunContext;
import netlab.process.ShellQuote;
import netlab.runtime.ToolRunner;
import netlab.runtime.netlink.NetlinkRepairs;

/**
 * Runs a namespace's {@link RepairOp}s: the netlink ones from one thread inside it (no process), an IPv6 firewall reset
 * with one {@code ip6tables-restore} there. Never in the host's namespace.
 */
public final class RepairRunner implements ToolRunner {

    static Command ip6tablesRestore(String netns, RepairOp.Ip6tablesRestore r) {
        return Command.withInput(List.of("ip", "netns", "exec", netns, "ip6tables-restore", "-w"), r.tables().restoreInput());
    }

    @Override
    public void run(String netns, List<Op> ops, RunContext ctx) throws InterruptedException {
        if (netns == null) throw new IllegalStateException("netlab never repairs the host's namespace");
        List<Op> netlink = new ArrayList<>();
        List<NetlinkRepairs.Request> requests = new ArrayList<>();
        for (Op o : ops) {
            if (o instanceof RepairOp.Delete d) {
                netlink.add(o);
                requests.add(new NetlinkRepairs.Delete(d.type(), d.body()));
            } else if (o instanceof RepairOp.DeleteNftTable t) {
                netlink.add(o);
                requests.add(new NetlinkRepairs.DeleteNftTable(t.v6(), t.table()));
            } else if (o instanceof RepairOp.AddDefaultRule a) {
                netlink.add(o);
                requests.add(new NetlinkRepairs.AddRule(a.v6(), a.priority(), a.table()));
            } else if (o instanceof RepairOp.Ip6tablesRestore r) {
                ProcResult p = ip6tablesRestore(netns, r).run(ctx.processes(), ProcessRunner.DEFAULT_TIMEOUT);
                if (!p.ok()) throw new OpFailedException("namespace " + netns + " (ip6tables-restore)", o, p.errorText());
            }
        }
        if (requests.isEmpty()) return;
        if (Thread.interrupted()) throw new InterruptedException();
        List<String> refused;
        try {
            refused = NetlinkRepairs.send(netns, requests);
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new OpFailedException("namespace " + netns, netlink.get(0), String.valueOf(e.getMessage()));
        }
        for (int i = 0; i < refused.size(); i++) {
            if (refused.get(i) != null) throw new OpFailedException("namespace " + netns, netlink.get(i), "RTNETLINK answers: " + refused.get(i));
        }
    }

    /** The repairs as the iproute2, nft and ip6tables-restore commands that do the same (what is sent is the dumped objects). */
    @Override
    public String render(String netns, List<Op> ops, RunContext ctx) {
        List<String> lines = new ArrayList<>();
        for (Op o : ops) {
            if (o instanceof RepairOp.Ip6tablesRestore r) lines.add(ip6tablesRestore(netns, r).shell());
            else if (o instanceof RepairOp.DeleteNftTable) lines.add("ip netns exec " + ShellQuote.quote(netns) + " " + o.describe());
            else if (o instanceof RepairOp.Delete d) lines.add(d.program() + " -n " + ShellQuote.quote(netns) + " " + d.words());
            else lines.add("ip -n " + ShellQuote.quote(netns) + " " + o.describe());
        }
        return String.join("\n", lines);
    }
}
