package netlab.runtime;

import java.util.List;

/** The iptables tables netlab manages in a node, with their built-in chains in iptables-save order. */
public enum Table {
    FILTER("filter", List.of("INPUT", "FORWARD", "OUTPUT")),
    NAT("nat", List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"));

    private final String label;
    private final List<String> chains;

    Table(String label, List<String> chains) {
        this.label = label;
        this.chains = chains;
    }

    /** The name iptables uses ({@code *filter}, {@code -t nat}). */
    public String label() {
        return label;
    }

    public List<String> chains() {
        return chains;
    }
}
