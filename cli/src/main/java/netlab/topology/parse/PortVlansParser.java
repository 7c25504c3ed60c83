package netlab.topology.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.topology.PortVlans;
import netlab.yaml.Fields;
import netlab.yaml.YNode;
import netlab.yaml.YSeq;

/** Reads a link's {@code vlan: 10} (access) and {@code vlans: [10, 20]} (trunk) into the VLANs of its switch port. */
final class PortVlansParser {
    private PortVlansParser() {}

    static PortVlans parse(Fields f, Diagnostics d) {
        if (!f.has("vlan") && !f.has("vlans")) return PortVlans.NONE;
        OptionalInt untagged = f.node("vlan").flatMap(n -> vlanId(n, "'vlan' of a link", d))
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        List<Integer> tagged = new ArrayList<>();
        f.node("vlans").ifPresent(n -> {
            List<YNode> items = n instanceof YSeq s ? s.items() : List.of(n);
            if (n instanceof YSeq s && s.items().isEmpty()) d.error(n.pos(), "'vlans' of a link is empty; list the VLANs the trunk carries");
            Map<Integer, Pos> seen = new HashMap<>();
            for (YNode item : items) {
                vlanId(item, "a VLAN in 'vlans' of a link", d).ifPresent(id -> {
                    Pos first = seen.putIfAbsent(id, item.pos());
                    if (first != null) d.error(item.pos(), "VLAN " + id + " is listed twice in 'vlans'");
                    else if (untagged.isPresent() && untagged.getAsInt() == id) {
                        d.error(item.pos(), "VLAN " + id + " is both the untagged 'vlan' and a tagged one in 'vlans'; a port sends a VLAN one way");
                    } else tagged.add(id);
                });
            }
        });
        Pos pos = f.has("vlan") ? f.posOf("vlan") : f.posOf("vlans");
        return new PortVlans(untagged, tagged, pos);
    }

    /** An 802.1Q VLAN id: 12 bits, 0 and 4095 reserved. */
    static Optional<Integer> vlanId(YNode n, String what, Diagnostics d) {
        return Fields.readInteger(n, what, Integer.MIN_VALUE, Integer.MAX_VALUE, d).flatMap(v -> {
            if (v < 1 || v > 4094) {
                d.error(n.pos(), what + ": VLAN id " + v + " is outside 1 to 4094 (0 and 4095 are reserved by 802.1Q)");
                return Optional.empty();
            }
            return Optional.of(v.intValue());
        });
    }
}
