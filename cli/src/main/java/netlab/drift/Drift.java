package netlab.drift;

/**
 * One difference between what a lab's kernel holds and what its topology implies: in {@code where} (a node, a switch,
 * the fabric), a {@code thing} that is missing, changed or extra. {@code subject} names it ("route default via
 * 10.1.1.254", "interface eth1"); a changed one says what was expected and what was found.
 */
public record Drift(String where, Thing thing, Change change, String subject, String expected, String found) {
    public enum Change {
        MISSING("missing", "restored"), CHANGED("changed", "corrected"), EXTRA("extra", "removed");

        private final String word;
        private final String repaired;

        Change(String word, String repaired) {
            this.word = word;
            this.repaired = repaired;
        }

        public String word() {
            return word;
        }

        /** What a converging up did about it: restored, changed, removed. */
        public String repaired() {
            return repaired;
        }
    }

    /** The kinds of objects a lab owns, with their names for messages. */
    public enum Thing {
        NAMESPACE("namespace"), CONTAINER("container"), INTERFACE("interface"), ADDRESS("address", "addresses"), ROUTE("route"),
        POLICY_RULE("policy rule"), NEIGHBOUR("neighbour entry", "neighbour entries"), FDB("FDB entry", "FDB entries"),
        VLAN("VLAN"), SYSCTL("sysctl"), QDISC("qdisc"), RULE("rule"), CHAIN("chain"), SERVER("server"), LEASE("lease"),
        DAEMON("routing daemon");

        private final String singular;
        private final String plural;

        Thing(String singular) {
            this(singular, singular + "s");
        }

        Thing(String singular, String plural) {
            this.singular = singular;
            this.plural = plural;
        }

        public String singular() {
            return singular;
        }

        public String plural() {
            return plural;
        }

        public String count(int n) {
            return n + " " + (n == 1 ? singular : plural);
        }
    }

    public static Drift missing(String where, Thing thing, String subject) {
        return new Drift(where, thing, Change.MISSING, subject, "", "");
    }

    public static Drift extra(String where, Thing thing, String subject) {
        return new Drift(where, thing, Change.EXTRA, subject, "", "");
    }

    public static Drift changed(String where, Thing thing, String subject, String expected, String found) {
        return new Drift(where, thing, Change.CHANGED, subject, expected, found);
    }

    /** "h1: extra route blackhole 10.90.2.80/32", "r1: changed sysctl net.ipv4.ip_forward: expected 1, found 0". */
    public String text() {
        String head = where + ": " + change.word() + " " + thing.singular() + " " + subject;
        return change == Change.CHANGED ? head + ": expected " + expected + ", found " + found : head;
    }

    /** For --json: the fields, with the thing and change in words and the line status prints. */
    public java.util.Map<String, Object> json() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("where", where);
        m.put("thing", thing.singular());
        m.put("change", change.word());
        m.put("subject", subject);
        if (change == Change.CHANGED) {
            m.put("expected", expected);
            m.put("found", found);
        }
        m.put("text", text());
        return m;
    }

    @Override
    public String toString() {
        return text();
    }
}
