package netlab.runtime.netlink;

import java.util.ArrayList;
import java.util.List;
import netlab.plan.IpOp;
import netlab.plan.Op;
import netlab.runtime.IpRunner;
import netlab.runtime.OpFailedException;
import netlab.runtime.RunContext;
import netlab.runtime.ToolRunner;
import netlab.runtime.ns.InNetns;

/**
 * Runs {@code ip} ops of a namespace over netlink from a JVM thread that entered the namespace: no process per
 * node. It reads the op records; the ops it leaves to iproute2 ({@link NetlinkRequests} says which, op by op) run
 * through {@code ip -batch} as before, in order, so the result is the same as running the whole batch with iproute2
 * (which is what the plan prints). The host namespace's ops (creating namespaces) always go to iproute2.
 */
public final class NetlinkIpRunner implements ToolRunner {
    private final IpRunner fallback = new IpRunner("ip");

    @Override
    public void run(String netns, List<Op> ops, RunContext ctx) throws InterruptedException {
        if (netns == null) {
            fallback.run(null, ops, ctx);
            return;
        }
        List<Op> group = new ArrayList<>();
        boolean groupIsNetlink = false;
        for (Op op : ops) {
            boolean viaNetlink = NetlinkRequests.speaks((IpOp) op);
            if (!group.isEmpty() && viaNetlink != groupIsNetlink) {
                flush(netns, group, groupIsNetlink, ctx);
                group = new ArrayList<>();
            }
            groupIsNetlink = viaNetlink;
            group.add(op);
        }
        if (!group.isEmpty()) flush(netns, group, groupIsNetlink, ctx);
    }

    private void flush(String netns, List<Op> ops, boolean viaNetlink, RunContext ctx) throws InterruptedException {
        if (!viaNetlink) {
            fallback.run(netns, ops, ctx);
            return;
        }
        if (Thread.interrupted()) throw new InterruptedException();
        try {
            InNetns.call(netns, () -> {
                try (RtNetlink nl = new RtNetlink()) {
                    for (Op op : ops) {
                        try {
                            nl.run((IpOp) op);
                        } catch (NetlinkException e) {
                            throw new OpFailedException("namespace " + netns, op, "RTNETLINK answers: " + e.getMessage());
                        }
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new OpFailedException("namespace " + netns, ops.get(0), String.valueOf(e.getMessage()));
        }
    }

    @Override
    public String render(String netns, List<Op> ops, RunContext ctx) {
        return fallback.render(netns, ops, ctx);
    }
}
