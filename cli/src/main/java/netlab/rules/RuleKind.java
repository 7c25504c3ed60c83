package netlab.rules;

import java.util.Set;
import netlab.kind.Kind;
import netlab.yaml.Fields;

/** One kind of rule: the key that selects it in a node's {@code rules:} list and how to read its settings. */
public interface RuleKind extends Kind {
    @Override
    String key();

    /** Keys allowed inside the kind's mapping. */
    Set<String> fields();

    /**
     * Reads the kind's mapping; reports problems to {@code fields.diags()} and returns a rule anyway.
     *
     * @param where what the mapping is, for messages ("the dnat rule of node 'r1'")
     */
    Rule parse(Fields fields, String where);
}
