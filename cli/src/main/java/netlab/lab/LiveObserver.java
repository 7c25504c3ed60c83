package netlab.lab;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import netlab.docker.DockerAccess;
import netlab.docker.LabContainers;
import netlab.json.Json;
import netlab.plan.Naming;
import netlab.plan.ObjectRef;
import netlab.runtime.Observed;
import netlab.runtime.ProcResult;
import netlab.runtime.ProcessRunner;

/**
 * Looks at the running system for a converging {@code up}: namespaces from /run/netns, links with one
 * {@code ip -j link} per namespace (cached), containers from the Docker engine (asked only when the lab has
 * some), so only what is missing gets created.
 */
final class LiveObserver implements Observed {
    private final ProcessRunner processes;
    private final DockerAccess docker;
    private final Naming naming;
    private final Map<String, Set<String>> linksByNetns = new ConcurrentHashMap<>();

    LiveObserver(ProcessRunner processes, DockerAccess docker, Naming naming) {
        this.processes = processes;
        this.docker = docker;
        this.naming = naming;
    }

    @Override
    public boolean exists(ObjectRef ref) throws InterruptedException {
        if (ref instanceof ObjectRef.Netns n) return Netns.exists(n.name());
        if (ref instanceof ObjectRef.Link l) return Netns.exists(l.netns()) && links(l.netns()).contains(l.name());
        if (ref instanceof ObjectRef.Container c) return new LabContainers(docker.engine(), naming).live(c.name());
        return false;
    }

    private Set<String> links(String netns) throws InterruptedException {
        Set<String> cached = linksByNetns.get(netns);
        if (cached != null) return cached;
        ProcResult r = processes.run(List.of("ip", "-n", netns, "-j", "link", "show"), null, Duration.ofSeconds(10));
        Set<String> names = new HashSet<>();
        for (Map<String, Object> row : Json.rows(r.stdout())) names.add(String.valueOf(row.get("ifname")));
        linksByNetns.put(netns, names);
        return names;
    }
}
