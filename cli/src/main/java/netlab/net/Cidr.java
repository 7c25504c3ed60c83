package netlab.net;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An interface address with its prefix length ({@code 10.0.0.1/24}), or a subnet when the host bits are zero.
 */
public record Cidr(IpAddress address, int prefix) {

    public Cidr {
        if (prefix < 0 || prefix > address.bits()) throw new IllegalArgumentException("bad prefix " + prefix);
    }

    /** Parses "a.b.c.d/n" or "x::y/n". Returns empty when malformed (the caller reports with a position). */
    public static Optional<Cidr> parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) return Optional.empty();
        String address = t.substring(0, slash);
        if (!address.equals(address.strip())) return Optional.empty(); // "10.0.0.0 /24" is not CIDR notation
        Optional<IpAddress> a = IpAddress.parse(address);
        String p = t.substring(slash + 1);
        if (a.isEmpty() || p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) return Optional.empty();
        int prefix = Integer.parseInt(p);
        if (prefix > a.get().bits()) return Optional.empty();
        return Optional.of(new Cidr(a.get(), prefix));
    }

    public static Cidr of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a CIDR: " + text));
    }

    public boolean isV6() {
        return address.isV6();
    }

    private BigInteger hostMask() {
        return BigInteger.ONE.shiftLeft(address.bits() - prefix).subtract(BigInteger.ONE);
    }

    public Cidr network() {
        return new Cidr(new IpAddress(address.value().andNot(hostMask()), address.bits()), prefix);
    }

    public boolean isNetwork() {
        return address.value().and(hostMask()).signum() == 0;
    }

    public boolean contains(IpAddress a) {
        return a.bits() == address.bits()
                && a.value().andNot(hostMask()).equals(address.value().andNot(hostMask()));
    }

    public boolean overlaps(Cidr other) {
        if (other.isV6() != isV6()) return false;
        return prefix <= other.prefix ? contains(other.address) : other.contains(address);
    }

    /** The network address of an IPv4 subnet (only meaningful for prefixes shorter than /31). */
    public boolean isNetworkAddressOfSubnet() {
        return !isV6() && prefix < 31 && isNetwork();
    }

    public boolean isBroadcastAddressOfSubnet() {
        return !isV6() && prefix < 31 && address.value().and(hostMask()).equals(hostMask());
    }

    /**
     * The n-th usable host address of this subnet, with the subnet's prefix (n counts from 1). IPv4 skips the
     * network address (except /31 and /32); IPv6 skips the subnet-router anycast address ::0 (except /127, /128).
     */
    public Optional<Cidr> host(long n) {
        if (n < 1) return Optional.empty();
        BigInteger size = hostMask().add(BigInteger.ONE);
        boolean small = prefix >= address.bits() - 1;
        BigInteger offset = BigInteger.valueOf(small ? n - 1 : n);
        BigInteger usable = small ? size : (isV6() ? size.subtract(BigInteger.ONE) : size.subtract(BigInteger.TWO));
        if (BigInteger.valueOf(n).compareTo(usable) > 0) return Optional.empty();
        BigInteger base = network().address().value();
        return Optional.of(new Cidr(new IpAddress(base.add(offset), address.bits()), prefix));
    }

    @Override
    public String toString() {
        return address + "/" + prefix;
    }
}
