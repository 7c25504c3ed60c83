package netlab.rules;

import java.util.ArrayList;
import java.util.List;
import netlab.kind.KindEntry;
import netlab.kind.Registry;
import netlab.source.Diagnostics;
import netlab.yaml.Fields;
import netlab.yaml.YNode;
import netlab.yaml.YSeq;

/**
 * Reads a node's {@code rules:}: each entry is one kind ({@code masquerade}, {@code snat}, {@code dnat},
 * {@code accept}, {@code drop}, {@code reject}) holding its settings. Order matters: it is the order in the chains.
 */
public final class RuleParser {
    private RuleParser() {}

    public static List<Rule> parse(YSeq seq, String node, Diagnostics d, Registry<RuleKind> kinds) {
        List<Rule> out = new ArrayList<>();
        for (YNode item : seq.items()) {
            KindEntry.item(item, "a rule of node '" + node + "'", kinds, d).ifPresent(e -> {
                RuleKind kind = e.kind();
                String where = "the " + kind.key() + " rule of node '" + node + "'";
                out.add(kind.parse(Fields.of(e.body(), d, where, kind.fields()), where));
            });
        }
        return out;
    }
}
