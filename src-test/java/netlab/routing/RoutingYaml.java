package netlab.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.routing.spec.RoutingParser;
import netlab.routing.spec.RoutingSpec;
import netlab.source.Diagnostics;
import netlab.source.InvalidTopologyException;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YamlLoader;

/**
 * Reads routing sections from YAML text in tests: a mapping of node name to the node's {@code routing:} value, as
 * the topology will hold it under each node.
 */
final class RoutingYaml {
    private RoutingYaml() {}

    /** Every node's section; fails the test on any error. */
    static Map<String, RoutingSpec> parse(String yaml) {
        Diagnostics d = new Diagnostics();
        Map<String, RoutingSpec> out = parse(yaml, d);
        d.throwIfAny();
        return out;
    }

    static Map<String, RoutingSpec> parse(String yaml, Diagnostics d) {
        Map<String, RoutingSpec> out = new LinkedHashMap<>();
        YNode root = YamlLoader.parse(yaml, "t.yaml", d).orElseThrow(() -> new InvalidTopologyException(d.all()));
        for (YMap.Entry e : ((YMap) root).entries()) {
            RoutingParser.parse(e.value(), e.key().value(), d).ifPresent(s -> out.put(e.key().value(), s));
        }
        return out;
    }

    /** The errors, as "line:col: message", in file order. */
    static List<String> errors(String yaml) {
        Diagnostics d = new Diagnostics();
        parse(yaml, d);
        return d.all().stream().map(x -> x.pos().line() + ":" + x.pos().col() + ": " + x.message()).toList();
    }
}
