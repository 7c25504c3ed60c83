package netlab.routing.observe;

import java.time.Duration;
import java.util.List;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;
import netlab.routing.runtime.FrrInstall;
import netlab.routing.runtime.FrrLayout;
import netlab.routing.runtime.FrrView;

/**
 * What one node's routing really is, for the route, bgp and ospf checks, for status and for drift: FRR's own
 * view through vtysh, and the kernel's table read with ip (independent of FRR). Each answer is either an
 * observation (a daemon that does not run knows nothing: empty) or a {@link FrrQueryException} (nothing could be
 * observed).
 */
public final class FrrObserver {
    private final Vtysh vtysh;
    private final ProcessRunner runner;

    public FrrObserver(ProcessRunner runner, FrrInstall install) {
        this.vtysh = new Vtysh(runner, install);
        this.runner = runner;
    }

    /** A node as the observer finds it. */
    public record Node(String name, String netns, FrrLayout layout) {}

    /** Its OSPF neighbours, with their states; empty when ospfd does not run or has no instance. */
    public Observation<OspfNeighbor> ospfNeighbors(Node n) throws InterruptedException {
        return ospfNeighbors(vtysh.ask(n.name(), n.netns(), n.layout(), FrrShow.OSPF_NEIGHBORS));
    }

    /** Its BGP sessions per family, with their states and prefix counts; empty when bgpd does not run. */
    public Observation<BgpPeerState> bgpPeers(Node n) throws InterruptedException {
        return bgpPeers(vtysh.ask(n.name(), n.netns(), n.layout(), FrrShow.BGP_SUMMARY));
    }

    /** zebra's routing table with every protocol's candidates. */
    public Observation<RibRoute> rib(Node n, boolean v6) throws InterruptedException {
        FrrAnswer a = vtysh.ask(n.name(), n.netns(), n.layout(), v6 ? FrrShow.IPV6_ROUTES : FrrShow.IPV4_ROUTES);
        return new Observation<>(a.daemonRunning(), a.daemonRunning() ? RibRoute.parse(a.json(), v6) : List.of());
    }

    public Observation<EvpnVni> evpnVnis(Node n) throws InterruptedException {
        FrrAnswer a = vtysh.ask(n.name(), n.netns(), n.layout(), FrrShow.EVPN_VNIS);
        return new Observation<>(a.daemonRunning(), a.daemonRunning() ? EvpnVni.parse(a.json()) : List.of());
    }

    public static Observation<EvpnVni> evpnVnis(FrrAnswer a) {
        return new Observation<>(a.daemonRunning(), a.daemonRunning() ? EvpnVni.parse(a.json()) : List.of());
    }

    public static Observation<EvpnMac> evpnMacs(FrrAnswer a) {
        return new Observation<>(a.daemonRunning(), a.daemonRunning() ? EvpnMac.parse(a.json()) : List.of());
    }

    /**
     * What vtysh answered when it was run some other way (through the lab's way of running a node's commands):
     * a daemon that does not run is an answer; anything else that is not an answer is a {@link FrrQueryException}.
     */
    public static FrrAnswer answer(String node, FrrShow question, ProcResult r) {
        return Vtysh.answer(node, question, r);
    }

    public static Observation<OspfNeighbor> ospfNeighbors(FrrAnswer a) {
        return new Observation<>(a.daemonRunning(), a.daemonRunning() ? OspfNeighbor.parse(a.json()) : List.of());
    }

    public static Observation<BgpPeerState> bgpPeers(FrrAnswer a) {
        return new Observation<>(a.daemonRunning(), a.daemonRunning() ? BgpPeerState.parse(a.json()) : List.of());
    }

    /** The kernel's main table in the node's namespace, whoever installed the routes (no FRR needed). */
    public List<KernelRoute> kernelRoutes(String netns, boolean v6) throws InterruptedException {
        ProcResult r = runner.run(List.of("ip", "-n", FrrView.checkNetns(netns), "-j", v6 ? "-6" : "-4", "route", "show", "table", "main"), null, Duration.ofSeconds(10));
        if (!r.ok()) throw new FrrQueryException("cannot read the routes of namespace " + netns + ": " + r.errorText());
        return KernelRoute.parse(r.stdout(), v6);
    }

    /**
     * What a question found.
     *
     * @param daemonRunning false when the daemon that knows does not run in the node
     */
    public record Observation<T>(boolean daemonRunning, List<T> items) {
        public Observation {
            items = List.copyOf(items);
        }
    }
}
