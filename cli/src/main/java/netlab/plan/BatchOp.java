package netlab.plan;

/**
 * An op of one of iproute2's batch programs: {@code ip} ({@link IpOp}), {@code bridge} ({@link BridgeOp}) or
 * {@code tc} ({@link TcOp}). Each is written as one line of its program's batch input by that program's renderer
 * ({@link IpLines}, {@link BridgeLines}, {@link TcOp#batchLine}), only to print it and to run it with the program
 * itself; the netlink runner reads the record.
 */
public sealed interface BatchOp extends Op permits IpOp, BridgeOp, TcOp {
    /** The op as one line of its program's batch input: always a {@link BatchLine}. */
    String batchLine();

    @Override
    default String describe() {
        return batchLine();
    }
}
