package netlab.interfaces;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.core.InterfaceType;
import netlab.doctor.Feature;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.plan.IpOp;
import netlab.plan.Naming;
import netlab.plan.PlanBuilder;
import netlab.plan.StageName;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.topology.InterfaceTypeSpec;
import netlab.yaml.Fields;

/**
 * {@code type: vlan}: an 802.1Q sub-interface ({@code eth1.10}). What it sends leaves its parent tagged with its
 * VLAN id; frames arriving on the parent with that tag come out of it untagged. The parent and id default to the
 * name: {@code eth1.10} is VLAN 10 on {@code eth1}.
 */
public final class VlanType implements InterfaceType {
    public static final String NAME = "vlan";

    public record Spec(Located parent, int id, Pos pos) implements InterfaceTypeSpec {
        @Override
        public String type() {
            return NAME;
        }

        @Override
        public List<String> dependsOn() {
            return List.of(parent.text());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> fields() {
        return Set.of("parent", "id");
    }

    @Override
    public InterfaceTypeSpec parse(Fields f, String node, String iface) {
        String where = "vlan " + node + ":" + iface;
        Diagnostics d = f.diags();
        int dot = iface.lastIndexOf('.');
        Optional<Located> fromName = dot > 0 ? Optional.of(new Located(iface.substring(0, dot), f.pos())) : Optional.empty();
        Optional<Integer> idFromName = Optional.empty();
        if (dot > 0 && iface.substring(dot + 1).matches("\\d{1,5}")) idFromName = Optional.of(Integer.parseInt(iface.substring(dot + 1)));

        Located parent = TypeFields.ifname(f, "parent", where).or(() -> fromName).orElse(new Located("", f.pos()));
        if (parent.text().isEmpty() && !f.has("parent")) {
            d.error(f.pos(), where + " needs 'parent' (the interface it tags), or a name like eth1.10");
        }
        int id = 1;
        Pos idPos = f.has("id") ? f.posOf("id") : f.pos();
        Optional<Long> written = f.node("id").flatMap(n -> Fields.readInteger(n, "'id' of " + where, Integer.MIN_VALUE, Integer.MAX_VALUE, d));
        if (written.isPresent()) id = (int) (long) written.get();
        else if (idFromName.isPresent() && !f.has("id")) id = idFromName.get();
        else if (!f.has("id")) d.error(f.pos(), where + " needs 'id' (its VLAN, 1 to 4094), or a name like eth1.10");
        if ((written.isPresent() || idFromName.isPresent()) && (id < 1 || id > 4094)) {
            d.error(idPos, where + ": VLAN id " + id + " is outside 1 to 4094 (0 and 4095 are reserved by 802.1Q)");
        }
        return new Spec(parent, id, f.pos());
    }

    @Override
    public void validate(ModelNode node, ModelInterface iface, LabModel model, Diagnostics d) {
        Spec s = (Spec) iface.spec().typeSpec();
        if (s.parent().text().isEmpty()) return;
        Endpoints.sibling(node, iface, s.parent(), "parent", d).ifPresent(p -> {
            if (p.spec().typeSpec() instanceof GreTunnel g && g.type().equals(GreType.NAME)) {
                d.error(s.parent().pos(), "parent " + p.ref() + " of vlan " + iface.ref() + " is a gre tunnel, which carries no Ethernet"
                        + " frames to tag (use gretap)");
            }
        });
        Endpoints.noCycle(node, iface, d);
        for (ModelInterface other : node.interfaces().values()) {
            if (other == iface) break;
            if (other.spec().typeSpec() instanceof Spec o && o.id() == s.id() && o.parent().text().equals(s.parent().text())) {
                d.error(s.pos(), "vlan " + iface.ref() + " is VLAN " + s.id() + " on " + s.parent().text() + ", like " + other.ref()
                        + "; a parent has one sub-interface per VLAN");
            }
        }
    }

    @Override
    public void planCreate(ModelNode node, ModelInterface iface, Naming naming, PlanBuilder plan) {
        Spec s = (Spec) iface.spec().typeSpec();
        String ns = naming.nodeNetns(node.name());
        IpOp.NewLink link = new IpOp.NewLink(iface.name(), iface.spec().mac(), iface.spec().mtu(), Optional.empty());
        plan.addToNode(StageName.NODES, naming, node.name(), new IpOp.AddVlan(link, s.parent().text(), s.id(), link.madeIn(ns)));
    }

    @Override
    public Set<Feature> features() {
        return Set.of(Feature.VLAN);
    }
}
