package netlab.shell;

import java.util.ArrayList;
import java.util.List;
import netlab.check.CheckSpec;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;

/** Names from the current lab's model that completion offers; empty when there is no readable lab. */
public final class Candidates {
    private Candidates() {}

    public static List<String> nodes(ShellSession s) {
        return s.lab().modelIfAny().map(m -> List.copyOf(m.nodes().keySet())).orElse(List.of());
    }

    public static List<String> switches(ShellSession s) {
        return s.lab().modelIfAny().map(m -> List.copyOf(m.switches().keySet())).orElse(List.of());
    }

    /** Every {@code node:interface} of the lab (loopbacks left out). */
    public static List<String> interfaces(ShellSession s) {
        List<String> out = new ArrayList<>();
        s.lab().modelIfAny().ifPresent(m -> {
            for (ModelNode n : m.nodes().values()) {
                for (ModelInterface i : n.interfaces().values()) if (!i.name().equals("lo")) out.add(i.ref());
            }
        });
        return out;
    }

    /** Nodes, their interfaces and their addresses: anything a probe can be sent to. */
    public static List<String> targets(ShellSession s) {
        List<String> out = new ArrayList<>(nodes(s));
        out.addAll(interfaces(s));
        s.lab().modelIfAny().ifPresent(m -> addresses(m, out));
        return out;
    }

    private static void addresses(LabModel m, List<String> out) {
        for (ModelNode n : m.nodes().values()) {
            for (ModelInterface i : n.interfaces().values()) i.addresses().forEach(c -> out.add(c.address().toString()));
        }
    }

    public static List<String> checks(ShellSession s) {
        return s.lab().modelIfAny().map(m -> CheckSpec.of(m.topology()).stream().map(CheckSpec::name).toList()).orElse(List.of());
    }
}
