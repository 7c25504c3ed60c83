package netlab.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.json.Json;
import netlab.net.Cidr;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;

/**
 * What a cluster node's kernel holds for the pod network right now, read with iproute2's JSON output inside its
 * namespace: routes on a device, neighbour entries and VXLAN forwarding entries of flannel.1.
 */
public record LivePodNetwork(List<Route> routes, List<Neighbour> neighbours, List<Fdb> fdb) {
    public LivePodNetwork {
        routes = List.copyOf(routes);
        neighbours = List.copyOf(neighbours);
        fdb = List.copyOf(fdb);
    }

    /** @param gateway empty for a route without one; {@code onlink}: the gateway is taken as reachable on the device */
    public record Route(Cidr dst, Optional<String> gateway, String dev, boolean onlink) {
        public String describe() {
            return dst + gateway.map(g -> " via " + g).orElse("") + " dev " + dev + (onlink ? " onlink" : "");
        }
    }

    public record Neighbour(String address, Optional<String> mac, String state, String dev) {
        public String describe() {
            return address + mac.map(m -> " lladdr " + m).orElse("") + " " + state + " dev " + dev;
        }
    }

    /** A VXLAN forwarding entry: frames for {@code mac} go to the VTEP at {@code dst}. */
    public record Fdb(String mac, Optional<String> dst, String dev) {
        public String describe() {
            return mac + dst.map(d -> " dst " + d).orElse("") + " dev " + dev;
        }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Reads the routes of {@code routeDev}, and with {@code vxlan} flannel.1's neighbours and FDB entries. */
    public static LivePodNetwork read(ProcessRunner processes, String netns, String routeDev, boolean vxlan) throws InterruptedException {
        List<Route> routes = new ArrayList<>();
        for (Map<String, Object> row : rows(processes, List.of("ip", "-n", netns, "-j", "route", "show", "dev", routeDev))) {
            Object dst = row.get("dst");
            Optional<Cidr> c = dst == null ? Optional.empty() : Cidr.parse(dst.toString().contains("/") ? dst.toString() : dst + "/32");
            if (c.isEmpty()) continue;
            boolean onlink = row.get("flags") instanceof List<?> l && l.contains("onlink");
            routes.add(new Route(c.get(), Optional.ofNullable(row.get("gateway")).map(Object::toString), routeDev, onlink));
        }
        List<Neighbour> neighbours = new ArrayList<>();
        List<Fdb> fdb = new ArrayList<>();
        if (vxlan) {
            for (Map<String, Object> row : rows(processes, List.of("ip", "-n", netns, "-j", "neigh", "show", "dev", Flannel.DEVICE))) {
                Object st = row.get("state");
                String state = st instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : String.valueOf(st);
                neighbours.add(new Neighbour(String.valueOf(row.get("dst")), Optional.ofNullable(row.get("lladdr")).map(Object::toString), state,
                        Flannel.DEVICE));
            }
            for (Map<String, Object> row : rows(processes, List.of("bridge", "-n", netns, "-j", "fdb", "show", "dev", Flannel.DEVICE))) {
                fdb.add(new Fdb(String.valueOf(row.get("mac")), Optional.ofNullable(row.get("dst")).map(Object::toString), Flannel.DEVICE));
            }
        }
        return new LivePodNetwork(routes, neighbours, fdb);
    }

    /**
     * The same read from a namespace's netlink state (no process): main-table routes out of {@code routeDev}, and with
     * {@code vxlan} flannel.1's neighbour and FDB entries, as iproute2's JSON above names them.
     */
    public static LivePodNetwork of(netlab.runtime.netlink.KernelState s, String routeDev, boolean vxlan) {
        List<Route> routes = new ArrayList<>();
        Map<Integer, String> names = s.names();
        for (netlab.runtime.netlink.KernelState.Route r : s.routes()) {
            if (r.table() != netlab.runtime.netlink.KernelState.Route.TABLE_MAIN || r.isDefault() || !routeDev.equals(names.get(r.oif()))) continue;
            Cidr.parse(r.dst()).ifPresent(c -> routes.add(new Route(c, Optional.ofNullable(r.gateway()).map(Object::toString), routeDev, r.onlink())));
        }
        List<Neighbour> neighbours = new ArrayList<>();
        List<Fdb> fdb = new ArrayList<>();
        if (vxlan) {
            for (netlab.runtime.netlink.KernelState.Neighbour n : s.neighbours()) {
                // as ip neigh show lists them: without entries in state noarp or none
                if (!Flannel.DEVICE.equals(names.get(n.index())) || n.dst() == null || n.state() == 0 || (n.state() & 0x40) != 0) continue;
                neighbours.add(new Neighbour(n.dst().toString(), Optional.ofNullable(n.lladdr()), state(n.state()), Flannel.DEVICE));
            }
            for (netlab.runtime.netlink.KernelState.Fdb f : s.fdb()) {
                if (!Flannel.DEVICE.equals(names.get(f.index()))) continue;
                fdb.add(new Fdb(f.mac(), Optional.ofNullable(f.dst()).map(Object::toString), Flannel.DEVICE));
            }
        }
        return new LivePodNetwork(routes, neighbours, fdb);
    }

    /** The first state name iproute2 prints for NUD bits. */
    static String state(int nud) {
        String[] names = {"INCOMPLETE", "REACHABLE", "STALE", "DELAY", "PROBE", "FAILED", "NOARP", "PERMANENT"};
        for (int i = 0; i < names.length; i++) if ((nud & (1 << i)) != 0) return names[i];
        return "NONE";
    }

    private static List<Map<String, Object>> rows(ProcessRunner processes, List<String> argv) throws InterruptedException {
        ProcResult r = processes.run(argv, null, TIMEOUT);
        return r.ok() ? Json.rows(r.stdout()) : List.of();
    }
}
