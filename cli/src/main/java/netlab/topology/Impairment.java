package netlab.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import netlab.source.Pos;

/**
 * What a link or an interface does to the frames it sends, as written: a one-way delay with jitter, a share of
 * frames lost, a rate limit. Delay, jitter and loss need the kernel's netem qdisc; a rate limit alone is done by
 * tbf (which more kernels have).
 *
 * @param delayMicros  one-way delay added to every frame
 * @param jitterMicros random variation of the delay (needs a delay)
 * @param lossPercent  share of frames dropped, 0 to 100
 * @param rateBits     bits per second the interface may send
 */
public record Impairment(OptionalLong delayMicros, OptionalLong jitterMicros, OptionalDouble lossPercent, OptionalLong rateBits, Pos pos) {
    /** Nothing done to frames: what a cleared link has. */
    public static final Impairment NONE = new Impairment(OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty(),
            OptionalLong.empty(), Pos.unknown(""));

    /** True when netem is needed; false when only a rate limit is asked for (tbf). */
    public boolean needsNetem() {
        return delayMicros.isPresent() || jitterMicros.isPresent() || lossPercent.isPresent();
    }

    /** As a user would write it again: "delay 100ms jitter 10ms loss 1% rate 10mbit". */
    public String describe() {
        List<String> words = new ArrayList<>();
        delayMicros.ifPresent(d -> words.add("delay " + formatMicros(d)));
        jitterMicros.ifPresent(j -> words.add("jitter " + formatMicros(j)));
        lossPercent.ifPresent(l -> words.add("loss " + formatPercent(l)));
        rateBits.ifPresent(r -> words.add("rate " + formatRate(r)));
        return String.join(" ", words);
    }

    public static String formatMicros(long us) {
        if (us % 1_000_000 == 0 && us > 0) return us / 1_000_000 + "s";
        if (us % 1000 == 0) return us / 1000 + "ms";
        return us + "us";
    }

    public static String formatPercent(double p) {
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
    }

    public static String formatRate(long bits) {
        if (bits % 1_000_000_000L == 0) return bits / 1_000_000_000L + "gbit";
        if (bits % 1_000_000L == 0) return bits / 1_000_000L + "mbit";
        if (bits % 1000L == 0) return bits / 1000L + "kbit";
        return bits + "bit";
    }
}
