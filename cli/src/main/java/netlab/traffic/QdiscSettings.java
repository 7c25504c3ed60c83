package netlab.traffic;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import netlab.topology.Impairment;

/**
 * The settings of a netem or tbf qdisc in the terms a topology writes them, either as netlab would install them for an
 * impairment or as decoded from what the kernel lists (TCA_OPTIONS): so a qdisc whose rate, burst, delay or loss was
 * changed by hand is told from the one the topology asks for.
 *
 * @param latencyMicros tbf's: how long a frame may wait for tokens (what sets the queue's length)
 * @param other         netem settings a topology cannot write (duplication, reordering...) are in use
 */
public record QdiscSettings(String kind, OptionalLong rateBits, OptionalLong burstBytes, OptionalLong latencyMicros, OptionalLong delayMicros,
                            OptionalLong jitterMicros, OptionalDouble lossPercent, boolean other) {
    private static final int TCA_TBF_PARMS = 1, TCA_TBF_RATE64 = 4;
    private static final int TCA_NETEM_RATE = 6, TCA_NETEM_RATE64 = 7, TCA_NETEM_LATENCY64 = 8, TCA_NETEM_JITTER64 = 9;
    private static final int NETEM_QOPT = 24;
    private static final long TBF_LATENCY_MICROS = 200_000;

    /** What netlab installs for {@code i} (see {@link netlab.plan.TcOp}). */
    public static QdiscSettings expected(Impairment i) {
        if (!i.needsNetem()) {
            long bits = i.rateBits().getAsLong();
            return new QdiscSettings("tbf", OptionalLong.of(bits), OptionalLong.of(Math.max(4096, bits / 8 / 100)), OptionalLong.of(TBF_LATENCY_MICROS),
                    OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty(), false);
        }
        return new QdiscSettings("netem", i.rateBits(), OptionalLong.empty(), OptionalLong.empty(), i.delayMicros(), i.jitterMicros(),
                i.lossPercent(), false);
    }

    /** Decodes a tbf or netem qdisc's options; empty for other kinds. */
    public static Optional<QdiscSettings> decode(String kind, byte[] options) {
        try {
            if ("tbf".equals(kind)) return Optional.of(tbf(options));
            if ("netem".equals(kind)) return Optional.of(netem(options));
        } catch (RuntimeException e) {
            return Optional.of(new QdiscSettings(kind, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                    OptionalLong.empty(), OptionalDouble.empty(), true));
        }
        return Optional.empty();
    }

    private static QdiscSettings tbf(byte[] options) {
        ByteBuffer b = ByteBuffer.wrap(options).order(ByteOrder.nativeOrder());
        byte[] parms = null, rate64 = null;
        for (int p = 0; p + 4 <= options.length; ) {
            int len = b.getShort(p) & 0xffff, type = b.getShort(p + 2) & 0x3fff;
            if (len < 4 || p + len > options.length) break;
            byte[] v = new byte[len - 4];
            b.get(p + 4, v, 0, v.length);
            if (type == TCA_TBF_PARMS) parms = v;
            if (type == TCA_TBF_RATE64) rate64 = v;
            p += (len + 3) & ~3;
        }
        ByteBuffer q = ByteBuffer.wrap(parms).order(ByteOrder.nativeOrder());
        long rate = rate64 != null ? ByteBuffer.wrap(rate64).order(ByteOrder.nativeOrder()).getLong() : Integer.toUnsignedLong(q.getInt(8));
        long limit = Integer.toUnsignedLong(q.getInt(24));
        long buffer = Integer.toUnsignedLong(q.getInt(28));
        // buffer: the time a full bucket lasts at the rate, in the scheduler's ticks
        long burst = Math.round(buffer / TICKS_PER_MICRO * rate / 1e6);
        long latency = rate == 0 ? 0 : Math.round((limit - burst) * 1e6 / rate);
        return new QdiscSettings("tbf", OptionalLong.of(rate * 8), OptionalLong.of(burst), OptionalLong.of(latency), OptionalLong.empty(),
                OptionalLong.empty(), OptionalDouble.empty(), false);
    }

    private static QdiscSettings netem(byte[] options) {
        ByteBuffer b = ByteBuffer.wrap(options).order(ByteOrder.nativeOrder());
        long latency = Math.round(Integer.toUnsignedLong(b.getInt(0)) / TICKS_PER_MICRO);
        long lossRaw = Integer.toUnsignedLong(b.getInt(8));
        boolean other = b.getInt(12) != 0 || b.getInt(16) != 0; // gap, duplicate
        long jitter = Math.round(Integer.toUnsignedLong(b.getInt(20)) / TICKS_PER_MICRO);
        OptionalLong rate = OptionalLong.empty();
        for (int p = NETEM_QOPT; p + 4 <= options.length; ) {
            int len = b.getShort(p) & 0xffff, type = b.getShort(p + 2) & 0x3fff;
            if (len < 4 || p + len > options.length) break;
            switch (type) {
                case TCA_NETEM_LATENCY64 -> latency = Math.round(b.getLong(p + 4) / 1000.0);
                case TCA_NETEM_JITTER64 -> jitter = Math.round(b.getLong(p + 4) / 1000.0);
                case TCA_NETEM_RATE -> {
                    long r = Integer.toUnsignedLong(b.getInt(p + 4));
                    if (r != 0 && rate.isEmpty()) rate = OptionalLong.of(r * 8);
                }
                case TCA_NETEM_RATE64 -> rate = OptionalLong.of(b.getLong(p + 4) * 8);
                default -> {
                }
            }
            p += (len + 3) & ~3;
        }
        return new QdiscSettings("netem", rate, OptionalLong.empty(), OptionalLong.empty(), latency == 0 ? OptionalLong.empty() : OptionalLong.of(latency),
                jitter == 0 ? OptionalLong.empty() : OptionalLong.of(jitter),
                lossRaw == 0 ? OptionalDouble.empty() : OptionalDouble.of(lossRaw * 100.0 / 0xFFFFFFFFL), other);
    }

    /** The same settings, allowing for the kernel's rounding (ticks of 64 ns, loss as a fraction of 2^32). */
    public boolean matches(QdiscSettings o) {
        return kind.equals(o.kind) && !other && !o.other && close(rateBits, o.rateBits, 0.001) && close(burstBytes, o.burstBytes, 0.01)
                && close(latencyMicros, o.latencyMicros, 0.01) && close(delayMicros, o.delayMicros, 0.001) && close(jitterMicros, o.jitterMicros, 0.001)
                && lossPercent.isPresent() == o.lossPercent.isPresent()
                && (lossPercent.isEmpty() || Math.abs(lossPercent.getAsDouble() - o.lossPercent.getAsDouble()) < 0.001);
    }

    private static boolean close(OptionalLong a, OptionalLong b, double share) {
        if (a.isEmpty() || b.isEmpty()) return a.isEmpty() == b.isEmpty();
        return Math.abs(a.getAsLong() - b.getAsLong()) <= Math.max(2, share * Math.abs(a.getAsLong()));
    }

    /** As tc would be told it: "tbf rate 1mbit burst 4096 latency 200ms", "netem delay 100ms loss 30%". */
    public String describe() {
        List<String> w = new ArrayList<>(List.of(kind));
        delayMicros.ifPresent(d -> {
            w.add("delay " + Impairment.formatMicros(d));
            jitterMicros.ifPresent(j -> w.add(Impairment.formatMicros(j)));
        });
        lossPercent.ifPresent(l -> w.add("loss " + Impairment.formatPercent(Math.round(l * 1000) / 1000.0)));
        rateBits.ifPresent(r -> w.add("rate " + Impairment.formatRate(r)));
        burstBytes.ifPresent(b -> w.add("burst " + b));
        latencyMicros.ifPresent(l -> w.add("latency " + Impairment.formatMicros(Math.round(l / 1000.0) * 1000)));
        if (other) w.add("(and settings netlab does not make)");
        return String.join(" ", w);
    }

    /** Scheduler ticks per microsecond, as tc computes them from /proc/net/psched (15.625 on today's kernels). */
    static final double TICKS_PER_MICRO = ticksPerMicro();

    private static double ticksPerMicro() {
        try {
            String[] f = Files.readString(Path.of("/proc/net/psched")).trim().split("\\s+");
            long t2us = Long.parseLong(f[0], 16), us2t = Long.parseLong(f[1], 16), clockRes = Long.parseLong(f[2], 16);
            if (clockRes == 1_000_000_000L) t2us = us2t;
            return (double) t2us / us2t * (clockRes / 1e6);
        } catch (IOException | RuntimeException e) {
            return 15.625;
        }
    }
}
