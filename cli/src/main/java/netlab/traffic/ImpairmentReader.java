package netlab.traffic;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.topology.Impairment;

/**
 * Reads impairment settings ({@code delay 100ms}, {@code jitter 10ms}, {@code loss 1%}, {@code rate 10mbit}) from
 * a topology mapping or from the words of {@code netlab link set}, with one precise message per bad value.
 */
public final class ImpairmentReader {
    public static final Set<String> KEYS = Set.of("delay", "jitter", "loss", "rate");

    static final long MAX_DELAY_MICROS = 60_000_000L;
    static final long MIN_RATE = 1000L;
    static final long MAX_RATE = 100_000_000_000L;

    private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s)?");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%)?");
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(bit|bps)?", Pattern.CASE_INSENSITIVE);

    private ImpairmentReader() {}

    /**
     * @param values key → value text as written, with positions (keys outside {@link #KEYS} are the caller's to report)
     * @param where  what is impaired, for messages ("the link h1:eth1 -- h2:eth1")
     */
    public static Optional<Impairment> read(Map<String, Located> values, Pos pos, String where, Diagnostics d) {
        int before = d.count();
        if (values.isEmpty()) {
            d.error(pos, "the impairment of " + where + " is empty; give at least one of delay, jitter, loss, rate");
            return Optional.empty();
        }
        OptionalLong delay = time(values.get("delay"), "delay", where, d);
        OptionalLong jitter = time(values.get("jitter"), "jitter", where, d);
        OptionalDouble loss = percent(values.get("loss"), where, d);
        OptionalLong rate = rate(values.get("rate"), where, d);
        if (jitter.isPresent()) {
            Located j = values.get("jitter");
            if (!values.containsKey("delay")) {
                d.error(j.pos(), "jitter of " + where + " varies a delay; give 'delay' too");
            } else if (delay.isPresent() && jitter.getAsLong() > delay.getAsLong()) {
                d.error(j.pos(), "jitter " + j.text() + " of " + where + " is larger than its delay " + values.get("delay").text()
                        + " (some frames would need a negative delay)");
            }
        }
        if (d.count() > before) return Optional.empty();
        return Optional.of(new Impairment(delay, jitter, loss, rate, pos));
    }

    private static OptionalLong time(Located v, String key, String where, Diagnostics d) {
        if (v == null) return OptionalLong.empty();
        Matcher m = TIME.matcher(v.text().trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            d.error(v.pos(), key + " '" + v.text() + "' of " + where + " is not a time (write e.g. 100ms, 1.5ms, 2s or 500us)");
            return OptionalLong.empty();
        }
        if (m.group(2) == null) {
            d.error(v.pos(), key + " '" + v.text() + "' of " + where + " needs a unit (write e.g. " + m.group(1) + "ms)");
            return OptionalLong.empty();
        }
        double factor = switch (m.group(2)) {
            case "us" -> 1;
            case "ms" -> 1000;
            default -> 1_000_000;
        };
        double micros = Double.parseDouble(m.group(1)) * factor;
        if (micros > MAX_DELAY_MICROS) {
            d.error(v.pos(), key + " " + v.text() + " of " + where + " is more than the 60s netlab allows");
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(micros));
    }

    private static OptionalDouble percent(Located v, String where, Diagnostics d) {
        if (v == null) return OptionalDouble.empty();
        Matcher m = PERCENT.matcher(v.text().trim());
        if (!m.matches()) {
            d.error(v.pos(), "loss '" + v.text() + "' of " + where + " is not a percentage (write e.g. 1% or 0.5%)");
            return OptionalDouble.empty();
        }
        double p = Double.parseDouble(m.group(1));
        if (p > 100) {
            d.error(v.pos(), "loss " + v.text() + " of " + where + " is more than 100%");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(p);
    }

    private static OptionalLong rate(Located v, String where, Diagnostics d) {
        if (v == null) return OptionalLong.empty();
        Matcher m = RATE.matcher(v.text().trim());
        if (!m.matches() || m.group(3) == null) {
            d.error(v.pos(), "rate '" + v.text() + "' of " + where + " is not a rate (write e.g. 10mbit, 512kbit or 1gbit)");
            return OptionalLong.empty();
        }
        if (m.group(3).equalsIgnoreCase("bps")) {
            d.error(v.pos(), "rate '" + v.text() + "' of " + where + ": write the rate in bits per second (kbit, mbit, gbit);"
                    + " tc reads 'bps' as bytes per second, which is easy to get wrong");
            return OptionalLong.empty();
        }
        double factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1e3;
            case "m" -> 1e6;
            case "g" -> 1e9;
            case "t" -> 1e12;
            default -> 1;
        };
        double bits = Double.parseDouble(m.group(1)) * factor;
        if (bits < MIN_RATE || bits > MAX_RATE) {
            d.error(v.pos(), "rate " + v.text() + " of " + where + " must be between 1kbit and 100gbit");
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(bits));
    }
}
