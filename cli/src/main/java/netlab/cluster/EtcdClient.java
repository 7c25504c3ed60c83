package netlab.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.errors.NetlabException;
import netlab.json.Json;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;
import netlab.process.ShellQuote;

/**
 * Talks to the cluster's etcd with Debian's etcdctl (API v3), run inside a lab namespace: the node that would talk to
 * etcd in a real cluster (a node's flanneld leasing its subnet and reading the others', or the etcd node itself). So
 * every request really crosses the lab's network to etcd's lab address, etcd needs no port on the host, and each
 * request is a command a user can type: {@code up --dry-run} prints exactly these. A few requests per node and
 * operation, so a process each costs little; values come back as JSON ({@code -w json}, keys and values in base64).
 *
 * @param netns    the namespace the request is made from
 * @param endpoint etcd's client URL, {@code http://192.168.0.2:2379}
 */
public record EtcdClient(ProcessRunner processes, String netns, String endpoint) {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** How long a freshly started etcd may take to answer (a one-member cluster elects itself within a second or two). */
    static final Duration READY_LIMIT = Duration.ofSeconds(20);

    /** The etcdctl command line, run in the namespace. */
    public List<String> argv(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", netns, "etcdctl", "--endpoints=" + endpoint,
                "--dial-timeout=2s", "--command-timeout=5s"));
        argv.addAll(List.of(args));
        return argv;
    }

    /** The same as a shell line ({@code up --dry-run}). */
    public String shell(String... args) {
        return ShellQuote.join(argv(args));
    }

    /** Polls etcd until it answers; fails after {@link #READY_LIMIT} with etcdctl's own words. */
    public void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        while (true) {
            ProcResult r = processes.run(argv("endpoint", "health"), null, TIMEOUT);
            if (r.ok()) return;
            if (System.nanoTime() > deadline) {
                throw NetlabException.failed("etcd at " + endpoint + " did not answer within " + READY_LIMIT.toSeconds() + " s (asked from "
                        + netns + "): " + r.errorText());
            }
            Thread.sleep(100);
        }
    }

    public void put(String key, String value) throws InterruptedException {
        check(processes.run(argv("put", key, value), null, TIMEOUT), "put " + key);
    }

    /** Every key under a prefix with its value, in key order. */
    public Map<String, String> getPrefix(String prefix) throws InterruptedException {
        ProcResult r = check(processes.run(argv("get", "--prefix", prefix, "-w", "json"), null, TIMEOUT), "get --prefix " + prefix);
        return kvs(Json.parse(r.stdout()));
    }

    /** Deletes a key; true when it was there. */
    public boolean delete(String key) throws InterruptedException {
        ProcResult r = check(processes.run(argv("del", key), null, TIMEOUT), "del " + key);
        return r.stdout().strip().equals("1");
    }

    /**
     * Writes the key only if it does not exist, in one transaction (etcd's compare-and-set, as flannel leases a
     * subnet); empty when it was written, else the value someone else holds.
     */
    public Optional<String> createIfAbsent(String key, String value) throws InterruptedException {
        ProcResult r = check(processes.run(argv("txn", "-w", "json"), txn(key, value), TIMEOUT), "txn create " + key);
        Object doc = Json.parse(r.stdout());
        if (doc instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("succeeded"))) return Optional.empty();
        // On failure the transaction ran its "get": the value that is there.
        if (doc instanceof Map<?, ?> m && m.get("responses") instanceof List<?> rs) {
            for (Object resp : rs) {
                if (resp instanceof Map<?, ?> rm && rm.get("Response") instanceof Map<?, ?> inner && inner.get("ResponseRange") instanceof Map<?, ?> range) {
                    Map<String, String> found = kvs(range);
                    if (found.containsKey(key)) return Optional.of(found.get(key));
                }
            }
        }
        return Optional.of("");
    }

    /** The transaction etcdctl txn reads: compare (the key was never created), then the puts, then the else-branch. */
    static String txn(String key, String value) {
        return "create(\"" + key + "\") = \"0\"\n\nput " + key + " " + value + "\n\nget " + key + "\n\n";
    }

    /** Keys and values of etcdctl's JSON ({@code kvs} of a range response), decoded from base64. */
    static Map<String, String> kvs(Object doc) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!(doc instanceof Map<?, ?> m) || !(m.get("kvs") instanceof List<?> kvs)) return out;
        Base64.Decoder b64 = Base64.getDecoder();
        for (Object o : kvs) {
            if (o instanceof Map<?, ?> kv && kv.get("key") instanceof String k) {
                String v = kv.get("value") instanceof String s ? new String(b64.decode(s), StandardCharsets.UTF_8) : "";
                out.put(new String(b64.decode(k), StandardCharsets.UTF_8), v);
            }
        }
        return out;
    }

    private ProcResult check(ProcResult r, String what) {
        if (r.ok()) return r;
        throw NetlabException.failed("etcd at " + endpoint + " (asked from " + netns + "): '" + what + "' failed: "
                + r.errorText().lines().filter(l -> !l.startsWith("{\"level\"")).reduce((a, b) -> a + "; " + b).orElse(r.errorText()));
    }
}
