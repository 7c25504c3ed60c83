package netlab.routing.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import netlab.net.IpAddress;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.yaml.Fields;

/** Reading the values the routing section shares between its parts: router IDs and lists of fixed words. */
final class ValueReader {
    private ValueReader() {}

    /** A router ID: an IPv4 address, not 0.0.0.0 (which FRR takes as "none"). */
    static Optional<IpAddress> routerId(Fields f, String where, Diagnostics d) {
        Optional<String> text = f.string("router_id");
        if (text.isEmpty()) return Optional.empty();
        Pos pos = f.posOf("router_id");
        Optional<IpAddress> a = IpAddress.parse(text.get().trim());
        if (a.isEmpty() || a.get().isV6()) {
            d.error(pos, "'router_id' of " + where + ": '" + text.get() + "' is not an IPv4 address (a router ID is written like one, 10.255.0.1)");
            return Optional.empty();
        }
        if (a.get().value().signum() == 0) {
            d.error(pos, "'router_id' of " + where + " cannot be 0.0.0.0");
            return Optional.empty();
        }
        return a;
    }

    /**
     * A list of words from a fixed set (one word alone is a list of one), in file order; unknown words get a
     * "did you mean", repeated ones an error.
     */
    static <E> List<E> words(Fields f, String key, String where, Function<String, Optional<E>> of, List<String> allowed, Diagnostics d) {
        List<E> out = new ArrayList<>();
        for (Located w : f.textList(key)) {
            String word = w.text().trim();
            Optional<E> e = of.apply(word).filter(x -> allowed.contains(word));
            if (e.isEmpty()) {
                d.error(w.pos(), "'" + key + "' of " + where + ": unknown value '" + word + "'" + Suggest.hint(word, allowed)
                        + "; allowed: " + String.join(", ", allowed));
            } else if (out.contains(e.get())) {
                d.error(w.pos(), "'" + key + "' of " + where + " lists '" + word + "' twice");
            } else {
                out.add(e.get());
            }
        }
        return out;
    }
}
