package netlab.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.json.Json;
import netlab.lab.LabEnv;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.model.ModelSwitch;
import netlab.plan.Naming;
import netlab.process.ProcResult;

/**
 * Every interface of a running lab a trace can listen on, read from the lab's namespaces as they are (so
 * interfaces that kinds and types create themselves, like VXLAN devices, are included), placed with the model:
 * which node or switch each belongs to and which interface is the other end of its veth.
 */
final class CapturePoints {
    /** The interfaces to listen on, and those that cannot be listened on because they are down. */
    record Found(List<CapturePoint> points, List<CapturePoint> down) {
        List<String> skipped() {
            return down.stream().map(p -> p.label() + " (down)").toList();
        }
    }

    private CapturePoints() {}

    static Found read(LabModel m, LabEnv env) throws InterruptedException {
        Naming naming = env.naming(m.name());
        List<CapturePoint> points = new ArrayList<>();
        List<CapturePoint> skipped = new ArrayList<>();
        String fabric = naming.fabricNetns();
        for (Map<String, Object> row : links(env, fabric)) {
            String name = String.valueOf(row.get("ifname"));
            if (name.equals("lo") || isBridge(row)) continue;
            String master = row.get("master") == null ? "?" : String.valueOf(row.get("master"));
            Optional<ModelSwitch.Port> port = Optional.ofNullable(m.switches().get(master))
                    .flatMap(s -> s.ports().stream().filter(p -> p.portName().equals(name)).findFirst());
            Optional<String> peer = port.map(p -> p.peer() instanceof ModelSwitch.NodeIface ni
                    ? naming.nodeNetns(ni.node()) + "/" + ni.iface()
                    : fabric + "/" + ((ModelSwitch.SwitchPort) p.peer()).port());
            add(points, skipped, row, new CapturePoint(fabric, name, "switch " + master, Optional.empty(),
                    master + " port " + name, peer, mac(row)));
        }
        for (ModelNode n : m.nodes().values()) {
            String ns = naming.nodeNetns(n.name());
            for (Map<String, Object> row : links(env, ns)) {
                String name = String.valueOf(row.get("ifname"));
                // a bridge device itself only sees frames for the node or flooded ones; its ports show the path
                if (name.equals("lo") || isBridge(row)) continue;
                ModelInterface mi = n.interfaces().get(name);
                Optional<String> peer = Optional.empty();
                if (mi != null && mi.segment().isPresent()) {
                    Optional<ModelSwitch.Port> port = m.switches().values().stream().map(s -> s.portTo(n.name(), name))
                            .flatMap(Optional::stream).findFirst();
                    if (port.isPresent()) peer = Optional.of(fabric + "/" + port.get().portName());
                    else if (mi.peer().isPresent() && mi.peer().get().contains(":")) {
                        String[] p = mi.peer().get().split(":", 2);
                        peer = Optional.of(naming.nodeNetns(p[0]) + "/" + p[1]);
                    }
                }
                add(points, skipped, row, new CapturePoint(ns, name, n.name(), Optional.of(n.name()), n.name() + ":" + name, peer, mac(row)));
            }
        }
        return new Found(points, skipped);
    }

    private static void add(List<CapturePoint> points, List<CapturePoint> skipped, Map<String, Object> row, CapturePoint p) {
        Object flags = row.get("flags");
        if (flags instanceof List<?> f && f.contains("UP")) points.add(p);
        else skipped.add(p);
    }

    private static boolean isBridge(Map<String, Object> row) {
        return row.get("linkinfo") instanceof Map<?, ?> li && "bridge".equals(li.get("info_kind"));
    }

    private static String mac(Map<String, Object> row) {
        return row.get("address") == null ? "" : String.valueOf(row.get("address"));
    }

    private static List<Map<String, Object>> links(LabEnv env, String netns) throws InterruptedException {
        ProcResult r = env.processes().run(List.of("ip", "-n", netns, "-j", "-d", "link", "show"), null, Duration.ofSeconds(10));
        return r.ok() ? Json.rows(r.stdout()) : List.of();
    }
}
