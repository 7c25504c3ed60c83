package netlab.routing.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The OSPF network type of an interface: who talks to whom, and whether a designated router is elected. */
public enum OspfNetwork {
    /** A designated router is elected; adjacencies wait for the 40 s wait timer. */
    BROADCAST("broadcast"),
    /** Exactly two routers: no election, adjacency as soon as hellos are exchanged. */
    POINT_TO_POINT("point-to-point");

    private final String word;

    OspfNetwork(String word) {
        this.word = word;
    }

    /** As written in the topology and in FRR's {@code ip ospf network} command. */
    public String word() {
        return word;
    }

    public static Optional<OspfNetwork> of(String word) {
        return Arrays.stream(values()).filter(n -> n.word.equals(word)).findFirst();
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(OspfNetwork::word).toList();
    }
}
