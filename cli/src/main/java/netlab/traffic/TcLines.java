package netlab.traffic;

import netlab.topology.Impairment;

/**
 * Impairments as {@code tc} batch lines. Delay, jitter and loss need netem (which also limits the rate then); a
 * rate limit alone is a token bucket (tbf), which kernels without netem often still have.
 */
public final class TcLines {
    /**
     * How long tbf lets a frame wait for tokens before dropping it; it sets the queue's length (rate x latency).
     * Long enough that a burst of a few dozen KB (a big datagram's fragments, a TCP window) is slowed, not dropped.
     */
    static final String TBF_LATENCY = "200ms";

    private TcLines() {}

    /** Puts the impairment on {@code dev} as its root qdisc, replacing whatever was there (idempotent). */
    public static String replaceRoot(String dev, Impairment i) {
        return "qdisc replace dev " + dev + " root " + qdisc(i);
    }

    static String qdisc(Impairment i) {
        if (!i.needsNetem()) {
            long bits = i.rateBits().getAsLong();
            // A bucket must hold at least a few full frames and what the rate brings in one timer tick (10 ms).
            long burst = Math.max(4096, bits / 8 / 100);
            return "tbf rate " + Impairment.formatRate(bits) + " burst " + burst + " latency " + TBF_LATENCY;
        }
        StringBuilder sb = new StringBuilder("netem");
        i.delayMicros().ifPresent(d -> {
            sb.append(" delay ").append(Impairment.formatMicros(d));
            i.jitterMicros().ifPresent(j -> sb.append(' ').append(Impairment.formatMicros(j)));
        });
        i.lossPercent().ifPresent(l -> sb.append(" loss ").append(Impairment.formatPercent(l)));
        i.rateBits().ifPresent(r -> sb.append(" rate ").append(Impairment.formatRate(r)));
        return sb.toString();
    }
}
