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
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;
import netlab.runtime.NodeExec;

/**
 * What a check attempt may use: the lab's model and names, and ways to run commands in its nodes. Its helpers throw
 * {@link CouldNotRun} when what they were asked to use is not there (a program that did not start, a namespace
 * that is gone, a table that cannot be read), so no probe mistakes that for an observation.
 */
public record CheckContext(LabModel model, Naming naming, NodeExec exec, ProcessRunner processes) {

    /** Runs a host program ({@code ip}, {@code bridge}, {@code ping}…) inside a node's network namespace. */
    public ProcResult inNetns(String node, List<String> argv, Duration timeout) throws InterruptedException {
        return started(node, processes.run(exec.inNetns(node, argv), null, timeout));
    }

    /** Runs a command in a node the way its kind runs commands (a namespace: the host's programs; a container: its own). */
    public ProcResult inNode(String node, List<String> argv, Duration timeout) throws InterruptedException {
        return started(node, exec.exec(node, argv, timeout));
    }

    private static ProcResult started(String node, ProcResult r) {
        Optional<String> why = ProbeLaunch.notStarted(r);
        if (why.isPresent()) throw new CouldNotRun(node + ": " + why.get());
        return r;
    }

    /** Runs {@code ip -n NS -j ARGS} (or {@code bridge}) against any lab namespace and returns its JSON rows. */
    public List<Map<String, Object>> jsonRows(String program, String netns, List<String> args) throws InterruptedException {
        List<String> argv = new ArrayList<>(List.of(program, "-n", netns, "-j"));
        argv.addAll(args);
        ProcResult r = processes.run(argv, null, Duration.ofSeconds(10));
        if (!r.ok()) {
            throw new CouldNotRun("cannot read '" + program + " " + String.join(" ", args) + "' in " + netns + ": "
                    + r.errorText().lines().findFirst().orElse(""));
        }
        return Json.rows(r.stdout());
    }

    /** The MAC address an interface of a node has right now; {@link CouldNotRun} when the interface is not there. */
    public Optional<MacAddress> macOf(String node, String iface) throws InterruptedException {
        for (Map<String, Object> row : jsonRows("ip", naming.nodeNetns(node), List.of("link", "show", "dev", iface))) {
            Object a = row.get("address");
            if (a != null) return MacAddress.parse(a.toString());
        }
        return Optional.empty();
    }
}
