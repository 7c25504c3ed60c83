package netlab.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Suggest;
import netlab.yaml.Fields;

/**
 * What a rule matches, shared by every rule kind (each kind allows its own subset of these keys):
 * {@code in}/{@code out} interfaces of the node, {@code source}/{@code destination} addresses, {@code protocol},
 * destination {@code port} and conntrack {@code state}.
 */
public record RuleMatch(
        Optional<Located> in,
        Optional<Located> out,
        Optional<AddressRef> source,
        Optional<AddressRef> destination,
        Optional<Located> protocol,
        Optional<PortRange> port,
        List<Located> state) {

    public static final List<String> PROTOCOLS = List.of("tcp", "udp", "icmp");
    /** Conntrack states in the order iptables-save prints them. */
    public static final List<String> STATES = List.of("invalid", "new", "related", "established", "untracked");

    public RuleMatch {
        state = List.copyOf(state);
    }

    /** Reads whichever of the match keys the mapping has (the kind's {@link Fields} already refused the others). */
    public static RuleMatch parse(Fields f, String where) {
        Optional<Located> in = f.string("in").map(v -> new Located(v, f.posOf("in")));
        Optional<Located> out = f.string("out").map(v -> new Located(v, f.posOf("out")));
        Optional<AddressRef> src = f.string("source").map(v -> new AddressRef(v.trim(), f.posOf("source")));
        Optional<AddressRef> dst = f.string("destination").map(v -> new AddressRef(v.trim(), f.posOf("destination")));
        Optional<Located> proto = f.string("protocol").map(v -> new Located(v.trim().toLowerCase(), f.posOf("protocol")));
        proto.filter(p -> !PROTOCOLS.contains(p.text())).ifPresent(p -> f.diags().error(p.pos(), "'protocol' in " + where + " must be "
                + String.join(", ", PROTOCOLS) + ", not '" + p.text() + "'" + Suggest.hint(p.text(), PROTOCOLS)));
        Optional<PortRange> port = f.node("port").flatMap(n -> PortRange.parse(n, "'port' in " + where, f.diags()));
        List<Located> state = new ArrayList<>();
        for (Located s : f.textList("state")) {
            String v = s.text().trim().toLowerCase();
            if (!STATES.contains(v)) {
                f.diags().error(s.pos(), "conntrack state '" + s.text() + "' in " + where + " is not one of " + String.join(", ", STATES)
                        + Suggest.hint(v, STATES));
            } else {
                state.add(new Located(v, s.pos()));
            }
        }
        return new RuleMatch(in, out, src, dst, proto, port, state);
    }

    /** Reports interfaces the node lacks, addresses that do not resolve, a port without tcp or udp. */
    public void validate(ModelNode node, LabModel model, Diagnostics d, String where) {
        in.ifPresent(i -> iface(node, i, "'in' of " + where, d));
        out.ifPresent(o -> iface(node, o, "'out' of " + where, d));
        source.ifPresent(s -> s.validate(model, node, d, "'source' of " + where));
        destination.ifPresent(s -> s.validate(model, node, d, "'destination' of " + where));
        port.ifPresent(p -> {
            // an unknown protocol is reported already, by the parser
            if (!portProtocol() && protocol.map(x -> PROTOCOLS.contains(x.text())).orElse(true)) {
                d.error(p.pos(), "'port' of " + where + " needs 'protocol: tcp' or 'protocol: udp'"
                        + protocol.map(x -> " (not " + x.text() + ")").orElse(""));
            }
        });
    }

    /** True when the protocol is one that has ports. */
    public boolean portProtocol() {
        return protocol.map(p -> p.text().equals("tcp") || p.text().equals("udp")).orElse(false);
    }

    /** An interface of the node; a name ending in '+' matches every interface starting with the rest, as in iptables. */
    static void iface(ModelNode node, Located name, String what, Diagnostics d) {
        String n = name.text();
        if (n.endsWith("+")) {
            String prefix = n.substring(0, n.length() - 1);
            if (node.interfaces().keySet().stream().noneMatch(i -> i.startsWith(prefix))) {
                d.error(name.pos(), what + ": no interface of node '" + node.name() + "' starts with '" + prefix + "'");
            }
            return;
        }
        if (!node.interfaces().containsKey(n)) {
            d.error(name.pos(), what + ": node '" + node.name() + "' has no interface '" + n + "'"
                    + Suggest.hint(n, node.interfaces().keySet()) + "; its interfaces: " + String.join(", ", node.interfaces().keySet()));
        }
    }

    /** The match as iptables-save prints it: -s, -d, -i, -o, -p, then the protocol and conntrack matches. */
    public List<String> render(ModelNode node, LabModel model) {
        List<String> w = new ArrayList<>();
        source.flatMap(s -> s.resolve(model, node)).ifPresent(c -> w.addAll(List.of("-s", c.toString())));
        destination.flatMap(s -> s.resolve(model, node)).ifPresent(c -> w.addAll(List.of("-d", c.toString())));
        in.ifPresent(i -> w.addAll(List.of("-i", i.text())));
        out.ifPresent(o -> w.addAll(List.of("-o", o.text())));
        protocol.ifPresent(p -> w.addAll(List.of("-p", p.text())));
        port.ifPresent(p -> w.addAll(List.of("-m", protocol.get().text(), "--dport", p.iptables())));
        if (!state.isEmpty()) {
            List<String> names = STATES.stream().filter(s -> state.stream().anyMatch(x -> x.text().equals(s)))
                    .map(String::toUpperCase).toList();
            w.addAll(List.of("-m", "conntrack", "--ctstate", String.join(",", names)));
        }
        return w;
    }

    /** A short human description: "tcp port 80 from h2 to internet". */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        protocol.ifPresent(p -> sb.append(p.text()));
        port.ifPresent(p -> sb.append(sb.length() > 0 ? " " : "").append("port ").append(p));
        source.ifPresent(s -> sb.append(sb.length() > 0 ? " " : "").append("from ").append(s));
        destination.ifPresent(s -> sb.append(sb.length() > 0 ? " " : "").append("to ").append(s));
        in.ifPresent(i -> sb.append(sb.length() > 0 ? " " : "").append("in ").append(i.text()));
        out.ifPresent(o -> sb.append(sb.length() > 0 ? " " : "").append("out ").append(o.text()));
        return sb.toString();
    }
}
