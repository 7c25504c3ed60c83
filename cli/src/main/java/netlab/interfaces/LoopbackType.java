package netlab.interfaces;

import java.util.Set;
import netlab.core.InterfaceType;
import netlab.topology.InterfaceTypeSpec;
import netlab.yaml.Fields;

/** {@code lo}: every node has it; declaring it only adds addresses (router IDs, service addresses). */
public final class LoopbackType implements InterfaceType {
    public static final String NAME = "loopback";

    public enum Spec implements InterfaceTypeSpec {
        INSTANCE;

        @Override
        public String type() {
            return NAME;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> fields() {
        return Set.of();
    }

    @Override
    public InterfaceTypeSpec parse(Fields fields, String node, String iface) {
        return Spec.INSTANCE;
    }
}
