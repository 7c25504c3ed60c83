package netlab.graph;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netlab.topology.NodeSpec;
import netlab.topology.Section;

/**
 * What a node has beyond interfaces and routes (rules, services…), read from the sections extensions keep in it:
 * each list a node carries becomes one row naming its entries ("rules: masquerade, dnat", "services: http :80"), so
 * what other parts of netlab add to nodes shows without edits here.
 */
final class NodeFacts {
    private NodeFacts() {}

    static List<LabGraph.Row> rows(NodeSpec spec) {
        List<LabGraph.Row> rows = new ArrayList<>();
        for (Map.Entry<Section<?>, Object> e : spec.sections().parts().entrySet()) {
            if (!(e.getValue() instanceof List<?> list) || list.isEmpty()) continue;
            String name = e.getKey().name();
            List<String> names = new ArrayList<>();
            for (Object o : list) names.add(describe(o));
            rows.add(new LabGraph.Row("node:" + name, name, String.join(", ", names), false));
        }
        return rows;
    }

    /** An entry by what it says of itself: describe(), kind() or name(), else its text. */
    private static String describe(Object o) {
        for (String m : List.of("describe", "kind", "name")) {
            try {
                Method method = o.getClass().getMethod(m);
                if (method.getReturnType() == String.class) return String.valueOf(method.invoke(o));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not this one
            }
        }
        return String.valueOf(o);
    }
}
