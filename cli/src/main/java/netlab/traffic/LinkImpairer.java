package netlab.traffic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.errors.NetlabException;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.model.ModelSwitch;
import netlab.plan.TcOp;
import netlab.plan.Naming;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;
import netlab.topology.Impairment;

/**
 * Changes the impairment of a running lab's link ({@code netlab link set/clear}) and shows what is in force
 * ({@code netlab link show}). A link is named by one of its ends, {@code node:iface}; by default both directions
 * change, as for a link's declared impairment. Nothing is recorded: a converging {@code up} puts the declared
 * impairments back.
 */
public final class LinkImpairer {
    /** "qdisc netem 8001: dev eth1 root refcnt 2 limit 1000 delay 100ms" → kind, dev, settings. */
    private static final Pattern ROOT_QDISC = Pattern.compile("^qdisc (netem|tbf) \\S+ dev (\\S+) root (?:refcnt \\d+ )?(.*)$");

    private final ProcessRunner processes;

    public LinkImpairer(ProcessRunner processes) {
        this.processes = processes;
    }

    /** What impairs one device right now. */
    public record Live(String where, String netns, String dev, String qdisc) {}

    /**
     * The devices an impairment of the link at {@code node:iface} goes on: that interface and, unless {@code oneWay},
     * the other end of its link (a node's interface or a switch port).
     */
    public static List<ImpairedEnd> ends(LabModel model, Naming naming, String ref, boolean oneWay, Impairment imp) {
        int colon = ref.indexOf(':');
        if (colon <= 0 || colon == ref.length() - 1) throw NetlabException.usage("'" + ref + "' is not node:interface (like h1:eth1)");
        String node = ref.substring(0, colon), iface = ref.substring(colon + 1);
        ModelNode n = model.node(node).orElseThrow(() -> NetlabException.usage("lab '" + model.name() + "' has no node '" + node + "'"
                + netlab.source.Suggest.hint(node, model.nodes().keySet())));
        ModelInterface i = Optional.ofNullable(n.interfaces().get(iface)).orElseThrow(() -> NetlabException.usage("node '" + node
                + "' has no interface '" + iface + "'" + netlab.source.Suggest.hint(iface, n.interfaces().keySet())));
        if (iface.equals("lo")) throw NetlabException.usage("lo is the loopback interface; impair a link's end instead");
        List<ImpairedEnd> out = new ArrayList<>(List.of(Impairments.nodeEnd(i, naming, imp)));
        if (!oneWay) {
            Optional<ImpairedEnd> peer = Impairments.peerOf(model, naming, i, imp);
            if (peer.isEmpty()) {
                throw NetlabException.usage(i.ref() + " is not the end of a link (it is a " + i.spec().typeSpec().type()
                        + " interface); add --one-way to impair what it sends");
            }
            out.add(peer.get());
        }
        return out;
    }

    /** Puts the impairment on every end: one {@code tc -batch} per namespace. */
    public void apply(List<ImpairedEnd> ends) throws InterruptedException {
        Map<String, StringBuilder> batches = new LinkedHashMap<>();
        for (ImpairedEnd e : ends) {
            batches.computeIfAbsent(e.netns(), k -> new StringBuilder()).append(new TcOp(e.dev(), e.impairment()).batchLine()).append('\n');
        }
        for (Map.Entry<String, StringBuilder> b : batches.entrySet()) {
            ProcResult r = processes.run(List.of("tc", "-n", b.getKey(), "-batch", "-"), b.getValue().toString(), Duration.ofSeconds(20));
            if (!r.ok()) throw NetlabException.failed("tc in namespace " + b.getKey() + " failed: " + r.errorText());
        }
    }

    /** Removes netlab's impairment (a netem or tbf root qdisc) from every end that has one; the others are left alone. */
    public List<ImpairedEnd> clear(List<ImpairedEnd> ends) throws InterruptedException {
        List<ImpairedEnd> cleared = new ArrayList<>();
        for (ImpairedEnd e : ends) {
            if (live(e.netns(), e.what()).stream().noneMatch(l -> l.dev().equals(e.dev()))) continue;
            ProcResult r = processes.run(List.of("tc", "-n", e.netns(), "qdisc", "del", "dev", e.dev(), "root"), null, Duration.ofSeconds(20));
            if (!r.ok()) throw NetlabException.failed("cannot remove the impairment of " + e.what() + ": " + r.errorText());
            cleared.add(e);
        }
        return cleared;
    }

    /** Every netem or tbf root qdisc in the lab's namespaces, named the way the topology names things. */
    public List<Live> show(LabModel model, Naming naming) throws InterruptedException {
        List<Live> out = new ArrayList<>();
        for (ModelNode n : model.nodes().values()) {
            for (Live l : live(naming.nodeNetns(n.name()), null)) out.add(new Live(n.name() + ":" + l.dev(), l.netns(), l.dev(), l.qdisc()));
        }
        if (!model.switches().isEmpty()) {
            for (Live l : live(naming.fabricNetns(), null)) out.add(new Live(portName(model, l.dev()), l.netns(), l.dev(), l.qdisc()));
        }
        return out;
    }

    private static String portName(LabModel model, String dev) {
        for (ModelSwitch s : model.switches().values()) {
            for (ModelSwitch.Port p : s.ports()) {
                if (p.portName().equals(dev)) return "switch " + s.name() + " port " + dev + p.nodeRef().map(r -> " (to " + r + ")").orElse("");
            }
        }
        return "fabric " + dev;
    }

    private List<Live> live(String netns, String what) throws InterruptedException {
        ProcResult r = processes.run(List.of("tc", "-n", netns, "qdisc", "show"), null, Duration.ofSeconds(10));
        if (!r.ok()) {
            throw NetlabException.failed("cannot read the qdiscs of " + (what != null ? what : "namespace " + netns) + ": " + r.errorText());
        }
        List<Live> out = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            Matcher m = ROOT_QDISC.matcher(line.strip());
            if (m.matches()) out.add(new Live(m.group(2), netns, m.group(2), m.group(1) + " " + m.group(3).strip()));
        }
        return out;
    }
}
