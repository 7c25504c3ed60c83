package netlab.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import netlab.check.CheckKind;
import netlab.kind.Registry;

/**
 * Every kind and extension netlab knows: what the core's engines (the parser, the model builder, the planner, the
 * use cases) are given, so that none of them names a kind. Made once, by the composition root
 * ({@code netlab.app.BuiltIn}); immutable.
 *
 * @param checkKinds the core's check kinds, then each extension's
 * @param extensions in the order their keys are read and their steps planned
 */
public record Catalog(Registry<NodeKind> nodeKinds, Registry<InterfaceType> interfaceTypes, Registry<CheckKind> checkKinds,
                      List<Extension> extensions) {
    public Catalog {
        extensions = List.copyOf(extensions);
    }

    /** Every top-level key an extension reads. */
    public Set<String> topologyKeys() {
        Set<String> s = new LinkedHashSet<>();
        for (Extension e : extensions) s.addAll(e.topologyKeys());
        return s;
    }

    /** Every node key an extension reads. */
    public Set<String> nodeKeys() {
        Set<String> s = new LinkedHashSet<>();
        for (Extension e : extensions) s.addAll(e.nodeKeys());
        return s;
    }

    /** Every key any node kind adds, so the parser can tell "wrong kind for this key" from "unknown key". */
    public Set<String> nodeKindFields() {
        Set<String> s = new java.util.TreeSet<>();
        for (NodeKind k : nodeKinds.all()) s.addAll(k.fields());
        return s;
    }
}
