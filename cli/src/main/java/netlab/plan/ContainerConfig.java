package netlab.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One container as netlab creates it: what the topology asked for plus how netlab wires it. It never gets a
 * Docker network: {@code networkMode} is "none" (netlab plugs the namespace itself) or "container:NAME" (a pod
 * member joining its pause container's namespace).
 *
 * @param command     empty: the image's own command
 * @param labels      the user's labels and netlab's marks
 * @param pidMode     "container:NAME" to join a pod's PID namespace, else empty (its own)
 * @param ipcMode     "shareable" for a pause container, "container:NAME" for a member, else empty
 * @param hostname    for containers that own their namespaces (a member takes its pod's)
 * @param capabilities added to Docker's default set (NET_ADMIN lets the container change its own network)
 */
public record ContainerConfig(
        String name,
        String image,
        List<String> command,
        Map<String, String> environment,
        Optional<String> workdir,
        List<BindMount> mounts,
        Map<String, String> labels,
        String networkMode,
        Optional<String> pidMode,
        Optional<String> ipcMode,
        Optional<String> hostname,
        List<String> capabilities) {

    public ContainerConfig {
        command = List.copyOf(command);
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        mounts = List.copyOf(mounts);
        labels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
        capabilities = List.copyOf(capabilities);
    }
}
