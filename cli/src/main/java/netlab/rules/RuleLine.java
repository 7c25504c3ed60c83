package netlab.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * One rule as iptables takes it: the chain it is appended to, what it matches and what it does. The comment that
 * marks it as the lab's goes between the two, where iptables-save prints it.
 *
 * @param matches e.g. {@code [-s, 10.0.0.0/24, -o, eth2]}
 * @param target  e.g. {@code [-j, MASQUERADE]}
 * @param note    what the line is for, added to its comment when the entry makes several ("service web -> web1"); may be empty
 */
public record RuleLine(Table table, String chain, List<String> matches, List<String> target, String note) {
    public RuleLine {
        matches = List.copyOf(matches);
        target = List.copyOf(target);
    }

    public RuleLine(Table table, String chain, List<String> matches, List<String> target) {
        this(table, chain, matches, target, "");
    }

    /** The line for iptables-restore: {@code -A CHAIN MATCHES -m comment --comment "COMMENT" TARGET}. */
    public String text(String comment) {
        List<String> words = new ArrayList<>(List.of("-A", chain));
        words.addAll(matches);
        words.addAll(List.of("-m", "comment", "--comment", "\"" + comment + "\""));
        words.addAll(target);
        return String.join(" ", words);
    }

    /** The same without the comment: what decides the rule's effect (and its fingerprint). */
    public String body() {
        List<String> words = new ArrayList<>(List.of(table.label(), chain));
        words.addAll(matches);
        words.addAll(target);
        return String.join(" ", words);
    }
}
