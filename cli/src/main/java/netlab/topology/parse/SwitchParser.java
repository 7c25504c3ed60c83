package netlab.topology.parse;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.net.Cidr;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.topology.SwitchSpec;
import netlab.yaml.Fields;
import netlab.yaml.NetValues;
import netlab.yaml.YMap;
import netlab.yaml.YNode;

/** Reads one switch: {@code hub}, {@code subnet}, {@code subnet6}. */
final class SwitchParser {
    static final Set<String> KEYS = Set.of("hub", "subnet", "subnet6");

    private SwitchParser() {}

    static SwitchSpec parse(String name, Pos keyPos, YNode value, Diagnostics d) {
        String where = "switch '" + name + "'";
        YMap map = Fields.asMap(value, d, where).orElse(new YMap(List.of(), keyPos));
        Fields f = Fields.of(map, d, where, KEYS);
        boolean hub = f.bool("hub", false);
        Optional<Cidr> v4 = NetValues.subnet(f, "subnet", false, where, d);
        Optional<Cidr> v6 = NetValues.subnet(f, "subnet6", true, where, d);
        return new SwitchSpec(name, hub, v4, v6, keyPos);
    }
}
