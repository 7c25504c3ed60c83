package netlab.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The kernel's IPv4 neighbour (ARP) table is one table for every network namespace of the machine, with one
 * limit (gc_thresh3): a machine running many labs can fill it, and then no namespace can resolve a new
 * neighbour. Read-only look at /proc, to say so when that is why a packet went nowhere.
 */
final class NeighbourTable {
    private NeighbourTable() {}

    /** "the kernel's neighbour table is full (1025 entries, limit 1024...)" when it is at its limit. */
    static Optional<String> fullness() {
        try {
            List<String> stat = Files.readAllLines(Path.of("/proc/net/stat/arp_cache"));
            long entries = Long.parseLong(stat.get(1).trim().split("\\s+")[0], 16);
            // readAllLines: procfs files report size 0, which trips readers that trust the size
            long limit = Long.parseLong(Files.readAllLines(Path.of("/proc/sys/net/ipv4/neigh/default/gc_thresh3")).get(0).trim());
            if (entries < limit) return Optional.empty();
            return Optional.of("the kernel's neighbour table is full (" + entries + " entries for all namespaces of this machine, limit "
                    + limit + " = net.ipv4.neigh.default.gc_thresh3); other labs hold them");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
