package netlab.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.json.Json;
import netlab.model.LabModel;
import netlab.net.MacAddress;
import netlab.plan.Naming;
import netlab.runtime.NodeExec;
import netlab.runtime.ProcResult;
import netlab.runtime.ProcessRunner;

/** What a check attempt may use: the lab's model and names, and ways to run commands in its nodes. */
public record CheckContext(LabModel model, Naming naming, NodeExec exec, ProcessRunner processes) {

    /** Runs a host program ({@code ip}, {@code bridge}, {@code ping}…) inside a node's network namespace. */
    public ProcResult inNetns(String node, List<String> argv, Duration timeout) throws InterruptedException {
        return processes.run(exec.inNetns(node, argv), null, timeout);
    }

    /** Runs {@code ip -n NS ARGS} (or {@code bridge}) against any lab namespace and returns its JSON rows. */
    public List<Map<String, Object>> jsonRows(String program, String netns, List<String> args) throws InterruptedException {
        List<String> argv = new ArrayList<>(List.of(program, "-n", netns, "-j"));
        argv.addAll(args);
        ProcResult r = processes.run(argv, null, Duration.ofSeconds(10));
        if (!r.ok()) return List.of();
        return Json.rows(r.stdout());
    }

    /** The MAC address an interface of a node has right now. */
    public Optional<MacAddress> macOf(String node, String iface) throws InterruptedException {
        for (Map<String, Object> row : jsonRows("ip", naming.nodeNetns(node), List.of("link", "show", "dev", iface))) {
            Object a = row.get("address");
            if (a != null) return MacAddress.parse(a.toString());
        }
        return Optional.empty();
    }
}
