package netlab.net;

import java.util.Locale;
import java.util.Optional;

/** A 48-bit Ethernet address, kept in the lower-case colon form iproute2 prints. */
public record MacAddress(String text) {
    public static Optional<MacAddress> parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('-', ':');
        if (!t.matches("([0-9a-f]{2}:){5}[0-9a-f]{2}")) return Optional.empty();
        return Optional.of(new MacAddress(t));
    }

    /** Multicast (group) bit set: cannot be an interface's own address. */
    public boolean isMulticast() {
        return (Integer.parseInt(text.substring(0, 2), 16) & 1) == 1;
    }

    @Override
    public String toString() {
        return text;
    }
}
