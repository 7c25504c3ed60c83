package netlab.routing.extension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.CheckKind;
import netlab.check.CouldNotRun;
import netlab.check.NestedProbes;
import netlab.check.Observation;
import netlab.check.Target;
import netlab.doctor.Feature;
import netlab.interfaces.VxlanType;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.net.IpAddress;
import netlab.net.MacAddress;
import netlab.routing.observe.EvpnMac;
import netlab.routing.observe.EvpnVni;
import netlab.routing.observe.FrrObserver;
import netlab.routing.observe.FrrShow;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.yaml.Fields;

/**
 * {@code evpn: {node: leaf1, vni: 100, remote_vteps: [leaf2, leaf3], host: h3, behind: leaf3}}: what EVPN taught a
 * VTEP about one VNI, seen both in FRR and in the kernel. {@code remote_vteps}: exactly these nodes' VTEPs (the
 * {@code local} address of their VXLAN device of the VNI) are the VNI's flood list: zebra's remote VTEPs (type-3
 * routes) and the flood entries ({@code 00:00:00:00:00:00 dst VTEP}) of the node's VXLAN device. {@code host}: the
 * host's MAC is a remote MAC of the VNI behind {@code behind}'s VTEP in zebra (a type-2 route) and an entry of the
 * device's forwarding table with that destination that zebra installed ({@code extern_learn}), not one the device
 * learned. Looked at again and again within the timeout until both views hold.
 *
 * <p>Ran: vtysh answered and the device's forwarding table could be read. zebra not running, the VNI unknown to it,
 * another flood list, the MAC missing or behind another VTEP, in either view: failures. FRR not answering: could
 * not run.
 */
