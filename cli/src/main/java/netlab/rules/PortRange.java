package netlab.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.yaml.Fields;
import netlab.yaml.YNode;
import netlab.yaml.YScalar;

/** A TCP/UDP port ({@code 80}) or an inclusive range ({@code "8000-8100"}), as a rule matches it. */
public record PortRange(int from, int to, Pos pos) {
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,5})\\s*-\\s*(\\d{1,5})\\s*");

    /** Reads a port or a range, reporting anything else (0, 70000, "http", a range backwards) at its position. */
    public static Optional<PortRange> parse(YNode n, String what, Diagnostics d) {
        if (n instanceof YScalar s && s.type() == YScalar.Type.STR) {
            Matcher m = RANGE.matcher(s.value());
            if (m.matches()) {
                int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(2));
                if (a < 1 || b > 65535 || a > b) {
                    d.error(s.pos(), what + " '" + s.value() + "' is not a range of ports: both ends must be from 1 to 65535, the first not above the second");
                    return Optional.empty();
                }
                return Optional.of(new PortRange(a, b, s.pos()));
            }
            d.error(s.pos(), what + " must be a port number (1-65535) or a range like 8000-8100, not '" + s.value() + "'");
            return Optional.empty();
        }
        return Fields.readInteger(n, what, 1, 65535, d).map(v -> new PortRange(v.intValue(), v.intValue(), n.pos()));
    }

    public boolean single() {
        return from == to;
    }

    /** As iptables writes it: {@code 80} or {@code 8000:8100}. */
    public String iptables() {
        return single() ? Integer.toString(from) : from + ":" + to;
    }

    @Override
    public String toString() {
        return single() ? Integer.toString(from) : from + "-" + to;
    }
}
