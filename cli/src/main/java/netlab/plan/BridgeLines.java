package netlab.plan;

/**
 * Writes a {@link BridgeOp} as its line of {@code bridge -batch} input: what the dry run prints and what {@code bridge}
 * runs. The only place the bridge program's syntax is written; nothing reads it back. Every line is a {@link BatchLine}.
 */
public final class BridgeLines implements BridgeOp.Visitor<String> {
    private static final BridgeLines INSTANCE = new BridgeLines();

    private BridgeLines() {}

    public static String line(BridgeOp op) {
        return BatchLine.require(op.accept(INSTANCE));
    }

    @Override
    public String vlanAdd(BridgeOp.VlanAdd op) {
        return "vlan add vid " + op.vid() + " dev " + op.dev() + (op.pvidUntagged() ? " pvid untagged" : "");
    }

    @Override
    public String vlanDel(BridgeOp.VlanDel op) {
        return "vlan del vid " + op.vid() + " dev " + op.dev() + (op.self() ? " self" : "");
    }

    @Override
    public String fdbFlood(BridgeOp.FdbFlood op) {
        return "fdb append 00:00:00:00:00:00 dev " + op.dev() + " dst " + op.dst();
    }

    @Override
    public String fdbReplace(BridgeOp.FdbReplace op) {
        return "fdb replace " + op.mac() + " dev " + op.dev() + " dst " + op.dst() + (op.permanent() ? " self permanent" : "");
    }

    @Override
    public String fdbDel(BridgeOp.FdbDel op) {
        return "fdb del " + op.mac() + " dev " + op.dev() + (op.dst().isPresent() ? " dst " + op.dst().get() : "") + " self";
    }
}