public record EvpnCheck(String node, long vni, List<Located> remoteVteps, Optional<Target> host, Optional<Located> behind, Pos nodePos,
                        Pos vniPos) implements CheckBody {
    static final String ANY_MAC = "00:00:00:00:00:00";

    public EvpnCheck {
        remoteVteps = List.copyOf(remoteVteps);
    }

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "evpn";
        }

        @Override
        public Set<String> fields() {
            return Set.of("node", "vni", "remote_vteps", "host", "behind");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            Diagnostics d = f.diags();
            String node = f.requiredString("node").orElse("").trim();
            if (!f.has("vni")) d.error(f.pos(), "the evpn check needs 'vni': the VNI to look at (1 to " + VxlanType.MAX_VNI + ")");
            long vni = f.integer("vni", 0, 1, VxlanType.MAX_VNI);
            List<Located> vteps = f.textList("remote_vteps").stream().map(l -> new Located(l.text().trim(), l.pos())).toList();
            if (f.has("remote_vteps") && vteps.isEmpty()) {
                d.error(f.posOf("remote_vteps"), "'remote_vteps' of the evpn check is empty; name the nodes whose VTEPs the VNI floods to");
            }
            Optional<Target> host = f.string("host").map(t -> new Target(t.trim(), f.posOf("host")));
            Optional<Located> behind = f.string("behind").map(t -> new Located(t.trim(), f.posOf("behind")));
            if (host.isPresent() != behind.isPresent()) {
                d.error(f.posOf(host.isPresent() ? "host" : "behind"), "the evpn check's 'host' and 'behind' go together: the host whose MAC"
                        + " the node learned from BGP, and the node whose VTEP it is behind");
            }
            if (!f.has("remote_vteps") && !f.has("host")) {
                d.error(f.pos(), "the evpn check needs 'remote_vteps' (the VNI's flood list) or 'host' and 'behind' (a remote MAC), or both");
            }
            return new EvpnCheck(node, vni, vteps, host, behind, f.posOf("node"), f.posOf("vni"));
        }
    }

    @Override
    public String kind() {
        return "evpn";
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!remoteVteps.isEmpty()) parts.add("floods to " + String.join(", ", remoteVteps.stream().map(Located::text).toList()));
        host.ifPresent(h -> parts.add("has " + h + " behind " + behind.map(Located::text).orElse("?")));
        return "evpn " + node + " vni " + vni + " " + String.join(", ", parts);
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public Set<Feature> features() {
        return EnumSet.of(Feature.FRR);
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        if (!RoutingTargets.bgpNode(model, node, nodePos, "the node of an evpn check", d) || vni == 0) return;
        if (device(model, node).isEmpty()) {
            d.error(vniPos, "the evpn check: node " + node + " has no VXLAN device with vni " + vni + vnisOf(model, node));
            return;
        }
        Set<String> seen = new TreeSet<>();
        for (Located v : remoteVteps) {
            if (vtep(model, v, "'remote_vteps' of the evpn check", d) && !seen.add(v.text())) {
                d.error(v.pos(), "'remote_vteps' of the evpn check names " + v.text() + " twice");
            }
        }
        behind.ifPresent(b -> vtep(model, b, "'behind' of the evpn check", d));
        host.ifPresent(h -> {
            if (h.validNode(model, d, "the host of an evpn check")) hostInterface(model, d);
        });
    }

    /** A node named as a remote VTEP: another node with a VXLAN device of the VNI that has a local address. */
    private boolean vtep(LabModel model, Located v, String what, Diagnostics d) {
        if (model.node(v.text()).isEmpty()) {
            d.error(v.pos(), what + ": no node '" + v.text() + "'" + Suggest.hint(v.text(), model.nodes().keySet()));
            return false;
        }
        if (v.text().equals(node)) {
            d.error(v.pos(), what + " names " + node + " itself; its own VTEP is not a remote one");
            return false;
        }
        Optional<VxlanType.Spec> s = device(model, v.text()).map(EvpnCheck::spec);
        if (s.isEmpty()) {
            d.error(v.pos(), what + ": node " + v.text() + " has no VXLAN device with vni " + vni + vnisOf(model, v.text()));
            return false;
        }
        if (s.get().local().isEmpty()) {
            d.error(v.pos(), what + ": the VXLAN device of vni " + vni + " of node " + v.text() + " has no 'local' address, the VTEP address"
                    + " EVPN announces");
            return false;
        }
        return true;
    }

    private Optional<ModelInterface> hostInterface(LabModel model, Diagnostics d) {
        ModelNode n = model.node(host.get().node()).orElseThrow();
        if (host.get().iface().isPresent()) return Optional.ofNullable(n.interfaces().get(host.get().iface().get()));
        List<ModelInterface> linked = n.interfaces().values().stream().filter(i -> i.segment().isPresent()).toList();
        if (linked.size() == 1) return Optional.of(linked.get(0));
        if (d != null) {
            d.error(host.get().pos(), "the host of an evpn check: node " + n.name() + " has " + linked.size() + " links; write the interface, like "
                    + n.name() + ":eth1");
        }
        return Optional.empty();
    }

    private Optional<ModelInterface> device(LabModel model, String n) {
        return model.node(n).stream().flatMap(x -> x.interfaces().values().stream())
                .filter(i -> i.spec().typeSpec() instanceof VxlanType.Spec s && s.vni() == vni).findFirst();
    }

    private static VxlanType.Spec spec(ModelInterface i) {
        return (VxlanType.Spec) i.spec().typeSpec();
    }

    private static String vnisOf(LabModel model, String n) {
        List<String> vnis = model.node(n).stream().flatMap(x -> x.interfaces().values().stream())
                .filter(i -> i.spec().typeSpec() instanceof VxlanType.Spec).map(i -> spec(i).vni() + " (" + i.name() + ")").toList();
        return vnis.isEmpty() ? " (it has none)" : "; its VNIs: " + String.join(", ", vnis);
    }

    private IpAddress vtepAddress(LabModel model, String n) {
        return spec(device(model, n).orElseThrow()).local().orElseThrow().address();
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        LabModel model = ctx.model();
        String dev = device(model, node).orElseThrow().name();
        Map<IpAddress, String> expected = new LinkedHashMap<>();
        for (Located v : remoteVteps) expected.put(vtepAddress(model, v.text()), v.text());
        Optional<IpAddress> behindVtep = behind.map(b -> vtepAddress(model, b.text()));
        Optional<ModelInterface> hostIface = host.flatMap(h -> hostInterface(model, null));
        String netns = ctx.naming().nodeNetns(node);
        return Converging.until(timeout, () -> {
            Optional<MacAddress> mac = Optional.empty();
            if (hostIface.isPresent()) {
                mac = ctx.macOf(hostIface.get().node(), hostIface.get().name());
                if (mac.isEmpty()) throw new CouldNotRun("cannot read the MAC of " + hostIface.get().ref());
            }
            FrrObserver.Observation<EvpnVni> vnis = FrrObserver.evpnVnis(Converging.ask(ctx, node, FrrShow.EVPN_VNIS));
            if (!vnis.daemonRunning()) return Observation.notOk("zebra does not run in " + node);
            Optional<EvpnVni> mine = vnis.items().stream().filter(v -> v.vni() == vni).findFirst();
            if (mine.isEmpty()) {
                return Observation.notOk(node + "'s zebra knows no EVPN VNI " + vni + (vnis.items().isEmpty() ? " (none: EVPN is off, no"
                        + " advertise-all-vni)" : " (its VNIs: " + String.join(", ", vnis.items().stream().map(v -> String.valueOf(v.vni())).toList()) + ")"));
            }
            List<Map<String, Object>> fdb = ctx.jsonRows("bridge", netns, List.of("fdb", "show", "dev", dev));
            List<String> wrong = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            if (!remoteVteps.isEmpty()) {
                Set<IpAddress> inFrr = Set.copyOf(mine.get().remoteVteps());
                Set<IpAddress> inKernel = new java.util.HashSet<>();
                for (Map<String, Object> row : fdb) {
                    if (ANY_MAC.equals(row.get("mac")) && row.get("dst") instanceof String dst) IpAddress.parse(dst).ifPresent(inKernel::add);
                }
                String frrWords = "zebra's remote VTEPs of VNI " + vni + ": " + names(inFrr, expected);
                String kernelWords = dev + " floods to " + names(inKernel, expected);
                if (!inFrr.equals(expected.keySet())) wrong.add(frrWords);
                if (!inKernel.equals(expected.keySet())) wrong.add(kernelWords);
                seen.add(frrWords);
                seen.add(kernelWords);
            }
            if (mac.isPresent()) {
                MacAddress m = mac.get();
                String who = m + " (" + host.get() + ")";
                FrrObserver.Observation<EvpnMac> macs = FrrObserver.evpnMacs(Converging.ask(ctx, node, FrrShow.EVPN_MACS));
                Optional<EvpnMac> inFrr = macs.items().stream().filter(x -> x.vni() == vni && x.mac().equals(m)).findFirst();
                String frrWords = inFrr.map(x -> "zebra has " + who + " " + x.type() + x.remoteVtep().map(v -> " behind " + name(v, behindVtep, behind))
                        .orElse("")).orElse("zebra has no " + who + " in VNI " + vni);
                boolean frrOk = inFrr.isPresent() && inFrr.get().remote() && inFrr.get().remoteVtep().equals(behindVtep);
                Optional<Map<String, Object>> entry = fdb.stream().filter(r -> m.text().equals(r.get("mac")) && r.get("dst") != null).findFirst();
                boolean external = entry.map(r -> r.get("flags") instanceof List<?> l && l.contains("extern_learn")).orElse(false);
                String kernelWords = entry.map(r -> dev + " sends " + who + " to " + name(IpAddress.parse(String.valueOf(r.get("dst"))).orElse(null),
                        behindVtep, behind) + (external ? " (installed by zebra)" : " (learned by the device, not from EVPN)"))
                        .orElse(dev + " has no entry for " + who);
                boolean kernelOk = external && entry.flatMap(r -> IpAddress.parse(String.valueOf(r.get("dst")))).equals(behindVtep);
                if (!frrOk) wrong.add(frrWords);
                if (!kernelOk) wrong.add(kernelWords);
                seen.add(frrWords);
                seen.add(kernelWords);
            }
            return wrong.isEmpty() ? Observation.ok(node + ": " + String.join("; ", seen))
                    : Observation.notOk(node + ": " + String.join("; ", wrong) + "; expected " + expectation(behindVtep));
        });
    }

    private String expectation(Optional<IpAddress> behindVtep) {
        List<String> parts = new ArrayList<>();
        if (!remoteVteps.isEmpty()) parts.add("flood list " + String.join(", ", remoteVteps.stream().map(Located::text).toList()));
        host.ifPresent(h -> parts.add(h + " behind " + behind.get().text() + " (" + behindVtep.orElseThrow() + ")"));
        return String.join(" and ", parts);
    }

    private static String names(Set<IpAddress> vteps, Map<IpAddress, String> known) {
        if (vteps.isEmpty()) return "none";
        return String.join(", ", vteps.stream().sorted(java.util.Comparator.comparing(IpAddress::toString))
                .map(a -> known.containsKey(a) ? a + " (" + known.get(a) + ")" : a.toString()).toList());
    }

    private static String name(IpAddress a, Optional<IpAddress> behindVtep, Optional<Located> behind) {
        if (a == null) return "?";
        return behindVtep.isPresent() && behindVtep.get().equals(a) ? a + " (" + behind.get().text() + ")" : a.toString();
    }
}
