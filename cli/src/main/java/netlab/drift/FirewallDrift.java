package netlab.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.plan.RuleSet;
import netlab.runtime.LiveRules;
import netlab.runtime.SaveForm;

/**
 * Compares a namespace's firewall, as iptables-save prints it, with what netlab would install: rule by rule (the whole
 * rule with its comment, in its chain's order), chain by chain with its policy, table by table. A node with rules must
 * hold exactly its set in the filter and nat tables; every other table, and every table of a node without rules,
 * must be empty: built-in chains accepting, no rule, no chain of its own.
 */
final class FirewallDrift {
    private FirewallDrift() {}

    /**
     * The differences, and what repairs them: a restore input (netlab's set, or tables emptied where they cannot be
     * deleted: legacy iptables), and nf_tables tables to delete whole (a fresh namespace has none).
     */
    record Result(List<Drift> drift, Optional<RuleSet> restore, List<String> deleteTables) {}

    static Result compare(String where, Optional<RuleSet> expected, LiveRules found, boolean v6, boolean keepExtra) {
        return compare(where, expected, found, v6, keepExtra, java.util.Set.of());
    }

    /**
     * @param expected  the node's rule set, or empty: the node has no rules (always so for IPv6)
     * @param v6        the IPv6 tables (named "ip6 filter" in messages)
     * @param nftTables the namespace's nf_tables tables ("ip filter", "ip6 nat"): a table netlab has no rules for that is
     *                  one of them is deleted, as a fresh namespace has none
     */
    static Result compare(String where, Optional<RuleSet> expected, LiveRules found, boolean v6, boolean keepExtra, java.util.Set<String> nftTables) {
        Map<String, Table> want = expected.isPresent() ? tables(expected.get()) : new LinkedHashMap<>();
        Map<String, Table> have = tables(found);
        List<Drift> drift = new ArrayList<>();
        Set<String> repairTables = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>(want.keySet());
        names.addAll(have.keySet());
        String prefix = v6 ? "ip6 " : "";
        for (String table : names) {
            Table w = want.getOrDefault(table, have.containsKey(table) ? have.get(table).emptied() : new Table());
            Table h = have.getOrDefault(table, new Table());
            List<Drift> d = compareTable(where, prefix + table, w, h);
            if (d.isEmpty()) continue;
            drift.addAll(d);
            if (!keepExtra || d.stream().anyMatch(x -> x.change() != Drift.Change.EXTRA)) repairTables.add(table);
        }
        if (repairTables.isEmpty()) return new Result(drift, Optional.empty(), List.of());
        boolean own = false;
        if (expected.isPresent() && want.keySet().stream().anyMatch(repairTables::contains)) {
            // netlab's own set replaces its tables whole, as up applies them
            own = true;
            repairTables.removeAll(want.keySet());
        }
        List<String> delete = new ArrayList<>();
        List<RuleSet.Table> emptied = new ArrayList<>();
        for (String table : repairTables) {
            if (nftTables.contains((v6 ? "ip6 " : "ip ") + table)) delete.add(table);
            else emptied.add(have.get(table).emptied().restore(table));
        }
        RuleSet restore = own ? expected.get().plus(emptied) : new RuleSet(Optional.empty(), emptied);
        return new Result(drift, restore.tables().isEmpty() ? Optional.empty() : Optional.of(restore), delete);
    }

    private static List<Drift> compareTable(String where, String table, Table want, Table have) {
        List<Drift> out = new ArrayList<>();
        Set<String> chains = new LinkedHashSet<>(want.policies.keySet());
        chains.addAll(have.policies.keySet());
        for (String chain : chains) {
            String wp = want.policies.get(chain), hp = have.policies.get(chain);
            String name = table + " " + chain;
            if (hp == null) out.add(Drift.missing(where, Drift.Thing.CHAIN, name));
            else if (wp == null) out.add(Drift.extra(where, Drift.Thing.CHAIN, name));
            else if (!wp.equals(hp)) out.add(Drift.changed(where, Drift.Thing.CHAIN, name + " policy", wp, hp));
            out.addAll(compareRules(where, name, want.rules.getOrDefault(chain, List.of()), have.rules.getOrDefault(chain, List.of())));
        }
        return out;
    }

    /**
     * Aligns the two chains by their longest common subsequence, so one inserted or deleted rule is named as such
     * instead of shifting every rule after it; an unmatched expected rule facing an unmatched found one is a change.
     */
    /** One rule: what it matches and does, and its comment (whose rule it is: netlab's name the topology entry). */
    record Rule(String body, String comment) {
        String text() {
            return comment.isEmpty() ? body : body + " (comment \"" + comment + "\")";
        }
    }

