package netlab.interfaces;

import netlab.net.IpAddress;
import netlab.source.Pos;

/** An address written as a setting of an interface (a tunnel endpoint, an FDB destination), with where it was written. */
public record AddressAt(IpAddress address, Pos pos) {
    @Override
    public String toString() {
        return address.toString();
    }
}
