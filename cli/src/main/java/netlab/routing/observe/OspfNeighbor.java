package netlab.routing.observe;

import java.util.List;
import java.util.Map;
import netlab.net.IpAddress;

/**
 * One OSPF neighbour as the node's ospfd sees it ({@code show ip ospf neighbor json}).
 *
 * @param state     the adjacency state: Down, Attempt, Init, 2-Way, ExStart, Exchange, Loading or Full
 * @param role      the neighbour's role on the segment: DR, Backup, DROther, or "-" on a point-to-point link
 * @param address   the neighbour's address on the shared segment
 * @param iface     the node's interface it was heard on
 */
public record OspfNeighbor(IpAddress routerId, String state, String role, IpAddress address, String iface) {
    public static final String FULL = "Full";

    public boolean isFull() {
        return state.equals(FULL);
    }

    /** Parses the answer; a node without OSPF instance (FRR answers an empty object) has no neighbours. */
    public static List<OspfNeighbor> parse(String json) {
        JsonFields j = new JsonFields(FrrShow.OSPF_NEIGHBORS);
        Map<String, Object> root = j.object(json);
        if (root.isEmpty()) return List.of();
        Map<String, Object> byId = j.object(root.get("neighbors"), "'neighbors'");
        List<OspfNeighbor> out = new java.util.ArrayList<>();
        for (Map.Entry<String, Object> e : byId.entrySet()) {
            IpAddress id = address(j, e.getKey(), "router ID");
            for (Object o : j.list(e.getValue(), "neighbour " + e.getKey())) {
                Map<String, Object> n = j.object(o, "neighbour " + e.getKey());
                String what = "neighbour " + e.getKey();
                String[] stateRole = j.string(n, "nbrState", what).split("/", 2);
                String iface = j.string(n, "ifaceName", what);
                int colon = iface.indexOf(':');
                out.add(new OspfNeighbor(id, stateRole[0], stateRole.length > 1 ? stateRole[1] : "", address(j, j.string(n, "ifaceAddress", what), what),
                        colon < 0 ? iface : iface.substring(0, colon)));
            }
        }
        return out;
    }

    private static IpAddress address(JsonFields j, String text, String what) {
        return IpAddress.parse(text).orElseThrow(() -> j.bad(what + " '" + text + "' is not an address"));
    }
}
