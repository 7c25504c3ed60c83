package netlab.badinput;

/** The small valid lab hand-written cases start from, so each case differs from a working file in one place. */
final class Handmade {
    static final String LAB = Seed.LAB_PREFIX + "-hand";

    /** Parts of the lab, to be put together with one part broken. */
    static final String NAME = "name: " + LAB + "\n";
    static final String SWITCHES = "switches:\n  sw1: {subnet: 10.0.0.0/24}\n";
    static final String NODES = "nodes:\n  h1: {}\n  h2: {}\n";
    static final String LINKS = "links:\n  - [h1:eth1, sw1]\n  - [h2:eth1, sw1]\n";
    static final String CHECKS = "checks:\n  - ping: {from: h1, to: h2}\n";

    private Handmade() {}

    /** The whole valid lab. */
    static String lab() {
        return NAME + SWITCHES + NODES + LINKS + CHECKS;
    }

    /** The lab with one check (its YAML flow mapping body) instead of the ping. */
    static String withCheck(String check) {
        return NAME + SWITCHES + NODES + LINKS + "checks:\n  - " + check + "\n";
    }

    /** The lab with node h1 written as {@code h1} (a flow mapping body). */
    static String withH1(String h1) {
        return NAME + SWITCHES + "nodes:\n  h1: " + h1 + "\n  h2: {}\n" + LINKS + CHECKS;
    }
}
