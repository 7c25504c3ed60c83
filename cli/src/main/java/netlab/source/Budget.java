package netlab.source;

/**
 * How big a topology netlab takes on. A topology may come from elsewhere (a course, a colleague, a pull request CI
 * tests) and netlab runs it as root, so a small file must not make netlab or the host do unbounded work: read a file
 * of gigabytes, expand an alias bomb, make sixty thousand namespaces.
 *
 * <p>Two kinds of limit. Reading limits (file size, YAML nodes) bound netlab's own memory; {@value #FLAG} raises
 * them, and they stay whatever the command line says. Lab limits (nodes, links, checks... see
 * {@link netlab.lab.LabLimits}) bound what the lab makes and runs on the host; {@value #FLAG} lifts them. The defaults
 * are far above the example labs and the benchmarks (1000-node labs) and allow the 2000-node labs a generator makes.
 *
 * @param large whether {@value #FLAG} was given (commands on a lab that is up read its topology so too: {@code up}
 *              accepted it under the budget it was given)
 */
public record Budget(boolean large) {
    public static final Budget DEFAULT = new Budget(false);
    public static final Budget LARGE = new Budget(true);
    public static final String FLAG = "--allow-large";

    private static final long MIB = 1L << 20;
    static final long DEFAULT_BYTES = 4 * MIB, LARGE_BYTES = 64 * MIB;
    static final long DEFAULT_YAML_NODES = 250_000, LARGE_YAML_NODES = 2_000_000;

    public static Budget of(boolean allowLarge) {
        return allowLarge ? LARGE : DEFAULT;
    }

    /** The largest file read; checked before reading, and again by how much is read. */
    public long maxBytes() {
        return large ? LARGE_BYTES : DEFAULT_BYTES;
    }

    /** The most YAML nodes (scalars, lists, mappings) a file may make, counting each alias as the copy it makes. */
    public long maxYamlNodes() {
        return large ? LARGE_YAML_NODES : DEFAULT_YAML_NODES;
    }

    /** Whether the lab limits apply (they are lifted by {@value #FLAG}). */
    public boolean limitsLab() {
        return !large;
    }

    /** The end of a message about a reading limit: how to get more, or that there is no more. */
    public String readingHint(String raisedLimit) {
        return large ? "netlab reads no more, even with " + FLAG : FLAG + " raises it to " + raisedLimit;
    }

    /** "4 MiB", "1.5 MiB": a byte count as the limits are written (no Formatter: this is on the way of every up). */
    public static String mib(long bytes) {
        long tenths = bytes / (MIB / 10);
        return tenths % 10 == 0 ? (tenths / 10) + " MiB" : (tenths / 10) + "." + (tenths % 10) + " MiB";
    }
}
