package netlab.topology.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import netlab.core.InterfaceType;
import netlab.kind.Registry;
import netlab.net.Cidr;
import netlab.net.MacAddress;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.topology.AddressSpec;
import netlab.topology.Impairment;
import netlab.topology.InterfaceSpec;
import netlab.topology.InterfaceTypeSpec;
import netlab.topology.Names;
import netlab.topology.VethInterface;
import netlab.yaml.Fields;
import netlab.yaml.NetValues;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YScalar;
import netlab.yaml.YSeq;

/**
 * Reads one interface of a node. Short forms: {@code eth1: 10.0.0.1/24} or {@code eth1: [10.0.0.1/24, 2001:db8::1/64]}
 * give just the addresses.
 */
final class InterfaceParser {
    static final Set<String> COMMON = Set.of("type", "addresses", "mac", "mtu", "impairment", "link_local", "dad");

    private InterfaceParser() {}

    static InterfaceSpec parse(String node, String name, Pos keyPos, YNode value, Diagnostics d, Registry<InterfaceType> types) {
        String where = "interface '" + name + "' of node '" + node + "'";
        Names.checkIfname(name, "interface name").ifPresent(msg -> d.error(keyPos, msg));
        if (value instanceof YSeq || (value instanceof YScalar s && !s.isNull())) {
            InterfaceTypeSpec type = name.equals("lo")
                    ? types.get(InterfaceTypeSpec.LOOPBACK).parse(Fields.of(new YMap(List.of(), keyPos), d, where, Set.of()), node, name)
                    : VethInterface.INSTANCE;
            return new InterfaceSpec(name, type, addresses(value, where, d), false, Optional.empty(), OptionalInt.empty(), keyPos);
        }
        YMap map = Fields.asMap(value, d, where).orElse(new YMap(List.of(), keyPos));

        InterfaceType type;
        String typeName = map.get("type").flatMap(n -> Fields.asText(n, d, "'type' of " + where)).orElse(null);
        if (name.equals("lo")) {
            if (typeName != null) d.error(map.get("type").get().pos(), "'lo' is the loopback interface; it has no 'type'");
            type = types.get(InterfaceTypeSpec.LOOPBACK);
        } else if (typeName == null) {
            type = types.get(InterfaceTypeSpec.VETH);
        } else {
            Optional<InterfaceType> t = types.byKey(typeName);
            if (t.isEmpty() || typeName.equals(InterfaceTypeSpec.LOOPBACK)) {
                // users name every type but the loopback's, which the name lo implies
                Set<String> names = new TreeSet<>(types.keys());
                names.remove(InterfaceTypeSpec.LOOPBACK);
                d.error(map.get("type").get().pos(), "unknown interface type '" + typeName + "' for " + where
                        + Suggest.hint(typeName, names) + "; types: " + String.join(", ", names));
            }
            type = t.filter(x -> !x.name().equals(InterfaceTypeSpec.LOOPBACK)).orElse(types.get(InterfaceTypeSpec.VETH));
        }
        Set<String> allowed = new TreeSet<>(COMMON);
        allowed.addAll(type.fields());
        if (type.name().equals(InterfaceTypeSpec.LOOPBACK)) allowed = Set.of("addresses");
        Fields f = Fields.of(map, d, where, allowed);

        boolean auto = !f.has("addresses");
        List<AddressSpec> addrs = f.node("addresses").map(n -> addresses(n, where, d)).orElse(List.of());
        Optional<MacAddress> mac = f.string("mac").flatMap(m -> {
            Optional<MacAddress> parsed = MacAddress.parse(m);
            if (parsed.isEmpty()) d.error(f.posOf("mac"), "'" + m + "' is not a MAC address (write it like 02:00:00:00:00:01)");
            else if (parsed.get().isMulticast()) d.error(f.posOf("mac"), "MAC " + m + " is a multicast address; an interface needs a unicast one (first byte even)");
            else if (parsed.get().text().equals("00:00:00:00:00:00")) d.error(f.posOf("mac"), "MAC 00:00:00:00:00:00 is not usable");
            return parsed;
        });
        OptionalInt mtu = f.integer("mtu", 68, 65535).map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
        Optional<Impairment> impairment = f.node("impairment").flatMap(n -> ImpairmentParser.parse(n, "interface " + node + ":" + name, d));
        InterfaceTypeSpec typeSpec = type.parse(f, node, name);
        boolean dad = f.bool("dad", true);
        // the sysctl's path is the interface's name between dots
        if (!dad && name.contains(".")) d.error(f.posOf("dad"), "'dad: false' needs an interface name without a dot (" + where + ")");
        return new InterfaceSpec(name, typeSpec, addrs, auto, mac, mtu, keyPos, impairment, f.bool("link_local", false), dad);
    }

    static List<AddressSpec> addresses(YNode n, String where, Diagnostics d) {
        List<YNode> items = n instanceof YSeq s ? s.items() : List.of(n);
        List<AddressSpec> out = new ArrayList<>();
        for (YNode item : items) {
            Fields.asText(item, d, "an address of " + where).ifPresent(t -> NetValues.cidr(new Located(t, item.pos()), "address", d)
                    .ifPresent(c -> out.add(new AddressSpec(c, item.pos()))));
        }
        return out;
    }
}
