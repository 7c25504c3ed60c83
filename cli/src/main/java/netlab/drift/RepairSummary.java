package netlab.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a converging up did, in a few words: "restored 2 routes and 1 server, removed 1 address, replaced 1 rule". */
public final class RepairSummary {
    private RepairSummary() {}

    public static String of(List<Drift> repaired) {
        // verb → noun → count, verbs and nouns in the order of Change and Thing
        Map<String, Map<String, Integer>> byVerb = new LinkedHashMap<>();
        Map<String, String[]> nouns = new LinkedHashMap<>();
        for (Drift.Change c : Drift.Change.values()) {
            for (Drift.Thing t : Drift.Thing.values()) {
                for (Drift d : repaired) {
                    if (d.change() != c || d.thing() != t) continue;
                    String[] noun = noun(c, t);
                    nouns.put(noun[0], noun);
                    byVerb.computeIfAbsent(verb(c, t), k -> new LinkedHashMap<>()).merge(noun[0], 1, Integer::sum);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        byVerb.forEach((verb, counts) -> {
            List<String> items = new ArrayList<>();
            counts.forEach((noun, n) -> items.add(n + " " + (n == 1 ? noun : nouns.get(noun)[1])));
            String last = items.remove(items.size() - 1);
            parts.add(verb + " " + (items.isEmpty() ? last : String.join(", ", items) + " and " + last));
        });
        return String.join(", ", parts);
    }

    private static String verb(Drift.Change c, Drift.Thing t) {
        if (c == Drift.Change.CHANGED && t == Drift.Thing.RULE) return "replaced";
        if (c == Drift.Change.MISSING && t == Drift.Thing.DAEMON) return "restarted";
        return c.repaired();
    }

    /** Singular and plural. */
    private static String[] noun(Drift.Change c, Drift.Thing t) {
        if (c == Drift.Change.CHANGED && t == Drift.Thing.INTERFACE) return new String[] {"interface setting", "interface settings"};
        if (c == Drift.Change.CHANGED && t == Drift.Thing.CHAIN) return new String[] {"chain policy", "chain policies"};
        return new String[] {t.singular(), t.plural()};
    }
}
