package netlab.topology;

import java.util.List;
import java.util.OptionalInt;
import netlab.source.Pos;

/**
 * The 802.1Q VLANs of a switch port, as written on the link that plugs into it. {@code vlan: 10} makes an access
 * port: untagged frames coming in belong to VLAN 10 (its PVID) and VLAN 10 leaves untagged. {@code vlans: [10, 20]}
 * makes a trunk: those VLANs cross it tagged. Both together: a trunk with a native (untagged) VLAN.
 *
 * @param untagged the access (native) VLAN
 * @param tagged   VLANs carried tagged, in the order written
 */
public record PortVlans(OptionalInt untagged, List<Integer> tagged, Pos pos) {
    public static final PortVlans NONE = new PortVlans(OptionalInt.empty(), List.of(), Pos.unknown(""));

    public PortVlans {
        tagged = List.copyOf(tagged);
    }

    /** True when the link says anything about VLANs (its switch then filters by VLAN). */
    public boolean any() {
        return untagged.isPresent() || !tagged.isEmpty();
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        untagged.ifPresent(v -> sb.append("access vlan ").append(v));
        if (!tagged.isEmpty()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append("trunk vlans ").append(tagged.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""));
        }
        return sb.toString();
    }
}
