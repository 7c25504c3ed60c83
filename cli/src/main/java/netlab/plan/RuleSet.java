package netlab.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.source.Printable;

/**
 * Whole iptables tables as {@code iptables-restore} replaces them: each table's chains with their policies, then its
 * rules, each rule with the comment that marks it as the lab's. {@link #restoreInput} writes it in iptables-restore's
 * language, the only place that is written, for the program and for the dry run.
 *
 * <p>iptables-restore splits a line at blanks, groups a double-quoted word and takes a backslash as an escape. So every
 * word here is plain (printable ASCII, no blank, quote or backslash) and a comment, the one quoted word, has no quote,
 * backslash or line break either: no value can add a rule, end the comment early or make a word iptables reads
 * otherwise. Validation keeps topology values to that; the records check it again, so a value it missed stops the plan
 * instead of reaching iptables-restore.
 *
 * @param owner whose set it is, said in a comment line at the top (empty: tables a converging up empties)
 */
public record RuleSet(Optional<Owner> owner, List<Table> tables) {
    public RuleSet {
        tables = List.copyOf(tables);
    }

    /** The node and lab a rule set belongs to. */
    public record Owner(String node, String lab) {
        public Owner {
            word(node);
            word(lab);
        }
    }

    /** One table ({@code filter}, {@code nat}…): its chains in order, then its rules in order. */
    public record Table(String name, List<Chain> chains, List<Rule> rules) {
        public Table {
            word(name);
            chains = List.copyOf(chains);
            rules = List.copyOf(rules);
        }
    }

    /** A chain and its policy: ACCEPT, DROP… for a built-in chain, {@code -} for a chain of the set's own. */
    public record Chain(String name, String policy) {
        public Chain {
            word(name);
            word(policy);
        }
    }

    /** {@code -A CHAIN MATCHES -m comment --comment "COMMENT" TARGET}. */
    public record Rule(String chain, List<String> matches, List<String> target, String comment) {
        public Rule {
            word(chain);
            matches = List.copyOf(matches);
            target = List.copyOf(target);
            for (String w : matches) word(w);
            for (String w : target) word(w);
            RuleSet.comment(comment);
        }

        /** What the rule matches and does, without its comment, word by word: -s 10.0.0.0/24 -o eth2 -j MASQUERADE. */
        public List<String> words() {
            List<String> words = new ArrayList<>(matches);
            words.addAll(target);
            return words;
        }
        /** Its line of iptables-restore input. */
        public String line() {
            List<String> words = new ArrayList<>(List.of("-A", chain));
            words.addAll(matches);
            words.addAll(List.of("-m", "comment", "--comment", "\"" + comment + "\""));
            words.addAll(target);
            return String.join(" ", words);
        }
    }

    /** The set as {@code iptables-restore} input: every table ends in COMMIT. */
    public String restoreInput() {
        StringBuilder sb = new StringBuilder();
        if (owner.isPresent()) {
            sb.append("# netlab: the rules of node ").append(owner.get().node()).append(" (lab ").append(owner.get().lab())
                    .append("); replaces its filter and nat tables\n");
        }
        for (Table t : tables) {
            sb.append('*').append(t.name()).append('\n');
            for (Chain c : t.chains()) sb.append(':').append(c.name()).append(' ').append(c.policy()).append(" [0:0]\n");
            for (Rule r : t.rules()) sb.append(r.line()).append('\n');
            sb.append("COMMIT\n");
        }
        return sb.toString();
    }

    /** The same tables after {@code more}'s (which name other tables), under this set's owner. */
    public RuleSet plus(List<Table> more) {
        List<Table> all = new ArrayList<>(tables);
        all.addAll(more);
        return new RuleSet(owner, all);
    }

    /** A word iptables-restore reads as written; else an IllegalArgumentException. */
    public static String word(String word) {
        if (word == null || word.isEmpty() || !word.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '"' && c != '\'' && c != '\\')) {
            throw new IllegalArgumentException("an iptables word that iptables-restore would not read as written: '"
                    + (word == null ? "null" : Printable.line(word)) + "'");
        }
        return word;
    }

    /** A comment iptables-restore reads as written inside its double quotes; else an IllegalArgumentException. */
    public static String comment(String text) {
        if (!text.chars().allMatch(c -> c >= ' ' && c < 0x7f && c != '"' && c != '\'' && c != '\\')) {
            throw new IllegalArgumentException("an iptables comment that iptables-restore would not read as written: '"
                    + Printable.line(text) + "'");
        }
        return text;
    }
}
