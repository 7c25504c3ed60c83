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
 * @param sections   what features and extensions read from their keys of the node: its firewall rules
 *                   ({@code rules:}), its servers ({@code services:})...
 * @param keepExtra  what is added to the node by hand (addresses, routes, rules...) is kept: not drift, and a converging
 *                   {@code up} leaves it
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
        Pos pos,
        Sections sections,
        boolean keepExtra) {

    /** The kind of a node that names none: a network namespace. */
    public static final String DEFAULT_KIND = "namespace";

    public NodeSpec {
        interfaces = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(interfaces));
        routes = List.copyOf(routes);
        sysctls = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sysctls));
        exec = List.copyOf(exec);
    }

    /** A node with nothing but its own keys (no rules, services...). */
    public NodeSpec(String name, String kind, NodeKindSpec kindSpec, Map<String, InterfaceSpec> interfaces, List<RouteSpec> routes,
                    boolean forwarding, Map<String, Located> sysctls, List<Located> exec, Pos pos) {
        this(name, kind, kindSpec, interfaces, routes, forwarding, sysctls, exec, pos, Sections.NONE, false);
    }

    /** The part a feature or extension read from its keys of the node, if the node has it. */
    public <T> java.util.Optional<T> section(Section<T> key) {
        return sections.get(key);
    }
}
