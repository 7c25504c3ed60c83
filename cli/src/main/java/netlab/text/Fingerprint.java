package netlab.text;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Short stable fingerprints of text, for names and marks netlab derives (state-dir tokens, port names, rule
 * set fingerprints, VTEP MACs): 64-bit FNV-1a. Not for secrets; chosen because it needs no security provider,
 * whose first use costs a short command tens of milliseconds.
 */
public final class Fingerprint {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprint() {}

    /** Eight bytes fingerprinting the parts (each part is separated, so ("ab","c") differs from ("a","bc")). */
    public static byte[] bytes(String... parts) {
        long h = OFFSET;
        for (String part : parts) {
            for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= PRIME;
            }
            h ^= 0xff; // separator
            h *= PRIME;
        }
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) out[i] = (byte) (h >>> (56 - 8 * i));
        return out;
    }

    /** The first {@code n} bytes (1-8) of the fingerprint, as lower-case hex. */
    public static String hex(int n, String... parts) {
        return HexFormat.of().formatHex(bytes(parts), 0, n);
    }
}
