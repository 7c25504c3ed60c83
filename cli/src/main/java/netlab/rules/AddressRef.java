package netlab.rules;

import java.util.Optional;
import netlab.check.Target;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.source.Suggest;

/**
 * An address a rule matches or translates to, as written: a subnet ({@code 192.168.1.0/24}), an address, a node
 * (its address on a segment it shares with the rule's node, else its first) or {@code node:interface}. Rules are
 * IPv4: netlab applies them with iptables.
 */
public record AddressRef(String text, Pos pos) {

    private boolean looksNumeric() {
        return text.matches("[0-9./]+") || text.contains("/");
    }

    /** Reports what does not resolve to one IPv4 address or subnet. */
    public void validate(LabModel model, ModelNode from, Diagnostics d, String what) {
        if (looksNumeric()) {
            if (text.contains("/")) {
                Optional<Cidr> c = Cidr.parse(text);
                if (c.isEmpty()) d.error(pos, what + " '" + text + "' is not an IPv4 address or subnet");
                else if (c.get().isV6()) d.error(pos, what + " " + text + " is IPv6; rules are IPv4 (netlab applies them with iptables)");
                else if (!c.get().isNetwork()) d.error(pos, what + " " + text + " has host bits set; did you mean " + c.get().network() + "?");
            } else if (IpAddress.parse(text).isEmpty()) {
                d.error(pos, what + " '" + text + "' is not an IPv4 address");
            }
            return;
        }
        Optional<IpAddress> literal = IpAddress.parse(text);
        if (literal.isPresent()) {
            if (literal.get().isV6()) d.error(pos, what + " " + text + " is IPv6; rules are IPv4 (netlab applies them with iptables)");
            return;
        }
        Target t = new Target(text, pos);
        Optional<ModelNode> n = model.node(t.node());
        if (n.isEmpty()) {
            d.error(pos, what + ": there is no node '" + t.node() + "'" + Suggest.hint(t.node(), model.nodes().keySet()));
        } else if (t.iface().isPresent() && !n.get().interfaces().containsKey(t.iface().get())) {
            d.error(pos, what + ": node '" + t.node() + "' has no interface '" + t.iface().get() + "'"
                    + Suggest.hint(t.iface().get(), n.get().interfaces().keySet()));
        } else if (t.resolve(model, from.name(), false).isEmpty()) {
            d.error(pos, what + ": " + text + " has no IPv4 address");
        }
    }

    /** The subnet, or the address as a /32. Empty only for what {@link #validate} reports. */
    public Optional<Cidr> resolve(LabModel model, ModelNode from) {
        if (text.contains("/")) return Cidr.parse(text).map(Cidr::network);
        Optional<IpAddress> literal = IpAddress.parse(text);
        if (literal.isPresent()) return literal.map(a -> new Cidr(a, 32));
        return new Target(text, pos).resolve(model, from.name(), false).map(a -> new Cidr(a, 32));
    }

    /** The single address it stands for (for translation targets, which cannot be subnets). */
    public Optional<IpAddress> address(LabModel model, ModelNode from) {
        return resolve(model, from).filter(c -> c.prefix() == 32).map(Cidr::address);
    }

    @Override
    public String toString() {
        return text;
    }
}
