package netlab.check;

import java.util.List;
import java.util.Map;

/**
 * How many frames a node's interfaces have sent, by the kernel's own counters ({@code ip -s link}: a frame is
 * counted when its device transmits it, not when a program hands it to the kernel). A capture reads it around its
 * {@code during} action to know that the action's traffic really left its node: a ping says "1 transmitted" for an
 * echo the kernel took and then dropped (its neighbour entry failing at that moment, a firewall's OUTPUT chain).
 */
public final class SentFrames {
    private SentFrames() {}

    /** Frames sent so far out of every interface of {@code node} but loopback; {@link CouldNotRun} when they cannot be read. */
    public static long of(CheckContext ctx, String node) throws InterruptedException {
        return total(ctx.jsonRows("ip", ctx.naming().nodeNetns(new Target(node, netlab.source.Pos.unknown("")).node()), List.of("-s", "link", "show")));
    }

    /** The sum of {@code stats64.tx.packets} over the rows of {@code ip -s -j link show}, loopback left out. */
    static long total(List<Map<String, Object>> links) {
        long sum = 0;
        for (Map<String, Object> link : links) {
            if ("lo".equals(link.get("ifname"))) continue;
            if (link.get("stats64") instanceof Map<?, ?> stats && stats.get("tx") instanceof Map<?, ?> tx
                    && tx.get("packets") instanceof Number n) {
                sum += n.longValue();
            }
        }
        return sum;
    }
}
