package netlab.plan;

import java.util.Optional;

/**
 * Starts one server in a node and leaves it running. It exists once something in the node listens on its port, so a
 * second {@code up} does not start a second copy.
 */
public record ServiceOp(String lab, String node, Service service, Optional<ObjectRef> creates) implements Op {
    @Override
    public Tool tool() {
        return Tool.SERVICE;
    }

    @Override
    public String describe() {
        return service.describe() + " in node " + node;
    }
}
