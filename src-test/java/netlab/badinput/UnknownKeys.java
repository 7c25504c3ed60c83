package netlab.badinput;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Keys netlab does not know: a foreign key added to a mapping, and misspellings of real keys. */
final class UnknownKeys implements CaseGenerator {
    static final int ADDED_PER_SEED = 3;
    static final int TYPOS_PER_SEED = 4;
    /** Mappings whose keys are names the user picks: a new key there is a new node or switch, not a typo. */
    static final List<String> NAME_MAPS = List.of("nodes", "switches", "interfaces", "containers", "environment", "labels", "sysctls");

    @Override
    public String category() {
        return "unknown-key";
    }

    @Override
    public List<Draft> generate(List<Seed> seeds, Random random) {
        List<Draft> out = new ArrayList<>();
        for (Seed seed : seeds) {
            List<Site> maps = new ArrayList<>(seed.sites(s -> s.kind() == Site.Kind.MAPPING && !s.isKey() && !NAME_MAPS.contains(s.key())));
            Collections.shuffle(maps, random);
            for (Site m : maps.subList(0, Math.min(ADDED_PER_SEED, maps.size()))) {
                String text;
                if (m.flow()) {
                    text = seed.insert(m.start() + 1, m.end() - m.start() == 2 ? "bogus_key: 1" : "bogus_key: 1, ");
                } else {
                    text = seed.insert(m.start(), "bogus_key: 1\n" + " ".repeat(seed.column(m.start())));
                }
                out.add(Draft.text(seed.name() + ": 'bogus_key' added to " + (m.path().isEmpty() ? "the top" : m.where()), text));
            }
            List<Site> keys = new ArrayList<>(seed.sites(s -> s.isKey() && !s.isNameKey() && !s.inFreeFormMap()));
            Collections.shuffle(keys, random);
            for (Site k : keys.subList(0, Math.min(TYPOS_PER_SEED, keys.size()))) {
                String typo = typo(k.value(), random);
                out.add(Draft.text(seed.name() + ": key " + k.where() + " misspelt '" + typo + "'", seed.replace(k, typo)));
            }
        }
        return out;
    }

    /** One letter dropped, or two swapped; a two-letter key gets its last letter doubled. */
    static String typo(String key, Random random) {
        if (key.length() <= 2) return key + key.charAt(key.length() - 1);
        int i = 1 + random.nextInt(key.length() - 2);
        if (random.nextBoolean() && key.charAt(i) != key.charAt(i + 1)) {
            return key.substring(0, i) + key.charAt(i + 1) + key.charAt(i) + key.substring(i + 2);
        }
        return key.substring(0, i) + key.substring(i + 1);
    }
}
