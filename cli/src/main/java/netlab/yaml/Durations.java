package netlab.yaml;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them in topologies: {@code 2s}, {@code 500ms}, {@code 1.5s}, {@code 1m}, or seconds. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private Durations() {}

    public static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) return Optional.empty();
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> value;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            default -> value * 3_600_000;
        };
        if (millis > Long.MAX_VALUE / 2) return Optional.empty();
        return Optional.of(Duration.ofMillis(Math.round(millis)));
    }

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0 || ms == 0) return ms + "ms";
        long s = ms / 1000;
        return s % 60 == 0 && s >= 60 ? (s / 60) + "m" : s + "s";
    }
}
