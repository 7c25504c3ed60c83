package netlab.routing.config;

/** The FRR daemons netlab runs in a node, in the order they start (zebra first: the others connect to it). */
public enum FrrDaemon {
    /** The kernel interface: interfaces, addresses, routes; the others talk to the kernel through it. */
    ZEBRA("zebra"),
    /** Static routes (FRR's {@code ip route}), which the raw text may give. */
    STATICD("staticd"),
    OSPFD("ospfd"),
    BGPD("bgpd"),
    /** RIP and RIPng: only the raw text configures them (router rip, router ripng). */
    RIPD("ripd"),
    RIPNGD("ripngd"),
    /** OSPFv3 (router ospf6), raw text only. */
    OSPF6D("ospf6d");

    private final String program;

    FrrDaemon(String program) {
        this.program = program;
    }

    /** The program's name in FRR's daemon directory, also the name of its pid file, vty socket and log. */
    public String program() {
        return program;
    }
}
