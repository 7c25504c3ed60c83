package netlab.badinput;

import java.util.List;
import java.util.Random;

/** Makes one category of broken topologies, from the example topologies (seeds) or from scratch. */
interface CaseGenerator {
    /** Short name used in file names: wrong-type, bad-address... */
    String category();

    /** Deterministic for a given {@code random}: the corpus is the same on every run. */
    List<Draft> generate(List<Seed> seeds, Random random);
}
