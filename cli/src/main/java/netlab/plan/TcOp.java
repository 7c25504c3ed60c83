package netlab.plan;

import netlab.topology.Impairment;

/**
 * An impairment put on {@code dev}'s egress as its root qdisc, replacing whatever was there (idempotent): an operation
 * of iproute2's {@code tc}, which is also what runs it. Delay, jitter and loss need netem (which also limits the rate
 * then); a rate limit alone is a token bucket (tbf), which kernels without netem often still have.
 */
public record TcOp(String dev, Impairment impairment) implements BatchOp {
    /**
     * How long tbf lets a frame wait for tokens before dropping it; it sets the queue's length (rate x latency).
     * Long enough that a burst of a few dozen KB (a big datagram's fragments, a TCP window) is slowed, not dropped.
     */
    static final String TBF_LATENCY = "200ms";

    public TcOp {
        OpArgs.ifname(dev);
    }

    @Override
    public Tool tool() {
        return Tool.TC;
    }

    /** Its line of {@code tc -batch} input: the only place tc's syntax is written. */
    @Override
    public String batchLine() {
        return BatchLine.require("qdisc replace dev " + dev + " root " + qdisc(impairment));
    }

    static String qdisc(Impairment i) {
        if (!i.needsNetem()) {
            long bits = i.rateBits().getAsLong();
            // A bucket must hold at least a few full frames and what the rate brings in one timer tick (10 ms).
            long burst = Math.max(4096, bits / 8 / 100);
            return "tbf rate " + Impairment.formatRate(bits) + " burst " + burst + " latency " + TBF_LATENCY;
        }
        StringBuilder sb = new StringBuilder("netem");
        if (i.delayMicros().isPresent()) {
            sb.append(" delay ").append(Impairment.formatMicros(i.delayMicros().getAsLong()));
            if (i.jitterMicros().isPresent()) sb.append(' ').append(Impairment.formatMicros(i.jitterMicros().getAsLong()));
        }
        if (i.lossPercent().isPresent()) sb.append(" loss ").append(Impairment.formatPercent(i.lossPercent().getAsDouble()));
        if (i.rateBits().isPresent()) sb.append(" rate ").append(Impairment.formatRate(i.rateBits().getAsLong()));
        return sb.toString();
    }
}
