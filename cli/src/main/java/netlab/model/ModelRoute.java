package netlab.model;

import java.util.Optional;
import java.util.OptionalInt;
import netlab.net.Cidr;
import netlab.net.IpAddress;

/**
 * A route with its gateway resolved to an address.
 *
 * @param to empty for the default route of the family given by {@code v6}
 */
public record ModelRoute(Optional<Cidr> to, boolean v6, Optional<IpAddress> via, Optional<String> dev, OptionalInt metric) {

    /** The destination as iproute2 writes it. */
    public String destination() {
        return to.map(c -> c.network().toString()).orElse("default");
    }
}
