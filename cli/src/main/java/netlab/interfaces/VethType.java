package netlab.interfaces;

import java.util.Set;
import netlab.core.InterfaceType;
import netlab.topology.InterfaceTypeSpec;
import netlab.topology.VethInterface;
import netlab.yaml.Fields;

/** The end of a link. Created by the link (in the links stage), so it has nothing of its own to plan. */
public final class VethType implements InterfaceType {
    @Override
    public String name() {
        return "veth";
    }

    @Override
    public Set<String> fields() {
        return Set.of();
    }

    @Override
    public InterfaceTypeSpec parse(Fields fields, String node, String iface) {
        return VethInterface.INSTANCE;
    }
}
