package netlab.topology;

import netlab.net.Cidr;
import netlab.source.Pos;

/** An address written on an interface, with where it was written. */
public record AddressSpec(Cidr cidr, Pos pos) {}
