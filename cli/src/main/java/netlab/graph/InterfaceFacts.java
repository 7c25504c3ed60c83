package netlab.graph;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import netlab.model.ModelInterface;
import netlab.source.Pos;
import netlab.topology.InterfaceTypeSpec;

/**
 * What a picture can say about an interface of any type, read from its type's settings record: so a type added
 * later (VXLAN, GRE, VLAN…) is drawn with its settings and, when it is a tunnel, as a dashed line, without
 * changes here. A tunnel is a type with a remote end or a tunnel id (remote, vni, key…) or a well-known tunnel
 * name.
 */
final class InterfaceFacts {
    private static final Set<String> TUNNEL_TYPES = Set.of("vxlan", "gre", "gretap", "ip6gre", "ip6gretap", "ipip", "sit",
            "geneve", "wireguard", "l2tp", "tunnel");
    private static final Set<String> TUNNEL_FIELDS = Set.of("remote", "vni", "key", "peer");
    private static final List<String> ID_FIELDS = List.of("vni", "key", "id", "tunnel_id", "tunnelId");

    private InterfaceFacts() {}

    /** The type's settings as name → text, leaving out empty and positional bookkeeping. */
    static Map<String, String> settings(InterfaceTypeSpec spec) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!spec.getClass().isRecord()) return out;
        for (RecordComponent c : spec.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(spec);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            String text = text(v);
            if (c.getName().equals("type") && spec.type().equals(text)) continue; // said already
            if (text != null) out.put(c.getName(), text);
        }
        return out;
    }

    private static String text(Object v) {
        if (v == null || v instanceof Pos) return null;
        if (v instanceof Optional<?> o) return o.map(InterfaceFacts::text).orElse(null);
        if (v instanceof OptionalInt o) return o.isPresent() ? Integer.toString(o.getAsInt()) : null;
        if (v instanceof java.util.OptionalLong o) return o.isPresent() ? Long.toString(o.getAsLong()) : null;
        if (v instanceof java.util.OptionalDouble o) return o.isPresent() ? Double.toString(o.getAsDouble()) : null;
        if (v instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            for (Object o : c) {
                String t = text(o);
                if (t != null) parts.add(t);
            }
            return parts.isEmpty() ? null : String.join(",", parts);
        }
        if (v instanceof Boolean b) return b ? "yes" : null;
        if (v.getClass().isRecord()) return recordText(v);
        String s = v.toString();
        return s.isBlank() ? null : s;
    }

    /**
     * A nested record as text when it stands for one value: an address type of netlab.net (its own text), a
     * value with its position (Located, an address at a position: its one component besides the position), or
     * one named text/address/value/name. Anything bigger is too much for a picture.
     */
    private static String recordText(Object r) {
        if (r.getClass().getPackageName().equals("netlab.net")) return r.toString();
        List<RecordComponent> parts = new ArrayList<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) if (c.getType() != Pos.class) parts.add(c);
        RecordComponent pick = parts.size() == 1 ? parts.get(0) : parts.stream()
                .filter(c -> Set.of("text", "address", "value", "name").contains(c.getName())).findFirst().orElse(null);
        if (pick == null) return null;
        try {
            return text(pick.getAccessor().invoke(r));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static boolean isTunnel(ModelInterface i) {
        String type = i.spec().typeSpec().type();
        if (TUNNEL_TYPES.contains(type)) return true;
        return settings(i.spec().typeSpec()).keySet().stream().anyMatch(TUNNEL_FIELDS::contains);
    }

    /** The id tunnel ends share (VNI, GRE key…), if the type has one. */
    static Optional<String> tunnelId(ModelInterface i) {
        Map<String, String> s = settings(i.spec().typeSpec());
        for (String f : ID_FIELDS) if (s.containsKey(f)) return Optional.of(f + " " + s.get(f));
        return Optional.empty();
    }

    static Optional<String> remote(ModelInterface i) {
        return Optional.ofNullable(settings(i.spec().typeSpec()).get("remote"));
    }
}
