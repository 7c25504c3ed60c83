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
 * The 802.1Q side of switches. A switch one of whose links names VLANs is made VLAN-aware ({@link IpOp.AddBridge#vlanAware}) with no
 * default VLAN, and each port then gets exactly its VLANs in one {@code bridge -batch} in the fabric: an access
 * port its VLAN as PVID, untagged; a trunk its VLANs tagged; a port the topology says nothing about VLAN 1,
 * untagged, as on a real switch. Nothing is deleted, so re-running it is harmless.
 */
final class SwitchVlans {
    private SwitchVlans() {}

    static void plan(LabModel model, Naming naming, PlanBuilder plan) {
        for (ModelSwitch s : model.switches().values()) {
            if (!s.vlanAware()) continue;
            for (ModelSwitch.Port p : s.ports()) {
                for (Op op : portOps(p.portName(), p.vlans())) plan.add(StageName.LINKS, "fabric", naming.fabricNetns(), op);
            }
        }
    }

    static List<BridgeOp> portOps(String port, PortVlans v) {
        List<BridgeOp> out = new ArrayList<>();
        if (!v.any()) {
            out.add(new BridgeOp.VlanAdd(1, port, true));
            return out;
        }
        if (v.untagged().isPresent()) out.add(new BridgeOp.VlanAdd(v.untagged().getAsInt(), port, true));
        for (int id : v.tagged()) out.add(new BridgeOp.VlanAdd(id, port, false));
        return out;
    }
}
