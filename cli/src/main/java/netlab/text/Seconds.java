package netlab.text;

import java.time.Duration;

/**
 * A duration as seconds with a fixed number of decimals ("0.37"): the same in every locale, and made without
 * java.util.Formatter, whose locale data costs a short command like {@code down} a few milliseconds to load.
 */
public final class Seconds {
    private Seconds() {}

    public static String of(Duration d, int decimals) {
        return ofNanos(d.toNanos(), decimals);
    }

    /** Rounded half up; a negative duration (a clock step) shows as 0. */
    public static String ofNanos(long nanos, int decimals) {
        if (decimals < 0 || decimals > 9) throw new IllegalArgumentException("decimals: " + decimals);
        long scale = 1;
        for (int i = 0; i < decimals; i++) scale *= 10;
        long unit = 1_000_000_000L / scale;
        long units = (Math.max(0, nanos) + unit / 2) / unit;
        String whole = Long.toString(units / scale);
        if (decimals == 0) return whole;
        StringBuilder fraction = new StringBuilder(Long.toString(units % scale));
        while (fraction.length() < decimals) fraction.insert(0, '0');
        return whole + "." + fraction;
    }
}
