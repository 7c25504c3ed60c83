package netlab.interfaces;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every interface type netlab knows, by the name written in {@code type:}. */
public final class InterfaceTypes {
    private static final List<InterfaceType> ALL = List.of(
            new VethType(),
            new LoopbackType(),
            new BridgeType(),
            new VlanType(),
            new VxlanType(),
            new GreType(),
            new GretapType());

    private static final Map<String, InterfaceType> BY_NAME = index();

    private InterfaceTypes() {}

    private static Map<String, InterfaceType> index() {
        Map<String, InterfaceType> m = new LinkedHashMap<>();
        for (InterfaceType t : ALL) m.put(t.name(), t);
        return Map.copyOf(m);
    }

    public static Optional<InterfaceType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static InterfaceType get(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("unknown interface type " + name));
    }

    /** Names users may write in {@code type:} (the loopback type is implied by the name {@code lo}). */
    public static Set<String> names() {
        Set<String> s = new java.util.TreeSet<>(BY_NAME.keySet());
        s.remove(LoopbackType.NAME);
        return s;
    }
}
