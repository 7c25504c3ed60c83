package netlab.badinput;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Files cut short, as an interrupted copy or a full disk leaves them. Every cut is placed where the rest is sure
 * to be wrong: inside an unclosed {@code {...}}, {@code [...]} or quoted string (a syntax error), or before the
 * {@code nodes:} key (a topology without nodes).
 */
final class Truncations implements CaseGenerator {
    static final int PER_SEED = 5;

    @Override
    public String category() {
        return "truncated";
    }

    @Override
    public List<Draft> generate(List<Seed> seeds, Random random) {
        List<Draft> out = new ArrayList<>();
        for (Seed seed : seeds) {
            List<Draft> mine = new ArrayList<>();
            seed.sites(s -> s.isKey() && s.path().equals(List.of("nodes")))
                    .forEach(s -> mine.add(Draft.text(seed.name() + ": cut before 'nodes:' (offset " + s.start() + ")", seed.truncate(s.start()))));
            List<Site> open = new ArrayList<>(seed.sites(s -> (s.flow() && s.end() - s.start() > 2) || (s.quoted() && s.end() - s.start() > 2)));
            Collections.shuffle(open, random);
            for (Site s : open) {
                if (mine.size() >= PER_SEED) break;
                int cut = s.start() + 1 + random.nextInt(s.end() - s.start() - 1);
                mine.add(Draft.text(seed.name() + ": cut at offset " + cut + " inside " + s.where(), seed.truncate(cut)));
            }
            out.addAll(mine);
        }
        return out;
    }
}
