package netlab.routing.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One BGP session in one address family, as the node's bgpd sees it ({@code show bgp summary json}).
 *
 * @param family           FRR's name of the family: ipv4Unicast, ipv6Unicast, l2VpnEvpn...
 * @param peer             the neighbour as configured: an address, or an interface for unnumbered sessions
 * @param state            Idle, Connect, Active, OpenSent, OpenConfirm or Established
 * @param prefixesReceived accepted from the neighbour (0 unless established)
 */
public record BgpPeerState(String family, String peer, long remoteAs, String state, long prefixesReceived, long prefixesSent) {
    public static final String ESTABLISHED = "Established";

    public boolean isEstablished() {
        return state.equals(ESTABLISHED);
    }

    /** Parses the answer: one block per family the node carries; a node without BGP instance has none. */
    public static List<BgpPeerState> parse(String json) {
        JsonFields j = new JsonFields(FrrShow.BGP_SUMMARY);
        Map<String, Object> root = j.object(json);
        List<BgpPeerState> out = new ArrayList<>();
        for (Map.Entry<String, Object> fam : root.entrySet()) {
            Map<String, Object> block = j.object(fam.getValue(), "family " + fam.getKey());
            if (!block.containsKey("peers")) continue;
            for (Map.Entry<String, Object> p : j.object(block.get("peers"), "the peers of " + fam.getKey()).entrySet()) {
                Map<String, Object> peer = j.object(p.getValue(), "peer " + p.getKey());
                String what = "peer " + p.getKey() + " in " + fam.getKey();
                out.add(new BgpPeerState(fam.getKey(), p.getKey(), j.number(peer, "remoteAs", what), j.string(peer, "state", what),
                        j.number(peer, "pfxRcd", 0), j.number(peer, "pfxSnt", 0)));
            }
        }
        return out;
    }
}
