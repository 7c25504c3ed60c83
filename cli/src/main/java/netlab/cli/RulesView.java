package netlab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import netlab.console.Table;
import netlab.runtime.LiveRules;

/**
 * Prints a node's filter and nat rules with their packet counters, so a user sees which rule the traffic hit;
 * netlab's rules are labelled with the topology entry that made them.
 */
final class RulesView {
    private RulesView() {}

    static void print(String node, String lab, LiveRules rules, PrintStream out) {
        out.println("rules of " + node + " (packets and bytes each rule matched, from iptables-save -c):");
        if (rules.rules().isEmpty()) {
            out.println("  (none)");
        } else {
            Table t = new Table("  TABLE", "CHAIN", "PKTS", "BYTES", "RULE", "FROM");
            for (LiveRules.Entry e : rules.rules()) {
                t.row("  " + e.table(), e.chain(), Long.toString(e.packets()), Long.toString(e.bytes()), e.rule(), origin(e, lab));
            }
            t.print(out);
        }
        List<String> policies = new ArrayList<>();
        for (LiveRules.Chain c : rules.chains()) {
            if (c.policy().equals("-")) continue; // a chain of its own (kube-proxy's): no policy, its rules are listed above
            if (c.packets() > 0 || !c.policy().equals("ACCEPT")) policies.add(c.table() + " " + c.name() + " " + c.policy() + " " + c.packets());
        }
        if (!policies.isEmpty()) out.println("  packets no rule decided (chain policy): " + String.join(", ", policies));
    }

    /** "rule 2 line 22" for netlab's own rules; the comment, or "not netlab's", for others. */
    static String origin(LiveRules.Entry e, String lab) {
        String mine = "netlab:" + lab + ":";
        if (e.comment().isEmpty()) return "not netlab's";
        String c = e.comment();
        if (!c.startsWith(mine)) return "not netlab's: " + c;
        int space = c.indexOf(' ');
        return space < 0 ? c : c.substring(space + 1);
    }
}
