package netlab.yaml;

import java.util.Optional;
import netlab.net.Cidr;
import netlab.source.Diagnostics;
import netlab.source.Located;

/** Addresses and subnets read from a topology, with a precise message for the usual mistakes. */
public final class NetValues {
    private NetValues() {}

    /** Parses "a.b.c.d/n" (or an IPv6 prefix); reports what is wrong with it otherwise. */
    public static Optional<Cidr> cidr(Located text, String what, Diagnostics d) {
        Optional<Cidr> c = Cidr.parse(text.text());
        if (c.isEmpty()) {
            String t = text.text().trim();
            String why;
            if (!t.contains("/")) why = "it has no prefix length (write e.g. " + t + "/24)";
            else if (netlab.net.IpAddress.parse(t.substring(0, t.indexOf('/'))).isEmpty()) why = "'" + t.substring(0, t.indexOf('/')) + "' is not an IPv4 or IPv6 address";
            else why = "the prefix length is not a number from 0 to " + (t.contains(":") ? 128 : 32);
            d.error(text.pos(), what + " '" + t + "' is not valid: " + why);
        }
        return c;
    }

    /** A subnet under {@code key} (for automatic addresses): must be a network address of the right family. */
    public static Optional<Cidr> subnet(Fields f, String key, boolean v6, String where, Diagnostics d) {
        return f.string(key).flatMap(t -> cidr(new Located(t, f.posOf(key)), "'" + key + "' of " + where, d))
                .filter(c -> {
                    if (c.isV6() != v6) {
                        d.error(f.posOf(key), "'" + key + "' of " + where + " must be an " + (v6 ? "IPv6" : "IPv4") + " subnet"
                                + (v6 ? "" : "; put IPv6 subnets in 'subnet6'"));
                        return false;
                    }
                    if (!c.isNetwork()) {
                        d.error(f.posOf(key), "'" + key + "' of " + where + ": " + c + " has host bits set; did you mean " + c.network() + "?");
                        return false;
                    }
                    return true;
                });
    }
}
