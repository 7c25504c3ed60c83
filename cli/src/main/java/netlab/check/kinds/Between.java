package netlab.check.kinds;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import netlab.source.Diagnostics;
import netlab.source.Pos;

/**
 * A range a measured value must fall in, written {@code 180ms..260ms}, {@code 10%..40%}; either side may be left
 * out ({@code 150ms..}: at least, {@code ..5%}: at most).
 *
 * @param text as written, for messages
 */
public record Between(OptionalDouble min, OptionalDouble max, String text) {

    public boolean contains(double v) {
        return (min.isEmpty() || v >= min.getAsDouble()) && (max.isEmpty() || v <= max.getAsDouble());
    }

    /**
     * @param value reads one side ("180ms" → 180.0), empty when it is not valid
     * @param what  for messages ("'rtt' of the ping check")
     * @param form  an example of the form, for messages ("180ms..260ms")
     */
    static Optional<Between> parse(String text, Pos pos, String what, String form, Function<String, OptionalDouble> value, Diagnostics d) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            d.error(pos, what + " '" + text + "' is not a range; write it like " + form);
            return Optional.empty();
        }
        String lo = text.substring(0, dots).trim(), hi = text.substring(dots + 2).trim();
        if (lo.isEmpty() && hi.isEmpty()) {
            d.error(pos, what + " '" + text + "' has no bounds; write it like " + form);
            return Optional.empty();
        }
        OptionalDouble min = lo.isEmpty() ? OptionalDouble.empty() : value.apply(lo);
        OptionalDouble max = hi.isEmpty() ? OptionalDouble.empty() : value.apply(hi);
        if ((!lo.isEmpty() && min.isEmpty()) || (!hi.isEmpty() && max.isEmpty())) {
            d.error(pos, what + " '" + text + "' is not a range of the right unit; write it like " + form);
            return Optional.empty();
        }
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            d.error(pos, what + " '" + text + "': the lower bound is above the upper one");
            return Optional.empty();
        }
        return Optional.of(new Between(min, max, text.trim()));
    }
}
