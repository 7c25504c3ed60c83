package netlab.model.build;

import java.util.Optional;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelLink;
import netlab.source.Diagnostics;
import netlab.topology.Endpoint;
import netlab.topology.LinkSpec;
import netlab.topology.SwitchSpec;

/**
 * Checks the options a link carries beyond its ends: VLANs belong to switch ports (so a link needs a switch end,
 * and not a hub's), and an interface is impaired either by its link or by itself, not both.
 */
final class LinkOptionsValidator {
    private LinkOptionsValidator() {}

    static void validate(LabModel model, Diagnostics d) {
        for (LinkSpec l : model.topology().links()) {
            if (!l.vlans().any()) continue;
            if (!l.a().isSwitch() && !l.b().isSwitch()) {
                d.error(l.vlans().pos(), "'vlan' and 'vlans' set the VLANs of a switch port, and link " + l + " has no switch end;"
                        + " to tag on a node, give it an interface of type vlan");
                continue;
            }
            for (Endpoint e : new Endpoint[] {l.a(), l.b()}) {
                SwitchSpec s = e.isSwitch() ? model.topology().switches().get(e.name()) : null;
                if (s != null && s.hub()) {
                    d.error(l.vlans().pos(), "switch '" + s.name() + "' is a hub, which floods every frame and knows no VLANs; remove 'hub' or the VLANs");
                }
            }
        }
        for (ModelLink l : model.links()) {
            if (l.spec().impairment().isEmpty()) continue;
            conflict(l, l.a(), d);
            l.b().ifPresent(b -> conflict(l, b, d));
        }
    }

    private static void conflict(ModelLink l, ModelInterface i, Diagnostics d) {
        Optional<netlab.topology.Impairment> own = i.spec().impairment();
        if (own.isPresent()) {
            d.error(own.get().pos(), "interface " + i.ref() + " has an impairment, and so has its link (line " + l.spec().pos().line()
                    + "); keep one (on the link it applies to both directions, on the interface to what it sends)");
        }
    }
}
