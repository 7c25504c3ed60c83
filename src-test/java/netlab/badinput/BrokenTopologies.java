package netlab.badinput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The bad-input corpus: several hundred topologies, each broken in one known way, made from the example labs
 * (so it grows with them) and from hand-written cases. The same corpus feeds the unit test
 * ({@code BadInputCorpusTest}, in-process {@code validate}) and {@code scripts/bad-input.sh} (the built binary,
 * {@code validate} and {@code up} as root), which writes it to a directory with {@link #main}.
 */
public final class BrokenTopologies {
    /** The corpus must stay at least this large (the reliability target). */
    public static final int MINIMUM = 300;

    static final List<CaseGenerator> GENERATORS = List.of(new Truncations(), new WrongTypes(), new UnknownKeys(),
            new BadAddresses(), new DanglingReferences(), new HugeValues(), new BadEncodings(), new DeepNesting(),
            new Aliases(), new YamlOddities(), new BrokenStructure());

    private BrokenTopologies() {}

    /** Every case, numbered in a stable order: the same seeds give the same corpus. */
    public static List<BrokenTopology> corpus(Path topologiesDir) throws IOException {
        List<Seed> seeds = Seed.fromDirectory(topologiesDir);
        List<BrokenTopology> out = new ArrayList<>();
        java.util.Set<java.nio.ByteBuffer> seen = new java.util.HashSet<>();
        for (CaseGenerator g : GENERATORS) {
            // one fixed random sequence per generator: adding a generator does not reshuffle the others
            Random random = new Random(g.category().hashCode());
            for (Draft d : g.generate(seeds, random)) {
                // two generators (or two random picks) can make the same file: keep it once
                if (!seen.add(java.nio.ByteBuffer.wrap(d.bytes()))) continue;
                out.add(new BrokenTopology(String.format("%04d", out.size() + 1), g.category(), d.what(), d.bytes()));
            }
        }
        return out;
    }

    /**
     * Writes the corpus to a directory: one file per case, and {@code index.tsv} (file, category, what).
     * Usage: {@code java -cp target/test-classes:target/netlab.jar netlab.badinput.BrokenTopologies OUT_DIR [TOPOLOGIES_DIR]}
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: BrokenTopologies OUT_DIR [TOPOLOGIES_DIR]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Path seeds = Path.of(args.length > 1 ? args[1] : "topologies");
        Files.createDirectories(out);
        StringBuilder index = new StringBuilder();
        List<BrokenTopology> corpus = corpus(seeds);
        for (BrokenTopology c : corpus) {
            Files.write(out.resolve(c.fileName()), c.bytes());
            index.append(c.fileName()).append('\t').append(c.category()).append('\t').append(c.what().replace('\t', ' ')).append('\n');
        }
        Files.writeString(out.resolve("index.tsv"), index, StandardCharsets.UTF_8);
        System.out.println(corpus.size());
    }
}
