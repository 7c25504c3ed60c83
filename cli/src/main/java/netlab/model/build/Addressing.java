package netlab.model.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.model.Segment;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.topology.AddressSpec;
import netlab.topology.SwitchSpec;
import netlab.topology.Topology;

/**
 * Gives every interface its addresses: the ones written (checked against the segment's subnet and for
 * duplicates), then, for interfaces that wrote none, the next free host addresses of their segment's subnets.
 */
final class Addressing {
    private final Topology topo;
    private final Diagnostics d;

    Addressing(Topology topo, Diagnostics d) {
        this.topo = topo;
        this.d = d;
    }

    private static final class SegmentDraft {
        final String name;
        final Optional<Cidr> v4, v6;
        final Pos pos;
        final String what;
        final List<ModelBuilder.IfaceDraft> members = new ArrayList<>();

        SegmentDraft(String name, Optional<Cidr> v4, Optional<Cidr> v6, Pos pos, String what) {
            this.name = name;
            this.v4 = v4;
            this.v6 = v6;
            this.pos = pos;
            this.what = what;
        }
    }

    List<Segment> assign(Map<String, Map<String, ModelBuilder.IfaceDraft>> ifaces, List<ModelBuilder.LinkDraft> links) {
        Map<String, SegmentDraft> segs = new LinkedHashMap<>();
        for (SwitchSpec s : topo.switches().values()) {
            segs.put(s.name(), new SegmentDraft(s.name(), s.subnet4(), s.subnet6(), s.pos(), "switch " + s.name()));
        }
        for (ModelBuilder.LinkDraft l : links) {
            if (l.a() == null) continue;
            if (l.b() != null) {
                segs.put(l.a().segment, new SegmentDraft(l.a().segment, l.spec().subnet4(), l.spec().subnet6(), l.spec().pos(),
                        "link " + l.a().ref() + " -- " + l.b().ref()));
                segs.get(l.a().segment).members.add(l.a());
                segs.get(l.a().segment).members.add(l.b());
            } else {
                segs.get(l.switchName()).members.add(l.a());
            }
        }

        // Switches joined by links are one L2 segment: addresses must be unique across all of them, and
        // automatic ones are taken from one pool (two joined switches with one subnet share it).
        Map<String, String> domain = l2Domains(segs.keySet(), links);
        // Written addresses first: they are fixed, and automatic ones must avoid them.
        Map<String, Map<IpAddress, String>> usedPerSegment = new HashMap<>();
        for (Map<String, ModelBuilder.IfaceDraft> m : ifaces.values()) {
            Map<IpAddress, String> usedOnNode = new HashMap<>();
            for (ModelBuilder.IfaceDraft i : m.values()) {
                SegmentDraft seg = i.segment == null ? null : segs.get(i.segment);
                for (AddressSpec a : i.spec.addresses()) {
                    checkWritten(i, a, seg, usedOnNode, seg == null ? null : usedPerSegment.computeIfAbsent(domain.get(seg.name), k -> new HashMap<>()));
                    i.addresses.add(a.cidr());
                }
            }
        }
        for (SegmentDraft seg : segs.values()) {
            Map<IpAddress, String> used = usedPerSegment.computeIfAbsent(domain.get(seg.name), k -> new HashMap<>());
            seg.v4.ifPresent(subnet -> autoAssign(seg, subnet, used));
            seg.v6.ifPresent(subnet -> autoAssign(seg, subnet, used));
        }
        List<Segment> out = new ArrayList<>();
        for (SegmentDraft s : segs.values()) {
            out.add(new Segment(s.name, s.v4, s.v6, s.members.stream().map(ModelBuilder.IfaceDraft::ref).toList()));
        }
        return out;
    }

    /** Each segment's L2 domain: the first segment of the group of switches joined to each other by links. */
    private static Map<String, String> l2Domains(java.util.Collection<String> segments, List<ModelBuilder.LinkDraft> links) {
        Map<String, String> domain = new LinkedHashMap<>();
        for (String s : segments) domain.put(s, s);
        for (ModelBuilder.LinkDraft l : links) {
            if (l.a() != null || l.switchName() == null || l.otherSwitch() == null) continue;
            String keep = domain.get(l.switchName()), merged = domain.get(l.otherSwitch());
            if (keep == null || merged == null || keep.equals(merged)) continue;
            domain.replaceAll((seg, d) -> d.equals(merged) ? keep : d);
        }
        return domain;
    }

    private void checkWritten(ModelBuilder.IfaceDraft i, AddressSpec a, SegmentDraft seg,
                              Map<IpAddress, String> usedOnNode, Map<IpAddress, String> usedOnSegment) {
        Cidr c = a.cidr();
        if (c.isNetworkAddressOfSubnet()) {
            d.error(a.pos(), "address " + c + " of " + i.ref() + " is the network address of its subnet; pick a host address");
        } else if (c.isBroadcastAddressOfSubnet()) {
            d.error(a.pos(), "address " + c + " of " + i.ref() + " is the broadcast address of its subnet; pick a host address");
        }
        if (seg != null) {
            Optional<Cidr> subnet = c.isV6() ? seg.v6 : seg.v4;
            if (subnet.isPresent() && !(subnet.get().contains(c.address()) && c.prefix() == subnet.get().prefix())) {
                d.error(a.pos(), "address " + c + " of " + i.ref() + " is outside subnet " + subnet.get() + " of " + seg.what
                        + (subnet.get().contains(c.address()) ? " (prefix length differs)" : ""));
            }
        }
        String prev = usedOnNode.putIfAbsent(c.address(), i.ref());
        if (prev != null) d.error(a.pos(), "address " + c.address() + " is on both " + prev + " and " + i.ref());
        if (usedOnSegment != null) {
            String other = usedOnSegment.putIfAbsent(c.address(), i.ref());
            if (other != null && !other.equals(i.ref())) {
                d.error(a.pos(), "address " + c.address() + " of " + i.ref() + " is already used by " + other + " on " + seg.what);
            }
        }
    }

    private void autoAssign(SegmentDraft seg, Cidr subnet, Map<IpAddress, String> used) {
        long next = 1;
        for (ModelBuilder.IfaceDraft i : seg.members) {
            if (!i.spec.autoAddress()) continue;
            Optional<Cidr> host;
            while ((host = subnet.host(next)).isPresent() && used.containsKey(host.get().address())) next++;
            if (host.isEmpty()) {
                d.error(i.linkPos != null ? i.linkPos : seg.pos, "subnet " + subnet + " of " + seg.what + " has no free address left for " + i.ref());
                return;
            }
            used.put(host.get().address(), i.ref());
            i.addresses.add(host.get());
            next++;
        }
    }
}