    static List<Drift> compareRules(String where, String chain, List<Rule> want, List<Rule> have) {
        int n = want.size(), m = have.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = want.get(i).equals(have.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Drift> out = new ArrayList<>();
        List<Rule> missing = new ArrayList<>(), extra = new ArrayList<>();
        List<Integer> missingAt = new ArrayList<>(), extraAt = new ArrayList<>();
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && want.get(i).equals(have.get(j))) {
                flush(where, chain, missing, missingAt, extra, extraAt, out);
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                extra.add(have.get(j));
                extraAt.add(j + 1);
                j++;
            } else {
                missing.add(want.get(i));
                missingAt.add(i + 1);
                i++;
            }
        }
        flush(where, chain, missing, missingAt, extra, extraAt, out);
        return out;
    }

    private static void flush(String where, String chain, List<Rule> missing, List<Integer> missingAt, List<Rule> extra,
                              List<Integer> extraAt, List<Drift> out) {
        int pairs = Math.min(missing.size(), extra.size());
        for (int k = 0; k < pairs; k++) {
            Rule w = missing.get(k), h = extra.get(k);
            if (w.comment().equals(h.comment())) {
                // the same comment, another rule: what was rewritten is the rule itself
                String whose = w.comment().isEmpty() ? "" : " (comment \"" + w.comment() + "\")";
                out.add(Drift.changed(where, Drift.Thing.RULE, chain + " #" + missingAt.get(k) + whose, w.body(), h.body()));
            } else {
                out.add(Drift.changed(where, Drift.Thing.RULE, chain + " #" + missingAt.get(k), w.text(), h.text()));
            }
        }
        for (int k = pairs; k < missing.size(); k++) out.add(Drift.missing(where, Drift.Thing.RULE, chain + " #" + missingAt.get(k) + ": " + missing.get(k).text()));
        for (int k = pairs; k < extra.size(); k++) out.add(Drift.extra(where, Drift.Thing.RULE, chain + " #" + extraAt.get(k) + ": " + extra.get(k).text()));
        missing.clear();
        missingAt.clear();
        extra.clear();
        extraAt.clear();
    }

    /** One table: each chain's policy ("-" for a chain of its own) and its rules in order. */
    private static final class Table {
        final Map<String, String> policies = new LinkedHashMap<>();
        final Map<String, List<Rule>> rules = new LinkedHashMap<>();

        /** The same table as netlab expects a table it has no rules for: built-in chains accepting, nothing else. */
        Table emptied() {
            Table t = new Table();
            policies.forEach((chain, policy) -> {
                if (!policy.equals("-")) t.policies.put(chain, "ACCEPT");
            });
            return t;
        }

        /** The table as iptables-restore takes it: its chains with their policies, no rule. */
        RuleSet.Table restore(String table) {
            List<RuleSet.Chain> chains = new ArrayList<>();
            policies.forEach((chain, policy) -> chains.add(new RuleSet.Chain(chain, policy)));
            return new RuleSet.Table(table, chains, List.of());
        }
    }

    /** The tables as the kernel lists them (iptables-save). */
    private static Map<String, Table> tables(LiveRules r) {
        Map<String, Table> out = new LinkedHashMap<>();
        for (LiveRules.Chain c : r.chains()) out.computeIfAbsent(c.table(), k -> new Table()).policies.put(c.name(), c.policy());
        for (LiveRules.Entry e : r.rules()) {
            String rule = e.rule().replaceAll("\\s+", " ").strip();
            out.computeIfAbsent(e.table(), k -> new Table()).rules.computeIfAbsent(e.chain(), k -> new ArrayList<>()).add(new Rule(rule, e.comment()));
        }
        return out;
    }

    /** netlab's set, its rules put in iptables-save's form to compare with what the kernel lists. */
    private static Map<String, Table> tables(RuleSet set) {
        Map<String, Table> out = new LinkedHashMap<>();
        for (RuleSet.Table t : set.tables()) {
            Table table = out.computeIfAbsent(t.name(), k -> new Table());
            for (RuleSet.Chain c : t.chains()) table.policies.put(c.name(), c.policy());
            for (RuleSet.Rule r : t.rules()) {
                table.rules.computeIfAbsent(r.chain(), k -> new ArrayList<>()).add(new Rule(SaveForm.of(r.words()), r.comment()));
            }
        }
        return out;
    }
}
