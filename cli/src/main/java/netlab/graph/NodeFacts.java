package netlab.graph;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import netlab.topology.NodeSpec;

/**
 * What a node has beyond interfaces and routes (rules, services…), read from its settings record: each list a
 * node may carry becomes one row naming its entries ("rules: masquerade, dnat", "services: http :80"), so what
 * other parts of netlab add to nodes shows without edits here.
 */
final class NodeFacts {
    /** Drawn elsewhere (interfaces, kind) or not for pictures (exec lines, sysctls, positions). */
    private static final Set<String> SHOWN_ELSEWHERE = Set.of("name", "kind", "kindSpec", "interfaces", "routes", "forwarding",
            "sysctls", "exec", "pos");

    private NodeFacts() {}

    static List<LabGraph.Row> rows(NodeSpec spec) {
        List<LabGraph.Row> rows = new ArrayList<>();
        for (RecordComponent c : NodeSpec.class.getRecordComponents()) {
            if (SHOWN_ELSEWHERE.contains(c.getName())) continue;
            Object v;
            try {
                v = c.getAccessor().invoke(spec);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (!(v instanceof List<?> list) || list.isEmpty()) continue;
            List<String> names = new ArrayList<>();
            for (Object o : list) names.add(describe(o));
            rows.add(new LabGraph.Row("node:" + c.getName(), c.getName(), String.join(", ", names), false));
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
