package netlab.plan.build;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;

/**
 * The order a node's interfaces are created in: the order written, except that an interface comes after the ones
 * it is built on (a VLAN after its parent, a tunnel after its underlay, a bridge after its ports).
 */
public final class InterfaceOrder {
    private InterfaceOrder() {}

    public static List<ModelInterface> creationOrder(ModelNode node) {
        Set<String> placed = new LinkedHashSet<>();
        for (String name : node.interfaces().keySet()) place(node, name, placed, new LinkedHashSet<>());
        List<ModelInterface> out = new ArrayList<>();
        for (String name : placed) out.add(node.interfaces().get(name));
        return out;
    }

    private static void place(ModelNode node, String name, Set<String> placed, Set<String> visiting) {
        ModelInterface i = node.interfaces().get(name);
        if (i == null || placed.contains(name) || !visiting.add(name)) return; // unknown or a cycle: validation reports both
        for (String dep : i.spec().typeSpec().dependsOn()) place(node, dep, placed, visiting);
        placed.add(name);
    }
}
