package netlab.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.lab.LabEnv;
import netlab.process.ProcResult;

/**
 * The packet counters of every firewall and NAT rule (and chain policy) in the lab's nodes, read with
 * {@code iptables-save -c} before and after the probe: a rule whose counter went up saw the probe. That is how a
 * trace names the rule that dropped it, or the NAT rule that rewrote it.
 */
final class RuleCounters {
    private static final Pattern RULE = Pattern.compile("^\\[(\\d+):(\\d+)\\] (-A (\\S+) .*)$");
    private static final Pattern POLICY = Pattern.compile("^:(\\S+) (ACCEPT|DROP) \\[(\\d+):(\\d+)\\]$");
    private static final Pattern TARGET = Pattern.compile(" -j (\\S+)");
    private static final Pattern NETLAB_COMMENT = Pattern.compile("rule (\\d+) line (\\d+)");

    /** One rule or policy that counted packets during the probe. */
    record Hit(String node, String table, String chain, String rule, String target, long packets) {
        boolean drops() {
            return target.equals("DROP") || target.equals("REJECT");
        }

        /** "rule 3 (topology line 22)" for a rule netlab made from the topology, else the rule as iptables has it. */
        String describe() {
            Matcher m = NETLAB_COMMENT.matcher(rule);
            String from = m.find() ? "rule " + m.group(1) + " of " + node + " (topology line " + m.group(2) + "): " : "";
            String text = rule.replaceAll(" -m comment --comment \"[^\"]*\"", "");
            return from + (text.startsWith(":") ? "chain " + chain + " policy " + target : "-t " + table + " " + text);
        }
    }

    private final Map<String, Map<String, long[]>> byNode;

    private RuleCounters(Map<String, Map<String, long[]>> byNode) {
        this.byNode = byNode;
    }

    /** From iptables-save -c texts by node (what {@link #read} reads from the lab). */
    static RuleCounters fromSaves(Map<String, String> saves) {
        Map<String, Map<String, long[]>> m = new LinkedHashMap<>();
        saves.forEach((node, text) -> m.put(node, parse(text)));
        return new RuleCounters(m);
    }

    static RuleCounters read(LabEnv env, Map<String, String> nodeNetns) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "rule-counters");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<ProcResult>> runs = new LinkedHashMap<>();
            nodeNetns.forEach((node, ns) -> runs.put(node, pool.submit(() ->
                    env.processes().run(List.of("ip", "netns", "exec", ns, "iptables-save", "-c"), null, Duration.ofSeconds(10)))));
            Map<String, Map<String, long[]>> out = new LinkedHashMap<>();
            for (Map.Entry<String, Future<ProcResult>> e : runs.entrySet()) {
                ProcResult r;
                try {
                    r = e.getValue().get();
                } catch (ExecutionException ex) {
                    continue;
                }
                if (r.ok()) out.put(e.getKey(), parse(r.stdout()));
            }
            return new RuleCounters(out);
        } finally {
            pool.shutdownNow();
        }
    }

    /** "table|rule text" → {packets}; policies as "table|:CHAIN POLICY". */
    static Map<String, long[]> parse(String save) {
        Map<String, long[]> m = new LinkedHashMap<>();
        String table = "";
        for (String line : save.lines().toList()) {
            if (line.startsWith("*")) {
                table = line.substring(1).strip();
                continue;
            }
            Matcher r = RULE.matcher(line);
            if (r.matches()) {
                m.merge(table + "|" + r.group(3), new long[] {Long.parseLong(r.group(1))}, (x, y) -> new long[] {x[0] + y[0]});
                continue;
            }
            Matcher p = POLICY.matcher(line);
            if (p.matches()) m.put(table + "|:" + p.group(1) + " " + p.group(2), new long[] {Long.parseLong(p.group(3))});
        }
        return m;
    }

    /** Rules whose counters went up between {@code before} and this. */
    List<Hit> since(RuleCounters before) {
        List<Hit> hits = new ArrayList<>();
        byNode.forEach((node, rules) -> rules.forEach((key, count) -> {
            long was = before.byNode.getOrDefault(node, Map.of()).getOrDefault(key, new long[] {0})[0];
            if (count[0] <= was) return;
            String table = key.substring(0, key.indexOf('|'));
            String rule = key.substring(key.indexOf('|') + 1);
            String chain, target;
            if (rule.startsWith(":")) {
                String[] w = rule.substring(1).split(" ");
                chain = w[0];
                target = w[1];
            } else {
                chain = rule.split(" ")[1];
                Matcher t = TARGET.matcher(rule);
                target = t.find() ? t.group(1) : "";
            }
            hits.add(new Hit(node, table, chain, rule, target, count[0] - was));
        }));
        return hits;
    }
}
