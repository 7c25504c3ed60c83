package netlab.plan.build;

import java.util.ArrayList;
import java.util.List;
import netlab.model.LabModel;
import netlab.model.ModelSwitch;
import netlab.plan.BridgeOp;
import netlab.plan.Naming;
import netlab.plan.Op;
import netlab.plan.PlanBuilder;
import netlab.plan.StageName;
import netlab.topology.PortVlans;

/**
 * The 802.1Q side of switches. A switch one of whose links names VLANs is made VLAN-aware (vlan_filtering) with no
 * default VLAN, and each port then gets exactly its VLANs in one {@code bridge -batch} in the fabric: an access
 * port its VLAN as PVID, untagged; a trunk its VLANs tagged; a port the topology says nothing about VLAN 1,
 * untagged, as on a real switch. Nothing is deleted, so re-running it is harmless.
 */
final class SwitchVlans {
    private SwitchVlans() {}

    /** Options for {@code ip link add ... type bridge}. */
    static String bridgeOptions(ModelSwitch s) {
        return s.vlanAware() ? " vlan_filtering 1 vlan_default_pvid 0" : "";
    }

    static void plan(LabModel model, Naming naming, PlanBuilder plan) {
        for (ModelSwitch s : model.switches().values()) {
            if (!s.vlanAware()) continue;
            for (ModelSwitch.Port p : s.ports()) {
                for (Op op : portOps(p.portName(), p.vlans())) plan.add(StageName.LINKS, "fabric", naming.fabricNetns(), op);
            }
        }
    }

    static List<Op> portOps(String port, PortVlans v) {
        List<Op> out = new ArrayList<>();
        if (!v.any()) {
            out.add(new BridgeOp("vlan add vid 1 dev " + port + " pvid untagged"));
            return out;
        }
        v.untagged().ifPresent(id -> out.add(new BridgeOp("vlan add vid " + id + " dev " + port + " pvid untagged")));
        for (int id : v.tagged()) out.add(new BridgeOp("vlan add vid " + id + " dev " + port));
        return out;
    }
}
