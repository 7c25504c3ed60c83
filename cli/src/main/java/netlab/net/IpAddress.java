package netlab.net;

import java.math.BigInteger;
import java.util.Optional;

/** An IPv4 or IPv6 address as a number of 32 or 128 bits. Parsed strictly from literals; never resolves names. */
public record IpAddress(BigInteger value, int bits) implements Comparable<IpAddress> {

    public IpAddress {
        if (bits != 32 && bits != 128) throw new IllegalArgumentException("bits must be 32 or 128");
        if (value.signum() < 0 || value.bitLength() > bits) throw new IllegalArgumentException("out of range");
    }

    public boolean isV6() {
        return bits == 128;
    }

    public String family() {
        return isV6() ? "IPv6" : "IPv4";
    }

    public static Optional<IpAddress> parse(String text) {
        String t = text.trim();
        return t.contains(":") ? parseV6(t) : parseV4(t);
    }

    public static IpAddress of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + text));
    }

    private static Optional<IpAddress> parseV4(String t) {
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) return Optional.empty();
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) return Optional.empty();
            if (p.length() > 1 && p.charAt(0) == '0') return Optional.empty(); // no octal-looking octets
            int octet = Integer.parseInt(p);
            if (octet > 255) return Optional.empty();
            v = (v << 8) | octet;
        }
        return Optional.of(new IpAddress(BigInteger.valueOf(v), 32));
    }

    private static Optional<IpAddress> parseV6(String t) {
        if (!t.matches("[0-9a-fA-F:.]+")) return Optional.empty();
        int dbl = t.indexOf("::");
        if (dbl >= 0 && t.indexOf("::", dbl + 1) >= 0) return Optional.empty();
        String head = dbl >= 0 ? t.substring(0, dbl) : t;
        String tail = dbl >= 0 ? t.substring(dbl + 2) : "";
        int[] h = groups(head), tl = groups(tail);
        if (h == null || tl == null) return Optional.empty();
        int total = h.length + tl.length;
        if (dbl < 0 && total != 8) return Optional.empty();
        if (dbl >= 0 && total > 7) return Optional.empty();
        BigInteger v = BigInteger.ZERO;
        for (int g : h) v = v.shiftLeft(16).or(BigInteger.valueOf(g));
        for (int i = 0; i < 8 - total; i++) v = v.shiftLeft(16);
        for (int g : tl) v = v.shiftLeft(16).or(BigInteger.valueOf(g));
        return Optional.of(new IpAddress(v, 128));
    }

    /** Hex groups of one side of "::"; an embedded IPv4 tail counts as two groups. Null when malformed. */
    private static int[] groups(String s) {
        if (s.isEmpty()) return new int[0];
        String[] parts = s.split(":", -1);
        int n = parts.length;
        boolean v4Tail = parts[n - 1].contains(".");
        int[] out = new int[v4Tail ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            String p = parts[i];
            if (i == n - 1 && v4Tail) {
                Optional<IpAddress> v4 = parseV4(p);
                if (v4.isEmpty()) return null;
                long x = v4.get().value().longValue();
                out[i] = (int) (x >> 16);
                out[i + 1] = (int) (x & 0xffff);
                continue;
            }
            if (p.isEmpty() || p.length() > 4 || p.contains(".")) return null;
            out[i] = Integer.parseInt(p, 16);
        }
        return out;
    }

    /** The address in network byte order: 4 or 16 bytes, as the kernel takes it. */
    public byte[] toBytes() {
        int n = bits / 8;
        byte[] raw = value.toByteArray();
        byte[] out = new byte[n];
        int copy = Math.min(raw.length, n);
        System.arraycopy(raw, raw.length - copy, out, n - copy, copy);
        return out;
    }

    /** The address from 4 or 16 bytes in network byte order. */
    public static IpAddress fromBytes(byte[] raw) {
        if (raw.length != 4 && raw.length != 16) throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + raw.length);
        return new IpAddress(new BigInteger(1, raw), raw.length * 8);
    }

    public IpAddress plus(long n) {
        BigInteger v = value.add(BigInteger.valueOf(n));
        return new IpAddress(v, bits);
    }

    @Override
    public int compareTo(IpAddress o) {
        int c = Integer.compare(bits, o.bits);
        return c != 0 ? c : value.compareTo(o.value);
    }

    /** Canonical text: dotted quad, or RFC 5952 compressed IPv6. */
    @Override
    public String toString() {
        if (!isV6()) {
            long v = value.longValue();
            return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
