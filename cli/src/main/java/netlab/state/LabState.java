package netlab.state;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lab's own record of what it made, written before each thing is made (so a crash leaves a record of
 * everything that might exist) and read by {@code down}, which needs nothing else. JSON on disk.
 *
 * @param status      building, up, failed or removing
 * @param namespaces  every network namespace the lab may have created (the fabric first)
 * @param containers  every container name the lab may have created
 * @param processes   long-running processes started in nodes (servers), with their start time to avoid
 *                    killing a recycled PID
 * @param done        one-time actions completed (a node's exec commands), so a re-run of up skips them
 */
public record LabState(
        String lab,
        String stateToken,
        String topologyPath,
        String status,
        long createdAt,
        long updatedAt,
        List<String> namespaces,
        List<String> containers,
        List<ProcessRecord> processes,
        List<String> done) {

    public static final String BUILDING = "building";
    public static final String UP = "up";
    public static final String FAILED = "failed";
    public static final String REMOVING = "removing";

    public LabState {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        containers = containers == null ? List.of() : List.copyOf(containers);
        processes = processes == null ? List.of() : List.copyOf(processes);
        done = done == null ? List.of() : List.copyOf(done);
    }

    /** A process netlab started inside a lab node. */
    public record ProcessRecord(long pid, long startTime, String node, String what) {}

    public static LabState fresh(String lab, String token, String topologyPath) {
        long now = System.currentTimeMillis();
        return new LabState(lab, token, topologyPath, BUILDING, now, now, List.of(), List.of(), List.of(), List.of());
    }

    /** The same record under the name of the directory it is kept in (what the file itself claims is not trusted). */
    public LabState named(String name) {
        return name.equals(lab) ? this : new LabState(name, stateToken, topologyPath, status, createdAt, updatedAt, namespaces, containers, processes, done);
    }

    public LabState withStatus(String s) {
        return new LabState(lab, stateToken, topologyPath, s, createdAt, System.currentTimeMillis(), namespaces, containers, processes, done);
    }

    public LabState withTopologyPath(String path) {
        return new LabState(lab, stateToken, path, status, createdAt, System.currentTimeMillis(), namespaces, containers, processes, done);
    }

    /** Adds namespaces and containers (keeping order, no duplicates). */
    public LabState plus(List<String> moreNamespaces, List<String> moreContainers) {
        return new LabState(lab, stateToken, topologyPath, status, createdAt, System.currentTimeMillis(),
                union(namespaces, moreNamespaces), union(containers, moreContainers), processes, done);
    }

    public LabState withDone(Set<String> allDone) {
        return new LabState(lab, stateToken, topologyPath, status, createdAt, System.currentTimeMillis(), namespaces, containers, processes,
                union(done, new ArrayList<>(allDone)));
    }

    public LabState withProcesses(List<ProcessRecord> ps) {
        return new LabState(lab, stateToken, topologyPath, status, createdAt, System.currentTimeMillis(), namespaces, containers, ps, done);
    }

    /** Reads the record back from its JSON form (see {@link netlab.json.Json#write}). */
    public static LabState fromJson(Object json) {
        if (!(json instanceof java.util.Map<?, ?> m)) throw new IllegalArgumentException("not a JSON object");
        List<ProcessRecord> ps = new ArrayList<>();
        if (m.get("processes") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof java.util.Map<?, ?> p) {
                    ps.add(new ProcessRecord(num(p.get("pid")), num(p.get("startTime")), str(p.get("node")), str(p.get("what"))));
                }
            }
        }
        return new LabState(str(m.get("lab")), str(m.get("stateToken")), str(m.get("topologyPath")), str(m.get("status")),
                num(m.get("createdAt")), num(m.get("updatedAt")), strings(m.get("namespaces")), strings(m.get("containers")), ps,
                strings(m.get("done")));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : 0L;
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) for (Object x : l) if (x != null) out.add(x.toString());
        return out;
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return new ArrayList<>(s);
    }
}
