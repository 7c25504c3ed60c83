package netlab.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.rules.kinds.DnatRule;
import netlab.rules.kinds.FilterRule;
import netlab.rules.kinds.MasqueradeRule;
import netlab.rules.kinds.SnatRule;

/** Every rule kind netlab knows, by the key that selects it in a node's {@code rules:} list. */
public final class RuleKinds {
    private static final List<RuleKind> ALL = List.of(
            new MasqueradeRule.Kind(),
            new SnatRule.Kind(),
            new DnatRule.Kind(),
            new FilterRule.Kind("accept"),
            new FilterRule.Kind("drop"),
            new FilterRule.Kind("reject"));

    private static final Map<String, RuleKind> BY_KEY = index();

    private RuleKinds() {}

    private static Map<String, RuleKind> index() {
        Map<String, RuleKind> m = new LinkedHashMap<>();
        for (RuleKind k : ALL) m.put(k.key(), k);
        return m;
    }

    public static Set<String> keys() {
        return java.util.Collections.unmodifiableSet(BY_KEY.keySet());
    }

    public static Optional<RuleKind> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
