package netlab.plan;

/**
 * One line for {@code bridge -batch}: VLANs of bridge ports ({@code vlan add vid 10 dev p1 pvid untagged}) and
 * forwarding entries ({@code fdb append 00:00:00:00:00:00 dev vx100 dst 10.0.2.1}). Both are idempotent.
 */
public record BridgeOp(String text) implements Op {
    public BridgeOp {
        BatchLine.require(text);
    }

    @Override
    public Tool tool() {
        return Tool.BRIDGE;
    }
}
