package netlab.badinput;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A value of the wrong type: a list where a mapping belongs, a mapping where a name belongs, "yes" for a boolean
 * (YAML 1.2: a string), a quoted number, a duration without a unit it knows.
 */
final class WrongTypes implements CaseGenerator {
    static final int PER_SEED = 9;

    /** Keys with a scalar type of their own, and values of other types for them. */
    static final Map<String, List<String>> TYPED = Map.ofEntries(
            Map.entry("forwarding", List.of("yes", "1", "\"true\"", "[true]")),
            Map.entry("hub", List.of("on", "0", "'false'", "{value: true}")),
            Map.entry("share_pid", List.of("no", "2", "\"true\"")),
            Map.entry("ipv6", List.of("y", "\"false\"")),
            Map.entry("mtu", List.of("big", "1500.5", "true", "\"1500\"")),
            Map.entry("count", List.of("three", "1.5", "true", "\"3\"", "[1]")),
            Map.entry("reply_ttl", List.of("sixty-three", "63.0", "false")),
            Map.entry("retries", List.of("many", "2.5", "\"2\"")),
            Map.entry("min", List.of("few", "0.5", "[1]")),
            Map.entry("metric", List.of("low", "1.0")),
            Map.entry("exit", List.of("zero", "0.0")),
            Map.entry("timeout", List.of("fast", "-1s", "1 parsec", "[1s]")),
            Map.entry("interval", List.of("often", "5 fortnights", "{s: 1}")),
            Map.entry("settle", List.of("soon", "1h30")),
            Map.entry("expect", List.of("maybe", "[success]")));

    @Override
    public String category() {
        return "wrong-type";
    }

    @Override
    public List<Draft> generate(List<Seed> seeds, Random random) {
        List<Draft> out = new ArrayList<>();
        for (Seed seed : seeds) {
            List<Draft> typed = new ArrayList<>(), other = new ArrayList<>();
            for (Site s : seed.sites(s -> !s.isKey())) {
                List<String> wrong = TYPED.get(s.key());
                if (wrong != null && s.kind() == Site.Kind.SCALAR && !s.inFreeFormMap()) {
                    String w = wrong.get(random.nextInt(wrong.size()));
                    typed.add(Draft.text(seed.name() + ": " + s.where() + " = " + w, seed.replace(s, w)));
                } else if (!s.path().isEmpty()) {
                    String w = switch (s.kind()) {
                        case MAPPING -> "[wrong, type]";
                        case SEQUENCE -> "{wrong: type}";
                        case SCALAR -> "{wrong: type}";
                    };
                    other.add(Draft.text(seed.name() + ": " + s.where() + " (" + s.kind().name().toLowerCase() + ") = " + w, seed.replace(s, w)));
                }
            }
            Collections.shuffle(typed, random);
            Collections.shuffle(other, random);
            List<Draft> mine = new ArrayList<>(typed.subList(0, Math.min(4, typed.size())));
            for (Draft d : other) if (mine.size() < PER_SEED) mine.add(d);
            out.addAll(mine);
        }
        return out;
    }
}
