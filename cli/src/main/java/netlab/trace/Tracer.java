package netlab.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import netlab.lab.LabEnv;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.net.IpAddress;
import netlab.plan.Naming;
import netlab.process.ProcResult;

/**
 * Runs a trace: listens on every interface of the lab, sends one probe, stops listening once the traffic has died
 * down, then orders what was seen into the path the probe took (and its answer's), naming every change on the
 * way and, if it was not delivered, why.
 */
public final class Tracer {
    private static final Set<String> NAT_TARGETS = Set.of("SNAT", "DNAT", "MASQUERADE", "REDIRECT", "NETMAP");

    private final LabModel model;
    private final LabEnv env;

    public Tracer(LabModel model, LabEnv env) {
        this.model = model;
        this.env = env;
    }

    /**
     * @param from   the sending node ("h1", or "h1:eth2" to send from that interface)
     * @param to     what the user named as the target (for the report)
     */
    public TraceResult trace(String from, String to, Probe probe) throws InterruptedException {
        String source = from.contains(":") ? from.substring(0, from.indexOf(':')) : from;
        Naming naming = env.naming(model.name());
        Map<String, String> nodeNetns = new LinkedHashMap<>();
        for (String n : model.nodes().keySet()) nodeNetns.put(n, naming.nodeNetns(n));

        CapturePoints.Found found = CapturePoints.read(model, env);
        List<String> notListened = new ArrayList<>(found.skipped());
        RuleCounters before = RuleCounters.read(env, nodeNetns);
        List<Sighting> seen;
        ProcResult sent;
        try (LabCapture capture = LabCapture.start(found.points(), env.processes(), notListened)) {
            env.progress().info("listening on " + (found.points().size() - (notListened.size() - found.skipped().size())) + " interfaces; sending "
                    + probe.describe() + " from " + from + " to " + probe.destination());
            sent = probe.send(env.nodeExec(model), source, env.processes());
            capture.settle(250, 3000);
            seen = capture.stop();
        }
        List<RuleCounters.Hit> hits = RuleCounters.read(env, nodeNetns).since(before);

        Classified c = Classified.of(seen, probe, source);
        RouteProtocols routes = new RouteProtocols(env.processes(), nodeNetns);
        List<Hop> request = routes.name(PathOrder.order(c.request(), deliveredTo()));
        List<Hop> reply = routes.name(PathOrder.order(c.reply(), deliveredTo()));
        Optional<Hop> delivered = request.stream().filter(h -> h.onPath() && h.direction().equals("in") && deliveredTo().test(h.sighting()))
                .reduce((a, b) -> b);

        String verdict;
        if (delivered.isPresent()) {
            Packet p = delivered.get().sighting().packet().innermost();
            verdict = "delivered to " + delivered.get().at().node().orElse("?") + " (" + p.ip().map(Packet.Ip::dst).orElse("?") + ") on "
                    + delivered.get().at().label() + " after " + request.stream().filter(Hop::onPath).count() + " hops";
        } else {
            verdict = "not delivered: " + whyNot(request, source, probe, hits, sent, nodeNetns, found);
        }
        List<String> rules = new ArrayList<>();
        for (RuleCounters.Hit h : hits) {
            if (NAT_TARGETS.contains(h.target()) || h.drops()) rules.add(h.node() + ": " + h.describe() + " (+" + h.packets() + ")");
        }
        return new TraceResult(model.name(), from, to, probe.destination().toString(), probe, delivered.isPresent(), verdict,
                answer(c, probe, sent), request, reply, rules, notListened, macOwners(found.points()), ipOwners());
    }

    /**
     * A packet arrives for good at a node that has its (possibly rewritten) destination address (tenants of an
     * overlay may use the same addresses, so the receiving node is asked, not the first owner in the lab).
     */
    private Predicate<Sighting> deliveredTo() {
        return s -> s.at().node().flatMap(model::node).map(n -> s.packet().innermost().ip()
                .flatMap(ip -> IpAddress.parse(ip.dst()))
                .map(dst -> n.interfaces().values().stream().anyMatch(i -> i.addresses().stream().anyMatch(c -> c.address().equals(dst))))
                .orElse(false)).orElse(false);
    }

