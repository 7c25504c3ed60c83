package netlab.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netlab.net.Cidr;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YScalar;
import netlab.yaml.YSeq;

/**
 * A lab as the routing extension sees it, written in YAML for tests:
 * {@code {r1: {eth1: [10.0.12.1/30], lo: [10.255.0.1/32], vx100: {type: vxlan, addresses: []}}}}.
 */
final class FakeRoutingLab implements RoutingLab {
    private final Map<String, List<Interface>> nodes = new LinkedHashMap<>();

    static FakeRoutingLab of(YMap lab) {
        FakeRoutingLab out = new FakeRoutingLab();
        for (YMap.Entry n : lab.entries()) {
            List<Interface> ifs = new ArrayList<>();
            for (YMap.Entry i : ((YMap) n.value()).entries()) {
                String type = "veth";
                YNode addresses = i.value();
                if (i.value() instanceof YMap m) {
                    type = m.get("type").map(t -> ((YScalar) t).value()).orElse(type);
                    addresses = m.get("addresses").orElse(new YSeq(List.of(), m.pos()));
                }
                List<Cidr> cidrs = ((YSeq) addresses).items().stream().map(a -> Cidr.of(((YScalar) a).value())).toList();
                ifs.add(new Interface(i.key().value(), i.key().value().equals("lo") ? "loopback" : type, cidrs));
            }
            out.nodes.put(n.key().value(), ifs);
        }
        return out;
    }

    @Override
    public Set<String> nodes() {
        return nodes.keySet();
    }

    @Override
    public List<Interface> interfaces(String node) {
        return nodes.getOrDefault(node, List.of());
    }
}
