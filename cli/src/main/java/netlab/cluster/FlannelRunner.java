package netlab.cluster;

import java.util.ArrayList;
import java.util.List;
import netlab.errors.NetlabException;
import netlab.plan.Op;
import netlab.process.ShellQuote;
import netlab.runtime.OpFailedException;
import netlab.runtime.RunContext;
import netlab.runtime.ToolRunner;

/**
 * Runs a unit's flannel ops inside its node's namespace: etcd requests with etcdctl from there, the node's kernel
 * entries with one {@code bridge -batch} and one {@code ip -batch}. Never in the host's namespace.
 */
public final class FlannelRunner implements ToolRunner {

    @Override
    public void run(String netns, List<Op> ops, RunContext ctx) throws InterruptedException {
        if (netns == null) throw new IllegalStateException("netlab never talks to etcd from the host's namespace");
        for (Op o : ops) {
            FlannelOp op = (FlannelOp) o;
            PodNetworkSync sync = new PodNetworkSync(ctx.processes(), op.naming(), op.model());
            try {
                if (op instanceof FlannelOp.WriteConfig w) {
                    EtcdClient etcd = sync.client(netns);
                    etcd.awaitReady();
                    etcd.put(Flannel.CONFIG_KEY, Flannel.config(w.cluster()));
                } else if (op instanceof FlannelOp.AcquireLease a) {
                    SubnetLeasing.acquire(sync.client(netns), ctx.processes(), a.cluster(), a.node(), a.planned());
                } else if (op instanceof FlannelOp.ProgramNode p) {
                    sync.sync(p.node().name());
                }
            } catch (OpFailedException e) {
                throw e;
            } catch (NetlabException e) {
                throw new OpFailedException("namespace " + netns, op, e.getMessage());
            }
        }
    }

    @Override
    public String render(String netns, List<Op> ops, RunContext ctx) {
        List<String> out = new ArrayList<>();
        for (Op o : ops) {
            FlannelOp op = (FlannelOp) o;
            EtcdClient etcd = new PodNetworkSync(null, op.naming(), op.model()).client(netns);
            if (op instanceof FlannelOp.WriteConfig w) {
                out.add(ShellQuote.comment("wait until etcd answers (polled: " + etcd.shell("endpoint", "health") + "), then:"));
                out.add(etcd.shell("put", Flannel.CONFIG_KEY, Flannel.config(w.cluster())));
            } else if (op instanceof FlannelOp.AcquireLease a) {
                out.add(ShellQuote.comment("node " + a.node().name() + " leases " + a.planned().subnet() + " unless another node holds it"
                        + (a.cluster().backend() == Backend.VXLAN ? " (VtepMAC: the MAC " + Flannel.DEVICE + " really has)" : "")));
                out.add(ShellQuote.withInput(etcd.shell("txn", "-w", "json"), EtcdClient.txn(a.planned().key(), a.planned().value())));
            } else if (op instanceof FlannelOp.ProgramNode p) {
                out.add(renderProgram(p, etcd, netns));
            }
        }
        return String.join("\n", out);
    }

    private static String renderProgram(FlannelOp.ProgramNode p, EtcdClient etcd, String netns) {
        StringBuilder sb = new StringBuilder();
        sb.append(etcd.shell("get", "--prefix", Flannel.SUBNETS, "-w", "json")).append('\n');
        sb.append("# then what the other nodes' leases call for (with the leases this plan writes), and delete what none calls for:\n");
        PodNetworkSync sync = new PodNetworkSync(null, p.naming(), p.model());
        LeaseEntries.Changes c = sync.entries(p.node(), p.planned()).changesFrom(new LivePodNetwork(List.of(), List.of(), List.of()), p.cluster());
        if (!c.bridge().isEmpty()) sb.append(PodNetworkSync.batch(netns, "bridge", c.bridge()).shell()).append('\n');
        if (!c.ip().isEmpty()) sb.append(PodNetworkSync.batch(netns, "ip", c.ip()).shell()).append('\n');
        if (c.none()) sb.append("# (no other node's lease: nothing to add)\n");
        return sb.toString().stripTrailing();
    }
}
