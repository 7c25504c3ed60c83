package netlab.routing.spec;

/** An OSPF area ID, a 32-bit number written either as a number (0) or dotted like an address (0.0.0.0). */
public record OspfArea(long id) {
    public static final OspfArea BACKBONE = new OspfArea(0);

    public OspfArea {
        if (id < 0 || id > 0xFFFF_FFFFL) throw new IllegalArgumentException("area " + id);
    }

    /** Dotted form, as FRR prints it. */
    public String dotted() {
        return ((id >> 24) & 255) + "." + ((id >> 16) & 255) + "." + ((id >> 8) & 255) + "." + (id & 255);
    }

    @Override
    public String toString() {
        return dotted();
    }
}
