package netlab.interfaces;

import java.util.Optional;
import netlab.net.IpAddress;
import netlab.net.MacAddress;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.topology.Names;
import netlab.yaml.Fields;

/** Reading the settings interface types share: addresses of tunnel ends, names of other interfaces, MACs. */
final class TypeFields {
    private TypeFields() {}

    static Optional<AddressAt> address(Fields f, String key, String where) {
        return f.string(key).flatMap(t -> address(new Located(t, f.posOf(key)), "'" + key + "' of " + where, f.diags()));
    }

    static Optional<AddressAt> address(Located text, String what, Diagnostics d) {
        String t = text.text().trim();
        Optional<IpAddress> a = IpAddress.parse(t);
        if (a.isEmpty()) {
            d.error(text.pos(), what + ": '" + t + "' is not an IP address"
                    + (t.contains("/") ? " (write it without a prefix length)" : ""));
            return Optional.empty();
        }
        return Optional.of(new AddressAt(a.get(), text.pos()));
    }

    /** The name of another interface of the same node ({@code underlay: eth1}, {@code parent: eth1}). */
    static Optional<Located> ifname(Fields f, String key, String where) {
        return f.string(key).flatMap(t -> ifname(new Located(t, f.posOf(key)), "'" + key + "' of " + where, f.diags()));
    }

    static Optional<Located> ifname(Located text, String what, Diagnostics d) {
        Optional<String> bad = Names.checkIfname(text.text(), what);
        if (bad.isPresent()) {
            d.error(text.pos(), bad.get());
            return Optional.empty();
        }
        return Optional.of(text);
    }

    static Optional<MacAddress> unicastMac(Located text, String what, Diagnostics d) {
        Optional<MacAddress> m = MacAddress.parse(text.text());
        if (m.isEmpty()) d.error(text.pos(), what + ": '" + text.text() + "' is not a MAC address (write it like 02:00:00:00:00:01)");
        else if (m.get().isMulticast() || m.get().text().equals("00:00:00:00:00:00")) {
            d.error(text.pos(), what + ": " + text.text() + " is not a unicast MAC address");
            return Optional.empty();
        }
        return m;
    }
}
