package netlab.routing.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A BGP address family; the order here is the order of the blocks in FRR's configuration. */
public enum BgpFamily {
    IPV4("ipv4", "ipv4 unicast"),
    IPV6("ipv6", "ipv6 unicast"),
    /** L2VPN EVPN: MAC/IP and VTEP routes for VXLAN (RFC 7432, 8365). */
    EVPN("evpn", "l2vpn evpn");

    private final String word;
    private final String frr;

    BgpFamily(String word, String frr) {
        this.word = word;
        this.frr = frr;
    }

    /** As written in the topology. */
    public String word() {
        return word;
    }

    /** As FRR names it after {@code address-family}. */
    public String frr() {
        return frr;
    }

    public static Optional<BgpFamily> of(String word) {
        return Arrays.stream(values()).filter(f -> f.word.equals(word)).findFirst();
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(BgpFamily::word).toList();
    }
}
