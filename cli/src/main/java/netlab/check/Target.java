package netlab.check;

import java.util.Optional;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.source.Suggest;

/**
 * Where a probe goes, as written: a node name, {@code node:interface}, or an address. A node name means its
 * address on a segment it shares with the probing node (else its first address of the family).
 */
public record Target(String text, Pos pos) {

    public Optional<IpAddress> literal() {
        return IpAddress.parse(text);
    }

    /** The node, without a pod member ("web/client" is node web: its members share its addresses). */
    public String node() {
        int c = text.indexOf(':');
        String n = c < 0 ? text : text.substring(0, c);
        int slash = n.indexOf('/');
        return slash < 0 ? n : n.substring(0, slash);
    }

    /** The pod member of "pod/member", if one is named. */
    public Optional<String> member() {
        int c = text.indexOf(':');
        String n = c < 0 ? text : text.substring(0, c);
        int slash = n.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.of(n.substring(slash + 1));
    }

    public Optional<String> iface() {
        int c = text.indexOf(':');
        return c < 0 ? Optional.empty() : Optional.of(text.substring(c + 1));
    }

    /** Reports a target that does not exist or has no address of the family. */
    public void validate(LabModel model, Diagnostics d, String what, boolean v6) {
        if (text.isEmpty()) return; // missing: already reported by the parser
        if (literal().isPresent()) {
            if (literal().get().isV6() != v6) d.error(pos, what + " " + text + " is " + literal().get().family() + (v6 ? "; remove 'ipv6: true'" : "; set 'ipv6: true'"));
            return;
        }
        if (!validNode(model, d, what)) return;
        if (resolve(model, null, v6).isEmpty()) {
            d.error(pos, what + " '" + text + "' has no " + (v6 ? "IPv6" : "IPv4") + " address to probe");
        }
    }

    /** Checks that the node (and interface, if given) exist. */
    public boolean validNode(LabModel model, Diagnostics d, String what) {
        if (text.isEmpty()) return false; // missing: already reported by the parser
        Optional<ModelNode> n = model.node(node());
        if (n.isEmpty()) {
            d.error(pos, what + " '" + text + "': there is no node '" + node() + "'" + Suggest.hint(node(), model.nodes().keySet()));
            return false;
        }
        if (member().isPresent()) {
            String m = member().get();
            java.util.Set<String> members = n.get().spec().kindSpec().members();
            if (!members.contains(m)) {
                d.error(pos, what + " '" + text + "': " + (members.isEmpty()
                        ? "node '" + node() + "' (kind " + n.get().kind() + ") is not a pod; write '" + node() + "' without '/" + m + "'"
                        : "pod '" + node() + "' has no container '" + m + "'" + Suggest.hint(m, members)));
                return false;
            }
        }
        if (iface().isPresent() && !n.get().interfaces().containsKey(iface().get())) {
            d.error(pos, what + " '" + text + "': node '" + node() + "' has no interface '" + iface().get() + "'"
                    + Suggest.hint(iface().get(), n.get().interfaces().keySet()));
            return false;
        }
        return true;
    }

    public Optional<IpAddress> resolve(LabModel model, String from, boolean v6) {
        if (literal().isPresent()) return literal();
        Optional<ModelNode> n = model.node(node());
        if (n.isEmpty()) return Optional.empty();
        if (iface().isPresent()) {
            return Optional.ofNullable(n.get().interfaces().get(iface().get())).flatMap(i -> i.firstAddress(v6)).map(Cidr::address);
        }
        if (from != null) {
            Optional<ModelNode> src = model.node(from);
            if (src.isPresent()) {
                for (ModelInterface ti : n.get().interfaces().values()) {
                    for (ModelInterface si : src.get().interfaces().values()) {
                        if (ti.segment().isPresent() && ti.segment().equals(si.segment()) && ti.firstAddress(v6).isPresent()) {
                            return ti.firstAddress(v6).map(Cidr::address);
                        }
                    }
                }
            }
        }
        for (ModelInterface i : n.get().interfaces().values()) {
            if (i.name().equals("lo")) continue;
            if (i.firstAddress(v6).isPresent()) return i.firstAddress(v6).map(Cidr::address);
        }
        return Optional.ofNullable(n.get().interfaces().get("lo")).flatMap(i -> i.firstAddress(v6)).map(Cidr::address);
    }

    @Override
    public String toString() {
        return text;
    }
}
