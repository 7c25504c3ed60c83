package netlab.capture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.errors.NetlabException;
import netlab.json.Json;
import netlab.lab.LabEnv;
import netlab.model.LabModel;
import netlab.plan.Naming;
import netlab.process.ProcResult;
import netlab.source.Suggest;
import netlab.topology.Names;

/**
 * Turns the NODE:IFACE arguments of a capture into the lab's interfaces: the node must be one of the lab's record,
 * the interface one its namespace really has (so devices a kind made itself, a VXLAN device, a bridge, count too).
 * A name is checked by the topology's own rules before it is looked up, so nothing else reaches a namespace name or
 * tcpdump's {@code -i}.
 */
public final class CaptureTargets {
    private CaptureTargets() {}

    public static List<Tap> resolve(LabModel m, LabEnv env, List<String> args) throws InterruptedException {
        if (args.isEmpty()) throw NetlabException.usage("say where to capture: NODE:IFACE, like h1:eth1");
        Naming naming = env.naming(m.name());
        Set<String> seen = new LinkedHashSet<>();
        List<Tap> taps = new ArrayList<>();
        for (String arg : args) {
            int colon = arg.indexOf(':');
            if (colon < 0) throw NetlabException.usage("'" + netlab.source.Printable.name(arg) + "': say NODE:IFACE, like h1:eth1");
            String node = arg.substring(0, colon), iface = arg.substring(colon + 1);
            check(Names.checkNode(node));
            check(Names.checkIfname(iface, "interface name"));
            if (m.node(node).isEmpty()) throw NetlabException.usage("lab '" + m.name() + "' has no node '" + node + "'" + Suggest.hint(node, m.nodes().keySet()));
            if (!seen.add(arg)) throw NetlabException.usage(arg + " is given twice"); // checked above: plain words
            String netns = naming.nodeNetns(node);
            List<String> present = interfaces(env, netns)
                    .orElseThrow(() -> NetlabException.labState("node '" + node + "' of lab '" + m.name() + "' is not running (no namespace " + netns + "); 'netlab up' repairs it"));
            if (!present.contains(iface)) {
                throw NetlabException.usage("node '" + node + "' has no interface '" + iface + "'" + Suggest.hint(iface, present)
                        + " (it has " + String.join(", ", present) + ")");
            }
            taps.add(new Tap(arg, netns, iface, "interface " + iface + " of node " + node + " in lab " + m.name()));
        }
        return taps;
    }

    private static void check(Optional<String> problem) {
        if (problem.isPresent()) throw NetlabException.usage(problem.get());
    }

    /** The interfaces of a namespace as they are; empty when there is no such namespace. */
    private static Optional<List<String>> interfaces(LabEnv env, String netns) throws InterruptedException {
        ProcResult r = env.processes().run(List.of("ip", "-n", netns, "-j", "link", "show"), null, Duration.ofSeconds(10));
        if (!r.ok()) return Optional.empty();
        List<String> names = new ArrayList<>();
        for (Map<String, Object> row : Json.rows(r.stdout())) {
            Object n = row.get("ifname");
            if (n != null) names.add(String.valueOf(n));
        }
        return Optional.of(names);
    }
}
