package netlab.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;

/**
 * The rules a node's namespace really holds, with their packet counters, read with {@code iptables-save -c} inside
 * the namespace: for {@code inspect} (which rule did packets hit?), {@code status} and a converging {@code up}.
 */
public record LiveRules(List<Chain> chains, List<Entry> rules) {
    private static final Pattern CHAIN = Pattern.compile(":(\\S+) (\\S+) \\[(\\d+):(\\d+)]");
    /** A rule, with its counters ({@code iptables-save -c}) or without (plain iptables-save, iptables-restore input). */
    private static final Pattern RULE = Pattern.compile("(?:\\[(\\d+):(\\d+)] )?-A (\\S+) (.*)");
    /** The comment match, also first in a rule that matches nothing else ({@code -A POSTROUTING -m comment ... -j CHAIN}). */
    private static final Pattern COMMENT = Pattern.compile("(?:^| )-m comment --comment (\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+))");

    public LiveRules {
        chains = List.copyOf(chains);
        rules = List.copyOf(rules);
    }

    /** A chain with its policy ("-" for user chains) and the packets the policy decided. */
    public record Chain(String table, String name, String policy, long packets, long bytes) {}

    /**
     * One rule with its counters.
     *
     * @param rule    the rule without its chain and comment: {@code -s 10.0.0.0/24 -o eth2 -j MASQUERADE}
     * @param comment its comment ({@code netlab:LAB:FP rule N line L} for netlab's), empty when it has none
     */
    public record Entry(String table, String chain, long packets, long bytes, String rule, String comment) {}

    public static List<String> argv(String netns) {
        return argv(netns, false);
    }

    /** {@code iptables-save -c} (or ip6tables-save) inside the namespace. */
    public static List<String> argv(String netns, boolean v6) {
        return List.of("ip", "netns", "exec", netns, v6 ? "ip6tables-save" : "iptables-save", "-c");
    }

    /** Reads the namespace's tables; a namespace without any (or without iptables) reads as empty. */
    public static LiveRules read(ProcessRunner processes, String netns) throws InterruptedException {
        return read(processes, netns, false);
    }

    /** Reads the namespace's IPv4 (or IPv6) tables; none (or no iptables) reads as empty. */
    public static LiveRules read(ProcessRunner processes, String netns, boolean v6) throws InterruptedException {
        ProcResult r = processes.run(argv(netns, v6), null, Duration.ofSeconds(10));
        return r.ok() ? parse(r.stdout()) : new LiveRules(List.of(), List.of());
    }

    public static LiveRules parse(String save) {
        List<Chain> chains = new ArrayList<>();
        List<Entry> rules = new ArrayList<>();
        String table = "";
        for (String line : save.split("\n")) {
            String l = line.strip();
            if (l.startsWith("*")) {
                table = l.substring(1);
                continue;
            }
            Matcher c = CHAIN.matcher(l);
            if (c.matches()) {
                chains.add(new Chain(table, c.group(1), c.group(2), Long.parseLong(c.group(3)), Long.parseLong(c.group(4))));
                continue;
            }
            Matcher r = RULE.matcher(l);
            if (!r.matches()) continue;
            String rest = r.group(4);
            String comment = "";
            Matcher cm = COMMENT.matcher(rest);
            if (cm.find()) {
                comment = cm.group(2) != null ? cm.group(2).replaceAll("\\\\(.)", "$1") : cm.group(3); // iptables-save escapes " and '
                rest = (rest.substring(0, cm.start()) + rest.substring(cm.end())).strip();
            }
            rules.add(new Entry(table, r.group(3), r.group(1) == null ? 0 : Long.parseLong(r.group(1)),
                    r.group(2) == null ? 0 : Long.parseLong(r.group(2)), rest, comment));
        }
        return new LiveRules(chains, rules);
    }

    /** How many rules carry a comment of the rule set {@code mark}. */
    public int countMarked(String mark) {
        return (int) rules.stream().filter(e -> e.comment().startsWith(mark + " ")).count();
    }

    /** Only the tables netlab manages (filter, nat), for display. */
    public LiveRules managedTables() {
        List<String> managed = java.util.Arrays.stream(Table.values()).map(Table::label).toList();
        return new LiveRules(chains.stream().filter(c -> managed.contains(c.table())).toList(),
                rules.stream().filter(e -> managed.contains(e.table())).toList());
    }
}
