package netlab.routing.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.routing.RoutingLab;

/** The lab's model as routing sees it: its nodes, and each node's interfaces with their type and final addresses. */
record ModelRoutingLab(LabModel model) implements RoutingLab {
    @Override
    public Set<String> nodes() {
        return model.nodes().keySet();
    }

    @Override
    public List<Interface> interfaces(String node) {
        List<Interface> out = new ArrayList<>();
        model.node(node).ifPresent(n -> {
            for (ModelInterface i : n.interfaces().values()) out.add(new Interface(i.name(), i.spec().typeSpec().type(), i.addresses()));
        });
        return out;
    }
}
