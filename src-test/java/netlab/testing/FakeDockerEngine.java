package netlab.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.docker.ContainerState;
import netlab.docker.DockerEngine;
import netlab.plan.ContainerConfig;
import netlab.process.ProcResult;

/** An in-memory Docker engine for unit tests of what netlab asks of one; records every call. */
public final class FakeDockerEngine implements DockerEngine {
    public final Map<String, ContainerState> containers = new LinkedHashMap<>();
    public final List<String> calls = new ArrayList<>();
    public Set<String> images = Set.of();
    /** Containers the engine is still busy with: this many remove calls do nothing (as "removal in progress"). */
    public final Map<String, Integer> busy = new LinkedHashMap<>();
    /** Containers whose command exits at once when started. */
    public Set<String> exitAtOnce = Set.of();
    private int nextId = 1;

    public ContainerState put(String name, boolean running, Map<String, String> labels, String networkMode) {
        ContainerState c = new ContainerState("id" + nextId++, name, "img", running, running ? 4242 : 0, running ? 0 : 137, networkMode, labels);
        containers.put(name, c);
        return c;
    }

    @Override
    public synchronized Optional<ContainerState> inspect(String nameOrId) {
        calls.add("inspect " + nameOrId);
        return containers.values().stream().filter(c -> c.name().equals(nameOrId) || c.id().equals(nameOrId)).findFirst();
    }

    @Override
    public synchronized List<ContainerState> list(Map<String, String> labels) {
        calls.add("list " + new java.util.TreeMap<>(labels));
        return containers.values().stream().filter(c -> c.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    @Override
    public boolean imageExists(String image) {
        return images.contains(image);
    }

    @Override
    public synchronized void run(ContainerConfig config) {
        calls.add("run " + config.name());
        boolean exits = exitAtOnce.contains(config.name());
        ContainerState c = new ContainerState("id" + nextId++, config.name(), config.image(), !exits, exits ? 0 : 4242, exits ? 3 : 0,
                config.networkMode(), config.labels());
        containers.put(config.name(), c);
    }

    @Override
    public synchronized void remove(String nameOrId) {
        calls.add("remove " + nameOrId);
        for (ContainerState c : containers.values()) {
            if ((c.name().equals(nameOrId) || c.id().equals(nameOrId)) && busy.getOrDefault(c.name(), 0) > 0) {
                busy.merge(c.name(), -1, Integer::sum);
                return;
            }
        }
        containers.values().removeIf(c -> c.name().equals(nameOrId) || c.id().equals(nameOrId));
    }

    @Override
    public String logTail(String nameOrId, int lines) {
        return "sh: nosuchprogram: not found";
    }

    @Override
    public ProcResult exec(String container, List<String> argv, Duration timeout) {
        calls.add("exec " + container + " " + argv);
        return new ProcResult(argv, 0, "", "", false);
    }
}
