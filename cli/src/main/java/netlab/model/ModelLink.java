package netlab.model;

import java.util.Optional;
import netlab.topology.LinkSpec;

/**
 * A link resolved to its ends: {@code a} is always a node interface; {@code b} is a node interface for a
 * point-to-point link, or empty when the link goes to {@code switchPort}.
 */
public record ModelLink(LinkSpec spec, ModelInterface a, Optional<ModelInterface> b, Optional<ModelSwitch.Port> switchPort,
                        Optional<String> switchName) {
    public boolean toSwitch() {
        return switchPort.isPresent();
    }
}
