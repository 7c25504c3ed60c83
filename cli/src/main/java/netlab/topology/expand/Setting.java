package netlab.topology.expand;

import java.util.Optional;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.yaml.YScalar;

/** A variable given on the command line ({@code --set name=value}); its value typed as a plain YAML scalar would be. */
public record Setting(String name, YScalar value) {
    /** Where errors about a setting point: the option as the user wrote it. */
    static Pos posOf(String arg) {
        return Pos.unknown("--set " + netlab.source.Printable.line(arg));
    }

    /** {@code name=value}, or empty with the reason in {@code d}. */
    public static Optional<Setting> parse(String arg, Diagnostics d) {
        Pos pos = posOf(arg);
        int eq = arg.indexOf('=');
        if (eq <= 0) {
            d.error(pos, "a setting is written name=value, like --set asn=65001");
            return Optional.empty();
        }
        String name = arg.substring(0, eq), value = arg.substring(eq + 1);
        if (!Variables.NAME.matcher(name).matches()) {
            d.error(pos, "'" + netlab.source.Printable.line(name) + "' is not a variable name (letters, digits and _, not first a digit)");
            return Optional.empty();
        }
        if (value.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            d.error(pos, "the value of " + name + " holds a control character");
            return Optional.empty();
        }
        return Optional.of(new Setting(name, YScalar.plain(value, pos)));
    }
}
