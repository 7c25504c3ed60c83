package netlab.interfaces;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.net.MacAddress;
import netlab.plan.IpOp;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.topology.InterfaceTypeSpec;
import netlab.yaml.Fields;

/**
 * The settings a GRE tunnel has, routed ({@code gre}) or Ethernet ({@code gretap}): its two ends over the
 * underlay, an optional key (to tell tunnels between the same ends apart), the outer TTL and the underlay device.
 */
public record GreTunnel(String type, AddressAt local, AddressAt remote, OptionalLong key, OptionalInt ttl,
                        Optional<Located> underlay, Pos pos) implements InterfaceTypeSpec {
    static final Set<String> FIELDS = Set.of("local", "remote", "key", "ttl", "underlay");
    static final long MAX_KEY = 0xFFFF_FFFFL;

    @Override
    public List<String> dependsOn() {
        return underlay.map(u -> List.of(u.text())).orElse(List.of());
    }

    /** The op that makes it in namespace {@code netns}. */
    public IpOp createOp(String ifname, Optional<MacAddress> mac, OptionalInt mtu, String netns) {
        IpOp.NewLink link = new IpOp.NewLink(ifname, mac, mtu, Optional.empty());
        return new IpOp.AddGre(link, type.equals(GretapType.NAME), local.address(), remote.address(), key, ttl,
                underlay.isPresent() ? Optional.of(underlay.get().text()) : Optional.empty(), link.madeIn(netns));
    }

    static GreTunnel parse(String type, Fields f, String node, String iface) {
        String where = type + " " + node + ":" + iface;
        Diagnostics d = f.diags();
        AddressAt placeholder = new AddressAt(netlab.net.IpAddress.of("0.0.0.0"), f.pos());
        AddressAt local = endpoint(f, "local", where).orElse(placeholder);
        AddressAt remote = endpoint(f, "remote", where).orElse(placeholder);
        OptionalLong key = f.integer("key", 0, MAX_KEY).map(OptionalLong::of).orElse(OptionalLong.empty());
        OptionalInt ttl = f.integer("ttl", 1, 255).map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
        Optional<Located> underlay = TypeFields.ifname(f, "underlay", where);
        return new GreTunnel(type, local, remote, key, ttl, underlay, f.pos());
    }

    private static Optional<AddressAt> endpoint(Fields f, String key, String where) {
        if (!f.has(key)) {
            f.diags().error(f.pos(), where + " needs '" + key + "' (the " + (key.equals("local") ? "node's own" : "far end's")
                    + " underlay address)");
            return Optional.empty();
        }
        return TypeFields.address(f, key, where).filter(a -> {
            if (!a.address().isV6()) return true;
            f.diags().error(a.pos(), key + " " + a + " of " + where + " is IPv6; GRE over IPv6 (ip6gre) is not supported, use IPv4 ends");
            return false;
        });
    }

    /** The stand-in for an end that was missing or invalid (already reported by the parser). */
    private static boolean unset(AddressAt a) {
        return a.address().value().signum() == 0;
    }

    void validate(ModelNode node, ModelInterface iface, LabModel model, Diagnostics d) {
        String what = type + " " + iface.ref();
        if (!unset(local)) Endpoints.local(node, local, "local address of " + what, d);
        if (!unset(remote)) Endpoints.remote(node, remote, "remote of " + what, model, d);
        underlay.ifPresent(u -> Endpoints.sibling(node, iface, u, "underlay", d));
        Endpoints.noCycle(node, iface, d);
        // The kernel refuses a second tunnel of one type with the same ends and key in a namespace.
        for (ModelInterface other : node.interfaces().values()) {
            if (other == iface) break;
            if (other.spec().typeSpec() instanceof GreTunnel o && o.type.equals(type) && o.local.address().equals(local.address())
                    && o.remote.address().equals(remote.address()) && o.key.equals(key)) {
                d.error(pos, what + " has the same ends" + (key.isPresent() ? " and key" : "") + " as " + other.ref()
                        + "; give one of them a different 'key'");
            }
        }
    }
}
