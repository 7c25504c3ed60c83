package netlab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.doctor.Netns;
import netlab.model.ModelNode;
import netlab.plan.Service;
import netlab.process.ProcessRunner;
import netlab.runtime.Listeners;
import netlab.services.NodeServices;
import netlab.state.LabState;

/**
 * How one of a node's services is doing: the server netlab recorded for it, whether that very process still runs
 * (same PID and start time, so a recycled PID does not count) and whether its port listens in the node.
 *
 * @param pid 0 when netlab has no record of starting it
 */
public record ServiceStatus(String service, long pid, boolean running, boolean listening) {

    public static List<ServiceStatus> of(ModelNode node, LabState state, String netns, ProcessRunner processes) throws InterruptedException {
        List<ServiceStatus> out = new ArrayList<>();
        if (NodeServices.of(node.spec()).isEmpty()) return out;
        Set<Integer> ports = Netns.exists(netns) ? Listeners.inNetns(processes, netns) : Set.of();
        for (Service s : NodeServices.of(node.spec())) {
            Optional<LabState.ProcessRecord> rec = state.processes().stream()
                    .filter(p -> p.node().equals(node.name()) && p.what().equals(s.describe())).findFirst();
            long pid = rec.map(LabState.ProcessRecord::pid).orElse(0L);
            boolean running = rec.isPresent() && ProcessHandle.of(pid)
                    .map(h -> h.isAlive() && h.info().startInstant().map(i -> i.toEpochMilli() == rec.get().startTime()).orElse(false))
                    .orElse(false);
            out.add(new ServiceStatus(s.describe(), pid, running, ports.contains(s.port())));
        }
        return out;
    }

    public String describe() {
        if (pid == 0) return listening ? "listening (not started by netlab)" : "not running";
        return "pid " + pid + (running ? ", running" : ", gone") + (listening ? ", listening" : ", not listening");
    }
}
