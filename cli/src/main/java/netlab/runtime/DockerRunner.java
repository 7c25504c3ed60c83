package netlab.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.docker.ContainerState;
import netlab.docker.DockerAccess;
import netlab.docker.DockerCommands;
import netlab.docker.DockerEngine;
import netlab.docker.NetnsAttach;
import netlab.plan.DockerOp;
import netlab.plan.Naming;
import netlab.plan.Op;
import netlab.process.Progress;
import netlab.text.Seconds;

/**
 * Runs {@link DockerOp}s against the Docker engine (through docker-java, opened on the first op) and renders them
 * as the equivalent docker commands. Containers of different nodes are separate units, so they start in parallel.
 */
public final class DockerRunner implements ToolRunner {
    private final DockerAccess docker;
    private final Progress progress;

    public DockerRunner(DockerAccess docker, Progress progress) {
        this.docker = docker;
        this.progress = progress;
    }

    @Override
    public void run(String netns, List<Op> ops, RunContext ctx) throws InterruptedException {
        for (Op op : ops) {
            if (ctx.cancelled()) return;
            if (op instanceof DockerOp.Run r) run(r, ctx);
            else if (op instanceof DockerOp.AttachNetns a) attach(a, ctx);
            else throw new IllegalArgumentException("not a Docker op: " + op);
        }
    }

    private void run(DockerOp.Run op, RunContext ctx) throws InterruptedException {
        long t0 = System.nanoTime();
        DockerEngine engine = docker.engine();
        String name = op.config().name();
        Optional<ContainerState> old = engine.inspect(name);
        if (old.isPresent()) {
            // Ours (the same lab, the same state directory): a leftover that is stopped or cut off from its pod.
            if (!ownedBySameLab(old.get(), op)) {
                throw new OpFailedException("container " + name, op, "a container of that name exists and is not this lab's"
                        + " (it lacks the lab's labels); remove it or run the lab under another name");
            }
            engine.remove(name);
        }
        engine.run(op.config());
        ContainerState st = engine.inspect(name).filter(ContainerState::running).orElseThrow(() -> exitedAtOnce(engine, op));
        if (op.netns().isPresent()) {
            try {
                new NetnsAttach(ctx.processes()).attach(op.netns().get(), st.pid());
            } catch (netlab.errors.NetlabException e) {
                // it was running a moment ago: if it has exited meanwhile, say that, not that naming failed
                if (engine.inspect(name).filter(ContainerState::running).isEmpty()) throw exitedAtOnce(engine, op);
                throw e;
            }
        }
        progress.info(String.format("  %-11s %s started (%s s)", "containers", name, Seconds.ofNanos(System.nanoTime() - t0, 1)));
    }

    private static OpFailedException exitedAtOnce(DockerEngine engine, DockerOp.Run op) {
        String name = op.config().name();
        ContainerState dead = engine.inspect(name).orElse(null);
        String logs = engine.logTail(name, 5);
        return new OpFailedException("container " + name, op, "it exited at once"
                + (dead != null ? " (exit code " + dead.exitCode() + ")" : "") + (logs.isEmpty() ? "" : ": " + logs)
                + "; a container node needs a command that keeps running");
    }

    private void attach(DockerOp.AttachNetns op, RunContext ctx) throws InterruptedException {
        ContainerState st = docker.engine().inspect(op.container()).filter(ContainerState::running)
                .orElseThrow(() -> new OpFailedException("container " + op.container(), op, "the container is not running"));
        new NetnsAttach(ctx.processes()).attach(op.netns(), st.pid());
    }

    private static boolean ownedBySameLab(ContainerState c, DockerOp.Run op) {
        var want = op.config().labels();
        return want.get(Naming.LABEL_LAB) != null && want.get(Naming.LABEL_LAB).equals(c.labels().get(Naming.LABEL_LAB))
                && want.get(Naming.LABEL_STATE) != null && want.get(Naming.LABEL_STATE).equals(c.labels().get(Naming.LABEL_STATE));
    }

    @Override
    public String render(String netns, List<Op> ops, RunContext ctx) {
        List<String> lines = new ArrayList<>();
        for (Op op : ops) {
            if (op instanceof DockerOp.Run r) {
                // its netns is named by the AttachNetns op that follows it in the plan
                lines.add(DockerCommands.run(r.config()));
            } else if (op instanceof DockerOp.AttachNetns a) {
                lines.add(DockerCommands.attachNetns(a.container(), a.netns()));
            }
        }
        return String.join("\n", lines);
    }
}
