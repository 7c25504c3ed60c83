package netlab.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Puts the sightings of one packet in the order it travelled and picks out its path. Kernel capture times give a
 * first order (one clock for every namespace); the lab's wiring makes it robust: on a veth pair the end that sent
 * the frame comes before the end that received it, and a node or switch can only send on what it received. The
 * path is found backwards from where the packet ended (delivered, or last seen); every other sighting is a copy
 * (a switch or hub flooding) that went nowhere.
 */
final class PathOrder {
    private PathOrder() {}

    /**
     * @param delivered true for a sighting where the packet reached its end (arrived at the node owning its
     *                  destination address)
     */
    static List<Hop> order(List<Sighting> sightings, Predicate<Sighting> delivered) {
        List<Sighting> list = new ArrayList<>(sightings);
        list.sort(Comparator.comparingLong(Sighting::nanos));
        Map<Sighting, String> dir = new HashMap<>();
        for (Sighting s : list) dir.put(s, direction(s, list));
        enforceSenderFirst(list, dir);

        // the last arrival at a node owning the destination: a NAT gateway "receives" a packet for its public
        // address and then sends it on, translated, to where it really goes
        Sighting end = list.stream().filter(s -> dir.get(s).equals("in") && delivered.test(s)).reduce((a, b) -> b)
                .orElse(list.isEmpty() ? null : list.get(list.size() - 1));
        Set<Sighting> path = new HashSet<>();
        for (Sighting cur = end; cur != null && path.add(cur); ) cur = predecessor(cur, list, dir);

        List<Hop> hops = new ArrayList<>();
        Sighting prev = null;
        for (Sighting s : list) {
            boolean on = path.contains(s);
            hops.add(new Hop(s, dir.get(s), on, on && prev != null ? Changes.between(prev, s) : List.of()));
            if (on) prev = s;
        }
        return hops;
    }

    /** "out" when the sighting's node or switch sent the frame on that interface, "in" when it received it. */
    static String direction(Sighting s, List<Sighting> all) {
        CapturePoint p = s.at();
        String src = s.packet().ethernet().src();
        Optional<Sighting> peer = nearestAtPeer(s, all);
        if (!p.isSwitchPort()) {
            // a node's interface sent the frame if the frame carries its MAC; a frame with another MAC was either
            // received, or bridged out by the node (a bridge inside it, a VXLAN device): then the other end of the
            // veth saw it later, or, with no other end, the node already had the frame at this depth
            if (!src.isEmpty() && src.equalsIgnoreCase(p.mac())) return "out";
            if (peer.isPresent()) return peer.get().nanos() > s.nanos() ? "out" : "in";
            boolean hadIt = all.stream().anyMatch(o -> o != s && o.at().element().equals(p.element()) && o.nanos() < s.nanos()
                    && o.packet().depth() == s.packet().depth());
            return hadIt ? "out" : "in";
        }
        // a switch port: the frame entered the switch when the node on the other side sent it
        Optional<CapturePoint> peerPoint = peer.map(Sighting::at);
        if (peerPoint.isPresent() && !peerPoint.get().isSwitchPort()) return src.equalsIgnoreCase(peerPoint.get().mac()) ? "in" : "out";
        if (peer.isPresent()) return peer.get().nanos() <= s.nanos() ? "in" : "out";
        return "out";
    }

    private static Optional<Sighting> nearestAtPeer(Sighting s, List<Sighting> all) {
        if (s.at().peer().isEmpty()) return Optional.empty();
        String peerKey = s.at().peer().get();
        return all.stream().filter(o -> o.at().key().equals(peerKey))
                .min(Comparator.comparingLong(o -> Math.abs(o.nanos() - s.nanos())));
    }

    /** On each veth pair, the sending end before the receiving end, whatever the timestamps said. */
    private static void enforceSenderFirst(List<Sighting> list, Map<Sighting, String> dir) {
        for (int round = 0; round < list.size(); round++) {
            boolean moved = false;
            for (int i = 0; i < list.size(); i++) {
                Sighting r = list.get(i);
                if (!dir.get(r).equals("in")) continue;
                Optional<Sighting> t = nearestAtPeer(r, list);
                if (t.isPresent() && dir.get(t.get()).equals("out") && list.indexOf(t.get()) > i) {
                    list.remove(t.get());
                    list.add(i, t.get());
                    moved = true;
                    break;
                }
            }
            if (!moved) return;
        }
    }

    /**
     * Where the packet was just before {@code cur}: for an arrival, the other end of the veth that sent it; for a
     * departure, the latest arrival at the same node or switch (or, across a tunnel, the latest sighting there at
     * another encapsulation depth).
     */
    private static Sighting predecessor(Sighting cur, List<Sighting> list, Map<Sighting, String> dir) {
        int idx = list.indexOf(cur);
        if (dir.get(cur).equals("in") && cur.at().peer().isPresent()) {
            for (int i = idx - 1; i >= 0; i--) {
                Sighting s = list.get(i);
                if (s.at().key().equals(cur.at().peer().get()) && dir.get(s).equals("out")) return s;
            }
        }
        boolean node = !cur.at().isSwitchPort();
        for (int i = idx - 1; i >= 0; i--) {
            Sighting s = list.get(i);
            if (!s.at().element().equals(cur.at().element()) || s.at().netns().equals(cur.at().netns()) && s.at().ifname().equals(cur.at().ifname())
                    && dir.get(s).equals(dir.get(cur))) continue;
            boolean otherDepth = s.packet().depth() != cur.packet().depth();
            if (dir.get(s).equals("in") || (node && otherDepth)) return s;
        }
        return null;
    }
}
