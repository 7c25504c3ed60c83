package netlab.docker;

import java.util.Map;

/**
 * A container as the engine reports it.
 *
 * @param pid         its first process on the host (0 when not running)
 * @param networkMode as created ("none", "container:ID")
 */
public record ContainerState(String id, String name, String image, boolean running, long pid, long exitCode,
                             String networkMode, Map<String, String> labels) {
    public ContainerState {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
