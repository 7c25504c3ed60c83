package netlab.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every service kind netlab knows, by the key that selects it in a node's {@code services:} list. */
public final class ServiceKinds {
    private static final List<ServiceKind> ALL = List.of(
            new HttpService.Kind(),
            new TcpService.Kind());

    private static final Map<String, ServiceKind> BY_KEY = index();

    private ServiceKinds() {}

    private static Map<String, ServiceKind> index() {
        Map<String, ServiceKind> m = new LinkedHashMap<>();
        for (ServiceKind k : ALL) m.put(k.key(), k);
        return m;
    }

    public static Set<String> keys() {
        return java.util.Collections.unmodifiableSet(BY_KEY.keySet());
    }

    public static Optional<ServiceKind> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
