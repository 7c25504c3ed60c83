package netlab.runtime.icmp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import netlab.net.IpAddress;
import netlab.runtime.ns.InNetns;

/**
 * Runs many {@link Pinger} rows at once, one per source namespace, on a few threads: an all-pairs reachability
 * matrix without a process per pair (or per host).
 */
public final class Rows {
    private Rows() {}

    /** One row: from the namespace {@code netns}, ping these targets. */
    public record Row(String netns, List<IpAddress> targets) {}

    public static Map<String, BitSet> ping(List<Row> rows, boolean v6, Duration timeout, int threads) throws InterruptedException {
        int window = Integer.getInteger("netlab.ping.window", 8);
        Duration retry = Duration.ofMillis(Long.getLong("netlab.ping.retryMs", 1100));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "netlab-ping");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<BitSet>> futures = new ArrayList<>();
            long end = System.nanoTime() + timeout.toNanos(); // one deadline for the whole matrix, not per row
            for (Row row : rows) futures.add(pool.submit(() -> InNetns.call(row.netns(), () -> Pinger.ping(row.targets(), v6, end, window, retry))));
            Map<String, BitSet> out = new LinkedHashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                try {
                    out.put(rows.get(i).netns(), futures.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("pinging from " + rows.get(i).netns() + " failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
