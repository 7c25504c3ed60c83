package netlab.routing.extension;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.routing.config.FrrNode;
import netlab.routing.config.RoutingResolver;
import netlab.routing.runtime.FrrLayout;
import netlab.routing.spec.RoutingSpec;
import netlab.source.Diagnostics;
import netlab.topology.NodeSpec;
import netlab.topology.Section;

/**
 * The lab's routing nodes: each node's {@code routing:} as written (kept in the node's sections), resolved against
 * the model, and where each node's FRR keeps its files ({@code WORK/routing/NODE}, under the lab's work directory,
 * which {@code down} removes).
 */
public final class RoutingNodes {
    /** A node's {@code routing:}. */
    public static final Section<RoutingSpec> SECTION = new Section<>("routing");
    /** Inside the lab's work directory. */
    static final Path DIR = Path.of("routing");

    private RoutingNodes() {}

    public static Optional<RoutingSpec> of(NodeSpec node) {
        return node.section(SECTION);
    }

    /** The lab's routing nodes, in the order the topology gives them. */
    public static List<String> names(LabModel model) {
        return List.copyOf(specs(model).keySet());
    }

    public static boolean any(LabModel model) {
        return model.nodes().values().stream().anyMatch(n -> of(n.spec()).isPresent());
    }

    static Map<String, RoutingSpec> specs(LabModel model) {
        Map<String, RoutingSpec> out = new LinkedHashMap<>();
        for (ModelNode n : model.nodes().values()) of(n.spec()).ifPresent(s -> out.put(n.name(), s));
        return out;
    }

    /** Resolves every routing node against the model, each problem to {@code d}. */
    static Map<String, FrrNode> resolve(LabModel model, Diagnostics d) {
        return RoutingResolver.resolve(specs(model), new ModelRoutingLab(model), d);
    }

    /** The nodes of a lab that was validated (planning, checks): resolving again finds what validation found. */
    static Map<String, FrrNode> resolved(LabModel model) {
        return resolve(model, new Diagnostics());
    }

    /** A node's FRR directory and FRR's name for it. */
    public static FrrLayout layout(Path workDir, String lab, String node) {
        return FrrLayout.of(workDir.resolve(DIR).resolve(node), lab, node);
    }
}
