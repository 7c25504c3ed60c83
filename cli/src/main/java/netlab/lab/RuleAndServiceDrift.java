package netlab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.rules.LiveRules;
import netlab.rules.NodeRules;
import netlab.runtime.ProcessRunner;
import netlab.services.Listeners;
import netlab.services.Service;

/** Where a node's rules or servers differ from its topology: part of {@code status}'s drift. */
final class RuleAndServiceDrift {
    private RuleAndServiceDrift() {}

    static List<String> of(ModelNode n, LabModel model, String netns, ProcessRunner processes) throws InterruptedException {
        List<String> drift = new ArrayList<>();
        var rendered = NodeRules.render(n, model);
        if (rendered.isPresent()) {
            int have = LiveRules.read(processes, netns).countMarked(rendered.get().mark());
            if (have != rendered.get().count()) {
                drift.add(n.name() + ": " + have + " of its " + rendered.get().count() + " rules are in place ('netlab up' applies them again)");
            }
        }
        if (!n.spec().services().isEmpty()) {
            Set<Integer> ports = Listeners.inNetns(processes, netns);
            for (Service s : n.spec().services()) {
                if (!ports.contains(s.port())) drift.add(n.name() + ": its " + s.describe() + " service is not listening ('netlab up' starts it again)");
            }
        }
        return drift;
    }
}
