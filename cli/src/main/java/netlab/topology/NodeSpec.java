package netlab.topology;

import java.util.List;
import java.util.Map;
import netlab.rules.Rule;
import netlab.services.Service;
import netlab.source.Located;
import netlab.source.Pos;

/**
 * One node as written. {@code kind} selects how it exists (a network namespace by default, later a container or
 * a pod); {@code kindSpec} holds that kind's own settings.
 *
 * @param interfaces interfaces declared under the node (in file order); links may add more implicitly
 * @param sysctls    name → value, applied inside the node's network namespace
 * @param exec       shell commands run in the node once it is built, in order
 * @param rules      firewall and NAT rules, applied inside the node's namespace in this order
 * @param services   servers started in the node once it is up
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
        List<Rule> rules,
        List<Service> services,
        boolean keepExtra) {

    public NodeSpec {
        interfaces = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(interfaces));
        routes = List.copyOf(routes);
        sysctls = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sysctls));
        exec = List.copyOf(exec);
        rules = List.copyOf(rules);
        services = List.copyOf(services);
    }

    public NodeSpec(String name, String kind, NodeKindSpec kindSpec, Map<String, InterfaceSpec> interfaces, List<RouteSpec> routes,
                    boolean forwarding, Map<String, Located> sysctls, List<Located> exec, Pos pos, List<Rule> rules, List<Service> services) {
        this(name, kind, kindSpec, interfaces, routes, forwarding, sysctls, exec, pos, rules, services, false);
    }

    /** A node without rules or services. */
    public NodeSpec(String name, String kind, NodeKindSpec kindSpec, Map<String, InterfaceSpec> interfaces, List<RouteSpec> routes,
                    boolean forwarding, Map<String, Located> sysctls, List<Located> exec, Pos pos) {
        this(name, kind, kindSpec, interfaces, routes, forwarding, sysctls, exec, pos, List.of(), List.of());
    }
}
