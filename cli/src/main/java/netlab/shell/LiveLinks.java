package netlab.shell;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.json.Json;
import netlab.lab.LabEnv;
import netlab.process.ProcResult;

/** The link state of every interface of some namespaces, read with one {@code ip -j link show} per namespace. */
public final class LiveLinks {
    private final Map<String, Map<String, Map<String, Object>>> byNetns = new HashMap<>();

    private LiveLinks() {}

    public static LiveLinks read(LabEnv env, List<String> namespaces) throws InterruptedException {
        LiveLinks l = new LiveLinks();
        for (String ns : namespaces) {
            ProcResult r = env.processes().run(List.of("ip", "-n", ns, "-j", "link", "show"), null, Duration.ofSeconds(10));
            Map<String, Map<String, Object>> m = new HashMap<>();
            if (r.ok()) for (Map<String, Object> row : Json.rows(r.stdout())) m.put(String.valueOf(row.get("ifname")), row);
            l.byNetns.put(ns, m);
        }
        return l;
    }

    /** "UP", "DOWN", "LOWERLAYERDOWN"…, or "missing". */
    public String state(String netns, String ifname) {
        Map<String, Object> row = byNetns.getOrDefault(netns, Map.of()).get(ifname);
        if (row == null) return "missing";
        Object flags = row.get("flags");
        boolean adminUp = flags instanceof List<?> f && f.contains("UP");
        String oper = String.valueOf(row.get("operstate"));
        if (!adminUp) return "DOWN (admin)";
        return oper.equals("UNKNOWN") ? "UP" : oper;
    }

    public String mac(String netns, String ifname) {
        Map<String, Object> row = byNetns.getOrDefault(netns, Map.of()).get(ifname);
        return row == null ? null : String.valueOf(row.get("address"));
    }
}
