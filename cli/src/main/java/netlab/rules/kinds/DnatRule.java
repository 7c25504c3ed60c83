package netlab.rules.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.net.Cidr;
import netlab.rules.AddressRef;
import netlab.rules.Rule;
import netlab.rules.RuleKind;
import netlab.rules.RuleLine;
import netlab.rules.RuleMatch;
import netlab.runtime.Table;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.yaml.Fields;

/**
 * {@code dnat: {in: eth2, protocol: tcp, port: 8080, to: lanweb:80}}: a port-forward. Packets arriving for the
 * matched port get a new destination ({@code to}: an address or a node, optionally with {@code :PORT}); replies are
 * translated back by conntrack. {@code chain: output} translates the node's own packets instead of arriving ones.
 *
 * {@code probability: 0.5} matches each new connection at random with that chance (iptables' statistic match), so
 * rules in a row spread connections over servers: 1/3, then 1/2, then the rest.
 *
 * @param to          the new destination host (address, node or node:interface)
 * @param toPort      the new destination port, if it changes
 * @param probability the chance a new connection is matched, (0, 1], as written (digits and one point)
 */
public record DnatRule(RuleMatch match, Optional<Located> chain, Optional<AddressRef> to, OptionalInt toPort, Optional<String> probability,
                       Pos pos) implements Rule {
    private static final Pattern PROBABILITY = Pattern.compile("(0?\\.\\d{1,11}|1(\\.0{1,11})?|0)");

    public DnatRule(RuleMatch match, Optional<Located> chain, Optional<AddressRef> to, OptionalInt toPort, Pos pos) {
        this(match, chain, to, toPort, Optional.empty(), pos);
    }

    static final List<String> CHAINS = List.of("prerouting", "output");
    private static final Pattern WITH_PORT = Pattern.compile("(.+):(\\d{1,5})");

    public static final class Kind implements RuleKind {
        @Override
        public String key() {
            return "dnat";
        }

        @Override
        public Set<String> fields() {
            return Set.of("in", "source", "destination", "protocol", "port", "to", "chain", "probability");
        }

        @Override
        public Rule parse(Fields f, String where) {
            Optional<Located> chain = f.string("chain").map(c -> new Located(c.trim().toLowerCase(), f.posOf("chain")));
            chain.filter(c -> !CHAINS.contains(c.text())).ifPresent(c -> f.diags().error(c.pos(), "'chain' of " + where
                    + " must be prerouting (arriving packets, the default) or output (the node's own), not '" + c.text() + "'"
                    + Suggest.hint(c.text(), CHAINS)));
            Optional<AddressRef> to = Optional.empty();
            OptionalInt toPort = OptionalInt.empty();
            Optional<String> text = f.requiredString("to").map(String::trim);
            if (text.isPresent()) {
                Pos p = f.posOf("to");
                Matcher m = WITH_PORT.matcher(text.get());
                String host = text.get();
                if (m.matches()) {
                    host = m.group(1);
                    int port = Integer.parseInt(m.group(2));
                    if (port < 1 || port > 65535) f.diags().error(p, "port in 'to' of " + where + " must be from 1 to 65535, not " + port);
                    else toPort = OptionalInt.of(port);
                }
                to = Optional.of(new AddressRef(host, p));
            }
            Optional<String> probability = f.string("probability").map(String::trim);
            if (probability.isPresent() && (!PROBABILITY.matcher(probability.get()).matches() || new java.math.BigDecimal(probability.get()).signum() == 0)) {
                f.diags().error(f.posOf("probability"), "'probability' of " + where + " must be a number above 0 and at most 1 (at most 11"
                        + " decimals), not '" + netlab.source.Printable.name(probability.get()) + "'");
                probability = Optional.empty();
            }
            return new DnatRule(RuleMatch.parse(f, where), chain, to, toPort, probability, f.pos());
        }
    }

    @Override
    public String kind() {
        return "dnat";
    }

    private boolean output() {
        return chain.map(c -> c.text().equals("output")).orElse(false);
    }

    @Override
    public void validate(ModelNode node, LabModel model, Diagnostics d) {
        match.validate(node, model, d, where(node));
        if (output()) {
            match.in().ifPresent(i -> d.error(i.pos(), "'in' of " + where(node) + ": with chain output the packets are the node's own"
                    + " and have no incoming interface"));
        }
        if (to.isEmpty()) return;
        Diagnostics own = new Diagnostics();
        to.get().validate(model, node, own, "'to' of " + where(node));
        own.all().forEach(x -> d.error(x.pos(), x.message()));
        if (own.hasErrors()) return;
        Optional<Cidr> c = to.get().resolve(model, node);
        if (c.isPresent() && c.get().prefix() != 32) {
            d.error(to.get().pos(), "'to' of " + where(node) + " must be one address (optionally with :PORT), not the subnet " + c.get());
        }
        if (toPort.isPresent() && !match.portProtocol()) {
            d.error(to.get().pos(), "'to' of " + where(node) + " changes the port, which needs 'protocol: tcp' or 'protocol: udp'");
        }
    }

    @Override
    public RuleLine render(ModelNode node, LabModel model) {
        String address = to.flatMap(t -> t.address(model, node)).map(Object::toString).orElseThrow();
        List<String> target = new ArrayList<>(List.of("-j", "DNAT", "--to-destination",
                address + (toPort.isPresent() ? ":" + toPort.getAsInt() : "")));
        List<String> matches = new ArrayList<>(match.render(node, model));
        probability.ifPresent(p -> matches.addAll(List.of("-m", "statistic", "--mode", "random", "--probability", p.startsWith(".") ? "0" + p : p)));
        return new RuleLine(Table.NAT, output() ? "OUTPUT" : "PREROUTING", matches, target);
    }
}