    private String whyNot(List<Hop> request, String source, Probe probe, List<RuleCounters.Hit> hits, ProcResult sent,
                          Map<String, String> nodeNetns, CapturePoints.Found found) throws InterruptedException {
        Diagnosis d = new Diagnosis(env, nodeNetns);
        List<RuleCounters.Hit> drops = hits.stream().filter(RuleCounters.Hit::drops).toList();
        Optional<Hop> last = request.stream().filter(Hop::onPath).reduce((a, b) -> b);
        String tool = sent.stderr().isBlank() ? sent.stdout() : sent.stderr();
        if (last.isEmpty()) return d.neverLeft(source, probe.destination().toString(), drops, tool);
        Hop h = last.get();
        Packet p = h.sighting().packet().innermost();
        String src = p.ip().map(Packet.Ip::src).orElse("?"), dst = p.ip().map(Packet.Ip::dst).orElse(probe.destination().toString());
        if (h.direction().equals("in") && h.at().node().isPresent()) return d.stoppedIn(h.at().node().get(), h.at().ifname(), src, dst, drops);
        if (h.direction().equals("in")) {
            Optional<CapturePoint> addressed = found.down().stream().filter(x -> x.mac().equalsIgnoreCase(p.ethernet().dst())).findFirst();
            Optional<CapturePoint> downPort = found.down().stream().filter(x -> x.element().equals(h.at().element())).findFirst();
            String why = addressed.map(x -> ": the interface it is addressed to, " + x.label() + ", is down")
                    .or(() -> downPort.map(x -> ": its port " + x.ifname() + " is down"))
                    .orElse(" (no port leads to " + p.ethernet().dst() + "?)");
            return h.at().element() + " received it on port " + h.at().ifname() + " and forwarded it nowhere" + why;
        }
        Optional<CapturePoint> peer = h.at().peer().flatMap(k -> found.points().stream().filter(x -> x.key().equals(k)).findFirst());
        Map<String, String> states = new HashMap<>();
        found.points().forEach(x -> states.put(x.key(), "UP"));
        Optional<CapturePoint> peerDown = h.at().peer().flatMap(k -> found.down().stream().filter(x -> x.key().equals(k)).findFirst());
        if (peerDown.isPresent()) return "it left " + h.at().label() + " but the other end of that link, " + peerDown.get().label() + ", is down";
        return d.lostOnLink(h.at(), peer, states);
    }

    private static String answer(Classified c, Probe probe, ProcResult sent) {
        Optional<Sighting> reply = c.reply().stream().findFirst();
        Optional<Sighting> error = c.errors().stream().findFirst();
        if (error.isPresent()) {
            Packet p = error.get().packet().innermost();
            Packet.Transport t = p.transport().get();
            return "ICMP " + icmpName(t.kind(), t.icmpType(), t.icmpCode()) + " from " + p.ip().map(Packet.Ip::src).orElse("?");
        }
        if (reply.isPresent()) {
            Packet p = reply.get().packet().innermost();
            String from = p.ip().map(Packet.Ip::src).orElse("?");
            return switch (probe.protocol()) {
                case "icmp" -> "echo reply from " + from;
                case "tcp" -> p.transport().map(Packet.Transport::tcpFlags).orElse("").contains("RST")
                        ? "connection refused (RST from " + from + ")" : "connection accepted (SYN-ACK from " + from + ")";
                default -> "a reply from " + from;
            };
        }
        if (probe.protocol().equals("udp")) return "no answer (UDP gets none unless the port is closed)";
        return "no answer" + (sent.timedOut() ? " (timed out)" : "");
    }

    static String icmpName(String kind, int type, int code) {
        if (kind.equals("icmp")) {
            return switch (type) {
                case 3 -> switch (code) {
                    case 0 -> "net unreachable";
                    case 1 -> "host unreachable";
                    case 3 -> "port unreachable";
                    case 9, 10, 13 -> "administratively prohibited";
                    default -> "destination unreachable (code " + code + ")";
                };
                case 11 -> "time exceeded";
                default -> "type " + type + " code " + code;
            };
        }
        return switch (type) {
            case 1 -> code == 4 ? "port unreachable" : "destination unreachable (code " + code + ")";
            case 3 -> "time exceeded";
            default -> "type " + type + " code " + code;
        };
    }

    private static Map<String, String> macOwners(List<CapturePoint> points) {
        Map<String, String> m = new HashMap<>();
        for (CapturePoint p : points) if (!p.isSwitchPort() && !p.mac().isEmpty()) m.putIfAbsent(p.mac().toLowerCase(), p.label());
        return m;
    }

    private Map<String, String> ipOwners() {
        Map<String, String> m = new HashMap<>();
        for (ModelNode n : model.nodes().values()) {
            for (ModelInterface i : n.interfaces().values()) {
                i.addresses().forEach(c -> m.merge(c.address().toString(), i.ref(), (a, b) -> a + "|" + b)); // overlays may reuse addresses
            }
        }
        return m;
    }
}
