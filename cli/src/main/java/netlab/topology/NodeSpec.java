package netlab.topology;

import java.util.List;
import java.util.Map;
import netlab.source.Located;
import netlab.source.Pos;

/**
 * One node as written. {@code kind} selects how it exists (a network namespace by default, later a container or
 * a pod); {@code kindSpec} holds that kind's own settings.
 *
 * @param interfaces interfaces declared under the node (in file order); links may add more implicitly
 * @param sysctls    name → value, applied inside the node's network namespace
 * @param exec       shell commands run in the node once it is built, in order
 */
public record NodeSpec(
        String name,
        String kind,
        NodeKindSpec kindSpec,
        Map<String, InterfaceSpec> interfaces,
        List<RouteSpec> routes,
        boolean forwarding,
        Map<String, Located> sysctls,
        List<Located> exec,
        Pos pos) {

    public NodeSpec {
        interfaces = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(interfaces));
        routes = List.copyOf(routes);
        sysctls = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sysctls));
        exec = List.copyOf(exec);
    }
}
