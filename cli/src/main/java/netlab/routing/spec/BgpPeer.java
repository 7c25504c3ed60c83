package netlab.routing.spec;

import netlab.net.IpAddress;
import netlab.source.Pos;

/** Who a BGP neighbour is, as written: another node of the lab, an interface (unnumbered), or an address. */
public sealed interface BgpPeer {
    Pos pos();

    /** What a user calls it in messages: "node r2", "interface eth1", "10.0.0.2". */
    String describe();

    /**
     * A node of the lab. With {@link Via#LINK} the session runs between the two nodes' addresses on a subnet they
     * share; with {@link Via#LOOPBACK} between their loopback addresses (iBGP over an IGP), from this node's {@code lo}.
     */
    record Node(String node, Via via, Pos pos) implements BgpPeer {
        @Override
        public String describe() {
            return "node " + node;
        }
    }

    /** Whoever is at the other end of the interface: FRR's unnumbered BGP over IPv6 link-local addresses. */
    record Interface(String name, Pos pos) implements BgpPeer {
        @Override
        public String describe() {
            return "interface " + name;
        }
    }

    record Address(IpAddress address, Pos pos) implements BgpPeer {
        @Override
        public String describe() {
            return address.toString();
        }
    }

    enum Via {
        LINK("link"),
        LOOPBACK("loopback");

        private final String word;

        Via(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }
}
