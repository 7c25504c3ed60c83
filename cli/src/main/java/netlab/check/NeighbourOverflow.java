package netlab.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the host's neighbour table overflowed while a probe ran. When the kernel finds no room for a neighbour
 * entry (the table is one for every namespace, {@code gc_thresh3} entries; see {@link NeighbourBudget}) it drops the
 * packet that needed it and counts a "table full" ({@code /proc/net/stat/arp_cache}, {@code ndisc_cache}; read in
 * netlab's own namespace). A probe that got no answer meanwhile may have sent nothing that left, so its silence
 * proves nothing: not a failure, and never a pass of a check that expects failure. An answer that came is an
 * answer, whatever the table did.
 */
public final class NeighbourOverflow {
    private NeighbourOverflow() {}

    /** The kernel's count of overflows when a probe started; {@code before} is -1 where it cannot be read. */
    public record Watch(boolean v6, long before) {
        /** Whether the table overflowed since (for any namespace: another probe's overflow may have been this one's). */
        public boolean overflowed() {
            return before >= 0 && count(v6) > before;
        }

        /**
         * {@code seen}, unless the probe got no answer ({@code answered} false) and the table overflowed while it ran:
         * then it could not run.
         */
        public Observation unlessOverflowed(Observation seen, boolean answered) {
            if (answered || !seen.ran()) return seen;
            return judged(seen, false, overflowed(), v6);
        }
    }

    static Observation judged(Observation seen, boolean answered, boolean overflowed, boolean v6) {
        if (answered || !seen.ran() || !overflowed) return seen;
        return Observation.couldNotRun("the host's neighbour table (net." + (v6 ? "ipv6" : "ipv4") + ".neigh.default.gc_thresh3, for every"
                + " namespace) overflowed while it ran, so its packets may have been dropped for want of an entry and its silence"
                + " shows nothing (it saw: " + seen.detail() + ")");
    }

    public static Watch watch(boolean v6) {
        return new Watch(v6, count(v6));
    }

    /** Overflows so far, summed over the CPUs; -1 when the kernel's statistics cannot be read. */
    static long count(boolean v6) {
        try (InputStream in = Files.newInputStream(Path.of("/proc/net/stat", v6 ? "ndisc_cache" : "arp_cache"))) {
            return tableFulls(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The sum of the {@code table_fulls} column (hexadecimal, one row per CPU) of a neighbour table's statistics. */
    static long tableFulls(String stat) {
        String[] lines = stat.strip().split("\n");
        int column = java.util.Arrays.asList(lines[0].trim().split("\\s+")).indexOf("table_fulls");
        if (column < 0) return -1;
        long sum = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length > column) sum += Long.parseLong(f[column], 16);
        }
        return sum;
    }
}
