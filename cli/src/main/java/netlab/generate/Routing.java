package netlab.generate;

/** How a generated routed lab finds its ways: routes netlab computes (static), or FRR's OSPF or eBGP. */
public enum Routing {
    STATIC, OSPF, BGP;

    public static Routing of(String s) {
        return switch (s) {
            case "static" -> STATIC;
            case "ospf" -> OSPF;
            case "bgp" -> BGP;
            default -> throw new IllegalArgumentException("routing is static, ospf or bgp, not '" + s + "'");
        };
    }
}
