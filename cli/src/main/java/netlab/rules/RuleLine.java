package netlab.rules;

import java.util.ArrayList;
import java.util.List;
import netlab.plan.RuleSet;
import netlab.runtime.Table;

/**
 * One rule as iptables takes it: the chain it is appended to, what it matches and what it does. The comment that
 * marks it as the lab's goes between the two, where iptables-save prints it.
 *
 * <p>It becomes one line of {@code iptables-restore} input, which splits at blanks, groups a double-quoted word and
 * takes a backslash as an escape. So every word is plain (printable ASCII, no blank, quote or backslash) and the
 * comment, the one quoted word, has no quote, backslash or line break either: no value can add a rule, end the
 * comment early or make a word iptables reads otherwise. Validation keeps topology values to that; this is the last
 * guard, so a value it missed stops the plan instead of reaching iptables-restore.
 *
 * @param matches e.g. {@code [-s, 10.0.0.0/24, -o, eth2]}
 * @param target  e.g. {@code [-j, MASQUERADE]}
 * @param note    what the line is for, added to its comment when the entry makes several ("service web -> web1"); may be empty
 */
public record RuleLine(Table table, String chain, List<String> matches, List<String> target, String note) {
    public RuleLine {
        matches = List.copyOf(matches);
        target = List.copyOf(target);
        plain(chain);
        matches.forEach(RuleLine::plain);
        target.forEach(RuleLine::plain);
        comment(note);
    }

    public RuleLine(Table table, String chain, List<String> matches, List<String> target) {
        this(table, chain, matches, target, "");
    }

    /** The rule as iptables-restore takes it, with its comment: {@code -A CHAIN MATCHES -m comment --comment "COMMENT" TARGET}. */
    public RuleSet.Rule rule(String comment) {
        return new RuleSet.Rule(chain, matches, target, comment);
    }

    /** The same without the comment: what decides the rule's effect (and its fingerprint). */
    public String body() {
        List<String> words = new ArrayList<>(List.of(table.label(), chain));
        words.addAll(matches);
        words.addAll(target);
        return String.join(" ", words);
    }

    private static void plain(String word) {
        RuleSet.word(word);
    }

    private static void comment(String text) {
        RuleSet.comment(text);
    }
}
