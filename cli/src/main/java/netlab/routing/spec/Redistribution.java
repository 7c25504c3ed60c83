package netlab.routing.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Routes of another source a protocol advertises ({@code redistribute ...}). */
public enum Redistribution {
    CONNECTED("connected"),
    STATIC("static"),
    KERNEL("kernel"),
    OSPF("ospf"),
    BGP("bgp");

    private final String word;

    Redistribution(String word) {
        this.word = word;
    }

    /** As written in the topology and in FRR's {@code redistribute} command. */
    public String word() {
        return word;
    }

    public static Optional<Redistribution> of(String word) {
        return Arrays.stream(values()).filter(r -> r.word.equals(word)).findFirst();
    }

    /** What a protocol may take: every source but itself. */
    public static List<Redistribution> allowedInto(Redistribution protocol) {
        return Arrays.stream(values()).filter(r -> r != protocol).toList();
    }
}
