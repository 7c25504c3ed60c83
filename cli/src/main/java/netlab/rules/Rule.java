package netlab.rules;

import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.source.Diagnostics;
import netlab.source.Pos;

/**
 * One entry of a node's {@code rules:} list as written (a masquerade, a port-forward, a filter rule…), and how it
 * becomes one iptables rule inside the node's own namespace. One class per rule kind.
 */
public interface Rule {
    /** The key that selects the kind in a topology ("masquerade", "dnat", "drop"…). */
    String kind();

    /** Where the rule is written (its entry in the list). */
    Pos pos();

    /** Checks the rule against the lab: its interfaces exist on the node, its addresses resolve, and so on. */
    void validate(ModelNode node, LabModel model, Diagnostics diags);

    /** The iptables rule. Called on a valid model only. */
    RuleLine render(ModelNode node, LabModel model);

    /**
     * Every iptables line the entry makes, in order. Most kinds make one ({@link #render}); a generated entry such as
     * a Kubernetes service makes several, in chains of its own ({@link NodeRules} declares every chain a line is
     * appended to). Called on a valid model only.
     */
    default java.util.List<RuleLine> lines(ModelNode node, LabModel model) {
        return java.util.List.of(render(node, model));
    }

    /** "the masquerade rule of node 'r1'", for messages. */
    default String where(ModelNode node) {
        return "the " + kind() + " rule of node '" + node.name() + "'";
    }
}
