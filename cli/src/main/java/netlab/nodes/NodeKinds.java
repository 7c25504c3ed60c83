package netlab.nodes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.core.NodeKind;

/** Every node kind netlab knows, by the name written in {@code kind:}. */
public final class NodeKinds {
    private static final List<NodeKind> ALL = List.of(
            new NamespaceNode(),
            new ContainerNode(),
            new PodNode());

    private static final Map<String, NodeKind> BY_NAME = index();

    private NodeKinds() {}

    private static Map<String, NodeKind> index() {
        Map<String, NodeKind> m = new LinkedHashMap<>();
        for (NodeKind k : ALL) m.put(k.name(), k);
        return Map.copyOf(m);
    }

    public static Optional<NodeKind> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static NodeKind get(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("unknown node kind " + name));
    }

    public static Set<String> names() {
        return new java.util.TreeSet<>(BY_NAME.keySet());
    }

    /** Every key any node kind adds, so the parser can tell "wrong kind for this key" from "unknown key". */
    public static Set<String> allKindFields() {
        Set<String> s = new java.util.TreeSet<>();
        for (NodeKind k : ALL) s.addAll(k.fields());
        return s;
    }
}
