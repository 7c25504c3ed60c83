package netlab.interfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.net.Cidr;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Suggest;

/**
 * Checks the references interface types make: a tunnel's local end is an address of its own node, its far end an
 * address of another node of the lab, and the interfaces it is built on exist.
 */
final class Endpoints {
    private Endpoints() {}

    /** {@code local}: one of the node's own addresses. */
    static boolean local(ModelNode node, AddressAt a, String what, Diagnostics d) {
        if (ownerIn(node, a).isPresent()) return true;
        d.error(a.pos(), what + " " + a + " is not an address of node '" + node.name() + "' (its addresses: " + addresses(node) + ")");
        return false;
    }

    /** {@code remote} (and FDB destinations): an address of another node of the lab. */
    static boolean remote(ModelNode node, AddressAt a, String what, LabModel model, Diagnostics d) {
        Optional<ModelInterface> owner = model.ownerOf(a.address());
        if (owner.isEmpty()) {
            d.error(a.pos(), what + " " + a + " is not an address of any node in the lab; the far end of a tunnel must be a node's address");
            return false;
        }
        if (owner.get().node().equals(node.name())) {
            d.error(a.pos(), what + " " + a + " is node '" + node.name() + "''s own address (" + owner.get().ref() + "); the far end is another node");
            return false;
        }
        return true;
    }

    static boolean sameFamily(AddressAt a, AddressAt b, String whatA, String whatB, Diagnostics d) {
        if (a.address().isV6() == b.address().isV6()) return true;
        d.error(b.pos(), whatB + " " + b + " is " + b.address().family() + " but " + whatA + " " + a + " is " + a.address().family());
        return false;
    }

    /** An interface this one is built on: it must exist on the same node and be another one than itself. */
    static Optional<ModelInterface> sibling(ModelNode node, ModelInterface self, Located name, String what, Diagnostics d) {
        if (name.text().equals(self.name())) {
            d.error(name.pos(), what + " of " + self.ref() + " is the interface itself");
            return Optional.empty();
        }
        if (name.text().equals("lo")) {
            d.error(name.pos(), what + " of " + self.ref() + " cannot be the loopback interface");
            return Optional.empty();
        }
        ModelInterface other = node.interfaces().get(name.text());
        if (other == null) {
            d.error(name.pos(), what + " '" + name.text() + "' of " + self.ref() + ": node '" + node.name() + "' has no interface '"
                    + name.text() + "'" + Suggest.hint(name.text(), node.interfaces().keySet()));
            return Optional.empty();
        }
        return Optional.of(other);
    }

    /** Reports a chain of interfaces that ends up depending on itself (a bridge whose port is built on the bridge). */
    static void noCycle(ModelNode node, ModelInterface self, Diagnostics d) {
        List<String> path = new ArrayList<>();
        // Naming itself directly is reported where it is written (see sibling); here only longer loops.
        List<String> others = self.spec().typeSpec().dependsOn().stream().filter(n -> !n.equals(self.name())).toList();
        if (reaches(node, others, self.name(), path, 0)) {
            d.error(self.spec().pos(), "interface " + self.ref() + " is built on itself: " + self.name() + " -> " + String.join(" -> ", path));
        }
    }

    private static boolean reaches(ModelNode node, List<String> from, String target, List<String> path, int depth) {
        if (depth > node.interfaces().size()) return false;
        for (String next : from) {
            path.add(next);
            if (next.equals(target)) return true;
            ModelInterface i = node.interfaces().get(next);
            if (i != null && reaches(node, i.spec().typeSpec().dependsOn(), target, path, depth + 1)) return true;
            path.remove(path.size() - 1);
        }
        return false;
    }

    private static Optional<ModelInterface> ownerIn(ModelNode node, AddressAt a) {
        for (ModelInterface i : node.interfaces().values()) {
            if (i.addresses().stream().anyMatch(c -> c.address().equals(a.address()))) return Optional.of(i);
        }
        return Optional.empty();
    }

    private static String addresses(ModelNode n) {
        List<String> all = new ArrayList<>();
        n.interfaces().values().forEach(i -> i.addresses().stream().map(Cidr::toString).forEach(all::add));
        return all.isEmpty() ? "none" : String.join(", ", all);
    }
}
