package netlab.rules.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.rules.AddressRef;
import netlab.rules.Rule;
import netlab.rules.RuleKind;
import netlab.rules.RuleLine;
import netlab.rules.RuleMatch;
import netlab.runtime.Table;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.yaml.Fields;

/**
 * {@code snat: {source: 192.168.1.0/24, out: eth2, to: 203.0.113.1}}: outgoing packets leave with a fixed source
 * address, which must be one of the node's own (an address or {@code node:interface} of this node).
 */
public record SnatRule(RuleMatch match, Optional<AddressRef> to, Pos pos) implements Rule {

    public static final class Kind implements RuleKind {
        @Override
        public String key() {
            return "snat";
        }

        @Override
        public Set<String> fields() {
            return Set.of("source", "destination", "out", "protocol", "port", "to");
        }

        @Override
        public Rule parse(Fields f, String where) {
            Optional<AddressRef> to = f.requiredString("to").map(t -> new AddressRef(t.trim(), f.posOf("to")));
            return new SnatRule(RuleMatch.parse(f, where), to, f.pos());
        }
    }

    @Override
    public String kind() {
        return "snat";
    }

    @Override
    public void validate(ModelNode node, LabModel model, Diagnostics d) {
        match.validate(node, model, d, where(node));
        if (to.isEmpty()) return;
        AddressRef t = to.get();
        Diagnostics own = new Diagnostics();
        t.validate(model, node, own, "'to' of " + where(node));
        own.all().forEach(x -> d.error(x.pos(), x.message()));
        if (own.hasErrors()) return;
        Optional<Cidr> c = t.resolve(model, node);
        if (c.isEmpty()) return;
        if (c.get().prefix() != 32) {
            d.error(t.pos(), "'to' of " + where(node) + " must be one address, not the subnet " + c.get());
            return;
        }
        if (!owns(node, c.get().address())) {
            d.error(t.pos(), "'to' of " + where(node) + ": " + c.get().address() + " is not an address of node '" + node.name()
                    + "' (its IPv4 addresses: " + ipv4(node) + ")");
        }
    }

    static boolean owns(ModelNode node, IpAddress a) {
        return node.interfaces().values().stream().anyMatch(i -> i.addresses().stream().anyMatch(c -> c.address().equals(a)));
    }

    static String ipv4(ModelNode node) {
        List<String> all = new ArrayList<>();
        for (ModelInterface i : node.interfaces().values()) {
            for (Cidr c : i.addresses()) if (!c.isV6()) all.add(c.address() + " (" + i.name() + ")");
        }
        return all.isEmpty() ? "none" : String.join(", ", all);
    }

    @Override
    public RuleLine render(ModelNode node, LabModel model) {
        String address = to.flatMap(t -> t.address(model, node)).map(IpAddress::toString).orElseThrow();
        return new RuleLine(Table.NAT, "POSTROUTING", match.render(node, model), List.of("-j", "SNAT", "--to-source", address));
    }
}
