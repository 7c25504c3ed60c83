package netlab.rules.kinds;

import java.util.List;
import java.util.Set;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.rules.Rule;
import netlab.rules.RuleKind;
import netlab.rules.RuleLine;
import netlab.rules.RuleMatch;
import netlab.runtime.Table;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.yaml.Fields;

/**
 * {@code masquerade: {source: 192.168.1.0/24, out: eth2}}: outgoing packets leave with the address of the interface
 * they leave by (source NAT to whatever that address is), the usual "many private hosts behind one public address".
 */
public record MasqueradeRule(RuleMatch match, Pos pos) implements Rule {

    public static final class Kind implements RuleKind {
        @Override
        public String key() {
            return "masquerade";
        }

        @Override
        public Set<String> fields() {
            return Set.of("source", "destination", "out", "protocol", "port");
        }

        @Override
        public Rule parse(Fields f, String where) {
            return new MasqueradeRule(RuleMatch.parse(f, where), f.pos());
        }
    }

    @Override
    public String kind() {
        return "masquerade";
    }

    @Override
    public void validate(ModelNode node, LabModel model, Diagnostics d) {
        match.validate(node, model, d, where(node));
    }

    @Override
    public RuleLine render(ModelNode node, LabModel model) {
        return new RuleLine(Table.NAT, "POSTROUTING", match.render(node, model), List.of("-j", "MASQUERADE"));
    }
}
