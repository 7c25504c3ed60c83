package netlab.generate;

import java.util.List;
import java.util.Optional;

/**
 * {@code netlab generate}: a lab of a known shape, as a netlab topology with its checks (use case; the command line
 * gives the numbers). Shapes and their numbers: star (hosts), linear (size switches, hosts on each), ring (size
 * routers), grid (rows x cols routers), tree (depth, fanout), clos (spines, leaves), fat-tree (k); routed shapes put
 * {@code hosts} hosts on each router facing them (leaves, edges, every router of a ring or grid).
 */
public final class Generator {
    public static final List<String> SHAPES = List.of("star", "linear", "ring", "grid", "tree", "clos", "fat-tree");
    /** Routers or switches at most; the lab's own limits (5000 nodes) apply after. */
    static final int MAX_BOXES = 5000;

    private Generator() {}

    /** What to generate; a number not given is empty and takes the shape's default. */
    public record Request(String shape, Optional<Integer> size, Optional<Integer> hosts, Optional<Integer> rows, Optional<Integer> cols,
                          Optional<Integer> depth, Optional<Integer> fanout, Optional<Integer> spines, Optional<Integer> leaves,
                          Optional<Integer> k, Optional<Routing> routing, Optional<String> name) {}

    /** The topology's text; {@link IllegalArgumentException} for numbers that make no such lab. */
    public static String yaml(Request r, String command) {
        Fabric f = fabric(r);
        if (!f.routed() && r.routing().isPresent()) throw new IllegalArgumentException(r.shape() + " is a layer-2 shape: it has no routing");
        if (f.boxes().size() > MAX_BOXES) throw new IllegalArgumentException("that is " + f.boxes().size() + " routers or switches; at most " + MAX_BOXES);
        if (f.hosts() > 60_000) throw new IllegalArgumentException("that is " + f.hosts() + " hosts; at most 60000");
        String name = r.name().orElse(defaultName(r, f));
        // written into the file as it is: a name that is no lab name (a newline, a quote) could add keys of its own
        netlab.topology.Names.checkLab(name).ifPresent(msg -> {
            throw new IllegalArgumentException("--name: " + msg);
        });
        return LabText.write(f, r.routing().orElse(Routing.STATIC), name, command);
    }

    private static Fabric fabric(Request r) {
        int hosts = positive("--hosts", r.hosts().orElse(1), 253);
        return switch (r.shape()) {
            case "star" -> Shapes.star(positive("--hosts", r.hosts().orElse(r.size().orElse(4)), 60_000));
            case "linear" -> Shapes.linear(positive("--size", r.size().orElse(4), MAX_BOXES), hosts);
            case "ring" -> Shapes.ring(atLeast("--size", r.size().orElse(4), 2), hosts);
            case "grid" -> Shapes.grid(positive("--rows", r.rows().orElse(r.size().orElse(3)), MAX_BOXES),
                    positive("--cols", r.cols().orElse(r.size().orElse(3)), MAX_BOXES), hosts);
            case "tree" -> Shapes.tree(positive("--depth", r.depth().orElse(3), 12), positive("--fanout", r.fanout().orElse(2), 64), hosts);
            case "clos" -> Shapes.clos(positive("--spines", r.spines().orElse(2), 64), positive("--leaves", r.leaves().orElse(4), 1000), hosts);
            case "fat-tree" -> {
                int k = positive("-k", r.k().orElse(4), 32);
                if (k % 2 != 0) throw new IllegalArgumentException("-k of a fat tree is even, not " + k);
                yield Shapes.fatTree(k);
            }
            default -> throw new IllegalArgumentException("unknown shape '" + r.shape() + "'" + netlab.source.Suggest.hint(r.shape(), SHAPES)
                    + "; shapes: " + String.join(", ", SHAPES));
        };
    }

    private static String defaultName(Request r, Fabric f) {
        return r.shape() + "-" + (f.routed() ? f.boxes().size() : f.hosts());
    }

    private static int positive(String what, int n, int max) {
        if (n < 1 || n > max) throw new IllegalArgumentException(what + " is 1 to " + max + ", not " + n);
        return n;
    }

    private static int atLeast(String what, int n, int min) {
        if (n < min || n > MAX_BOXES) throw new IllegalArgumentException(what + " is " + min + " to " + MAX_BOXES + ", not " + n);
        return n;
    }
}
