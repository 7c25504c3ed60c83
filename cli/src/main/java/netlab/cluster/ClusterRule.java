package netlab.cluster;

import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.rules.Rule;
import netlab.rules.RuleLine;
import netlab.source.Diagnostics;

/**
 * A rule the {@code cluster:} section puts on a node (kube-proxy's service chains, flannel's masquerade, a load
 * balancer's DNAT): several iptables lines, some in chains of their own. What it refers to (pods, nodes, addresses)
 * is checked once for the whole cluster by {@link ClusterValidator}, with the positions of the cluster section.
 */
interface ClusterRule extends Rule {
    @Override
    default void validate(ModelNode node, LabModel model, Diagnostics diags) {}

    /** Never one line: {@link #lines} is what NodeRules reads. */
    @Override
    default RuleLine render(ModelNode node, LabModel model) {
        throw new IllegalStateException(kind() + " rules make several lines; read lines()");
    }
}
