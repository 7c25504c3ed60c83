package netlab.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import netlab.model.LabModel;
import netlab.model.Segment;
import netlab.topology.LinkSpec;

/**
 * How many probes may send at once on a lab without the kernel dropping their broadcasts. The first packet to a host
 * on an L2 segment waits for an ARP (or NDP) broadcast, which the bridge copies to every port of the segment at once,
 * onto the queue of one CPU (net.core.netdev_max_backlog, 1000 frames by default), and the kernel drops what does not
 * fit: on a segment of 1 000 hosts, two broadcasts at once lose frames, their probes wait a second for the next try or
 * fail. So no more probes run at once than that queue holds broadcasts of the lab's largest segment.
 */
public final class FloodLimit {
    private FloodLimit() {}

    /** At most {@code jobs}, and no more broadcasts of the largest segment at once than the host's backlog holds. */
    public static int jobs(LabModel model, int jobs) {
        return jobs(jobs, backlog(), largestSegment(model));
    }

    static int jobs(int jobs, long backlog, int largestSegment) {
        if (largestSegment <= 0) return jobs;
        return (int) Math.max(1, Math.min(jobs, backlog / largestSegment));
    }

    /**
     * The most interfaces one broadcast reaches: a segment's (a switch's or a link's), and switches joined to each other
     * by links count as one (a broadcast crosses them all; VLANs, which would split it, are not counted).
     */
    static int largestSegment(LabModel model) {
        Map<String, String> domain = new HashMap<>();
        for (String sw : model.switches().keySet()) domain.put(sw, sw);
        for (LinkSpec l : model.topology().links()) {
            String a = l.a().name(), b = l.b().name();
            if (l.a().iface().isPresent() || l.b().iface().isPresent() || !domain.containsKey(a) || !domain.containsKey(b)) continue;
            String keep = domain.get(a), merged = domain.get(b);
            domain.replaceAll((sw, d) -> d.equals(merged) ? keep : d);
        }
        Map<String, Integer> size = new HashMap<>();
        int largest = 0;
        for (Segment s : model.segments()) {
            String d = domain.getOrDefault(s.name(), s.name());
            largest = Math.max(largest, size.merge(d, s.members().size(), Integer::sum));
        }
        return largest;
    }

    /** The host's net.core.netdev_max_backlog (read, never changed); 1000, the kernel's default, if unreadable. */
    static long backlog() {
        try (InputStream in = Files.newInputStream(Path.of("/proc/sys/net/core/netdev_max_backlog"))) {
            return Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return 1000;
        }
    }
}
