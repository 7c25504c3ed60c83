package netlab.kind;

/** One kind of a family (a node kind, a check kind, a rule kind…): the key that selects it in a topology. */
public interface Kind {
    /** The key written in a topology ("ping", "container", "dnat"…). */
    String key();
}
