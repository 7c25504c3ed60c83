package netlab.topology.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.topology.Impairment;
import netlab.traffic.ImpairmentReader;
import netlab.yaml.Fields;
import netlab.yaml.YMap;
import netlab.yaml.YNode;

/** Reads {@code impairment: {delay: 100ms, jitter: 10ms, loss: 1%, rate: 10mbit}} of a link or an interface. */
final class ImpairmentParser {
    private ImpairmentParser() {}

    static Optional<Impairment> parse(YNode node, String where, Diagnostics d) {
        YMap map = Fields.asMap(node, d, "'impairment' of " + where).orElse(null);
        if (map == null) return Optional.empty();
        Fields f = Fields.of(map, d, "the impairment of " + where, ImpairmentReader.KEYS);
        Map<String, Located> values = new LinkedHashMap<>();
        for (String key : List.of("delay", "jitter", "loss", "rate")) {
            f.string(key).ifPresent(v -> values.put(key, new Located(v, f.posOf(key))));
        }
        if (values.isEmpty() && !map.entries().isEmpty()) return Optional.empty(); // only unknown keys: already reported
        return ImpairmentReader.read(values, map.pos(), where, d);
    }
}
