package netlab.doctor;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;
import netlab.process.Tools;

/**
 * Finds out which features this machine really has by trying them: kernel objects are created in a throw-away
 * namespace (never the host's), one {@code ip -batch -force} for all link types, one {@code tc} for qdiscs.
 * The namespace carries a mark as a lab's do (an alias on its loopback), put there by the same {@code ip -batch}
 * that makes it; the clean-up of probes a killed netlab left removes only namespaces with that mark.
 */
public final class FeatureProbe {
    /** Probe namespaces are named after the probing process: netlab-probe-PID. */
    static final String PROBE_PREFIX = "netlab-probe-";
    /** The alias on a probe namespace's loopback: netlab-probe:PID (no lab's mark looks so: theirs start "netlab:"). */
    static final String MARK_PREFIX = "netlab-probe:";
    private static final Pattern FAILED_LINE = Pattern.compile("Command failed -:(\\d+)");
    private final ProcessRunner processes;

    public FeatureProbe(ProcessRunner processes) {
        this.processes = processes;
    }

    /** Kernel features tried with one line each of an {@code ip -batch}; the order is the batch's. */
    private static final Map<Feature, String> LINK_TRIALS = new LinkedHashMap<>();

    static {
        LINK_TRIALS.put(Feature.VETH, "link add nlprobe0 type veth peer name nlprobe1");
        LINK_TRIALS.put(Feature.BRIDGE, "link add nlprobebr type bridge");
        LINK_TRIALS.put(Feature.VXLAN, "link add nlprobevx type vxlan id 42 dstport 4789");
        LINK_TRIALS.put(Feature.GRE, "link add nlprobegre type gre local 127.0.0.1 remote 127.0.0.2");
        LINK_TRIALS.put(Feature.GRETAP, "link add nlprobegt type gretap local 127.0.0.1 remote 127.0.0.2");
        LINK_TRIALS.put(Feature.VLAN, "link add link nlprobe0 name nlprobevl type vlan id 10");
        LINK_TRIALS.put(Feature.VLAN_FILTERING, "link add nlprobebv type bridge vlan_filtering 1");
        LINK_TRIALS.put(Feature.DUMMY, "link add nlprobedm type dummy");
        LINK_TRIALS.put(Feature.MACVLAN, "link add link nlprobe0 name nlprobemv type macvlan");
    }

    public Map<Feature, ProbeResult> probe(Set<Feature> wanted) throws InterruptedException {
        Map<Feature, ProbeResult> out = new EnumMap<>(Feature.class);
        Set<Feature> kernel = EnumSet.noneOf(Feature.class);
        for (Feature f : wanted) {
            switch (f) {
                case TCPDUMP -> out.put(f, tool(f, "tcpdump"));
                case CURL -> out.put(f, tool(f, "curl"));
                case BUSYBOX -> out.put(f, tool(f, "busybox"));
                case ETCD -> out.put(f, Tools.find("etcd").isEmpty() ? tool(f, "etcd") : tool(f, "etcdctl"));
                case DOCKER -> out.put(f, docker());
                case FRR -> out.put(f, frr());
                default -> kernel.add(f);
            }
        }
        if (!kernel.isEmpty()) out.putAll(probeKernel(kernel));
        return out;
    }

    private ProbeResult tool(Feature f, String program) {
        return Tools.find(program).map(p -> new ProbeResult(f, true, p.toString()))
                .orElse(new ProbeResult(f, false, program + " is not installed"));
    }

    /** Debian's frr package: the daemons netlab starts in /usr/lib/frr, vtysh, and the user they drop to. */
    static final Path FRR_DAEMONS = Path.of("/usr/lib/frr");
    static final List<String> FRR_PROGRAMS = List.of("zebra", "staticd", "ospfd", "bgpd", "ripd");

    private ProbeResult frr() {
        List<String> missing = new ArrayList<>();
        for (String p : FRR_PROGRAMS) if (!Files.isExecutable(FRR_DAEMONS.resolve(p))) missing.add(FRR_DAEMONS.resolve(p).toString());
        if (Tools.find("vtysh").isEmpty()) missing.add("vtysh");
        try {
            java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("frr");
        } catch (IOException | UnsupportedOperationException e) {
            missing.add("the user frr");
        }
        if (!missing.isEmpty()) return new ProbeResult(Feature.FRR, false, "missing " + String.join(", ", missing));
        return new ProbeResult(Feature.FRR, true, FRR_DAEMONS.toString());
    }

    private Map<Feature, ProbeResult> probeKernel(Set<Feature> wanted) throws InterruptedException {
        Map<Feature, ProbeResult> out = new EnumMap<>(Feature.class);
        removeStaleProbes();
        long pid = ProcessHandle.current().pid();
        String ns = PROBE_PREFIX + pid;
        ProcResult add = null;
        try {
            // made and marked by one process, so a kill of netlab between the two cannot leave it unmarked (the batch
            // runs the marking ip as a child of its own, which lives on after its parent is killed)
            add = processes.run(List.of("ip", "-batch", "-"), "netns add " + ns + "\nnetns exec " + ns + " ip link set dev lo alias "
                    + MARK_PREFIX + pid + "\n", Duration.ofSeconds(10));
            if (!add.ok()) {
                for (Feature f : wanted) out.put(f, new ProbeResult(f, false, "cannot create a network namespace: " + add.errorText()));
                return out;
            }
            out.put(Feature.NETNS, new ProbeResult(Feature.NETNS, true, "ok"));
            List<Feature> order = new ArrayList<>(LINK_TRIALS.keySet());
            StringBuilder batch = new StringBuilder();
            for (Feature f : order) batch.append(LINK_TRIALS.get(f)).append('\n');
            ProcResult r = processes.run(List.of("ip", "-n", ns, "-force", "-batch", "-"), batch.toString(), Duration.ofSeconds(20));
            Map<Integer, String> failures = failures(r.stderr());
            for (int i = 0; i < order.size(); i++) {
                String why = failures.get(i + 1);
                out.put(order.get(i), new ProbeResult(order.get(i), why == null, why == null ? "ok" : why));
            }
            if (wanted.contains(Feature.NETEM) || wanted.contains(Feature.TBF)) {
                out.put(Feature.NETEM, tc(ns, Feature.NETEM, "qdisc add dev nlprobe0 root netem delay 1ms"));
                out.put(Feature.TBF, tc(ns, Feature.TBF, "qdisc replace dev nlprobe1 root tbf rate 1mbit burst 32k latency 50ms"));
            }
            if (wanted.contains(Feature.NAT)) out.put(Feature.NAT, nat(ns));
        } finally {
            // Removed even after Ctrl-C, also one landing while the namespace was being made (add is then null:
            // the ip process was killed and waited for, and may have made it) or while it is being deleted (an
            // interrupted wait kills the deletion: it runs again). The interrupt is handed back afterwards.
            if (add == null || add.ok() || failures(add.stderr()).containsKey(2)) { // made, or it may have been
                boolean interrupted = Thread.interrupted();
                try {
                    while (true) {
                        try {
                            processes.run(List.of("ip", "netns", "del", ns), null, Duration.ofSeconds(10));
                            break;
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                } finally {
                    if (interrupted) Thread.currentThread().interrupt();
                }
            }
        }
        out.keySet().retainAll(wanted);
        return out;
    }

    /**
     * Removes the probe namespaces of netlab processes that were killed while probing (a killed process cannot
     * clean up): {@code netlab-probe-PID} whose PID no longer runs and whose loopback carries the mark
     * {@code netlab-probe:PID}. A namespace with that name but without that mark is not netlab's: it is left alone.
     * Called before each probe and by down.
     */
    public void removeStaleProbes() throws InterruptedException {
        StringBuilder batch = new StringBuilder();
        java.nio.file.Path dir = java.nio.file.Path.of("/run/netns");
        if (!Files.isDirectory(dir)) return;
        List<String> stale = new ArrayList<>();
        try (java.nio.file.DirectoryStream<java.nio.file.Path> s = Files.newDirectoryStream(dir, PROBE_PREFIX + "*")) {
            for (java.nio.file.Path p : s) {
                String pid = p.getFileName().toString().substring(PROBE_PREFIX.length());
                if (pid.matches("\\d{1,9}") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) stale.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            return; // nothing to tidy that can be seen
        }
        for (String ns : stale) {
            String pid = ns.substring(PROBE_PREFIX.length());
            if (netlab.doctor.Netns.mark(ns, processes).filter((MARK_PREFIX + pid)::equals).isPresent()) {
                batch.append("netns del ").append(ns).append('\n');
            }
        }
        if (batch.length() > 0) processes.run(List.of("ip", "-force", "-batch", "-"), batch.toString(), Duration.ofSeconds(20));
    }

    private ProbeResult tc(String ns, Feature f, String line) throws InterruptedException {
        if (Tools.find("tc").isEmpty()) return new ProbeResult(f, false, "tc is not installed (apt-get install iproute2)");
        ProcResult r = processes.run(List.of("tc", "-n", ns, "-batch", "-"), line + "\n", Duration.ofSeconds(10));
        return new ProbeResult(f, r.ok(), r.ok() ? "ok" : clean(FAILED_LINE.matcher(r.errorText()).replaceAll("")));
    }

    private ProbeResult nat(String ns) throws InterruptedException {
        if (Tools.find("iptables").isEmpty()) return new ProbeResult(Feature.NAT, false, "iptables is not installed");
        ProcResult r = processes.run(List.of("ip", "netns", "exec", ns, "iptables", "-t", "nat", "-S"), null, Duration.ofSeconds(10));
        return new ProbeResult(Feature.NAT, r.ok(), r.ok() ? "ok" : clean(r.errorText()));
    }

    /** A Docker engine answering on its socket ({@code GET /_ping}). */
    public ProbeResult docker() {
        Path sock = Path.of(System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock").replaceFirst("^unix://", ""));
        if (!Files.exists(sock)) return new ProbeResult(Feature.DOCKER, false, "no Docker engine socket at " + sock);
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(sock));
            ch.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buf = ByteBuffer.allocate(512);
            ch.read(buf);
            String reply = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
            boolean ok = reply.startsWith("HTTP/1.") && reply.contains(" 200 ");
            return new ProbeResult(Feature.DOCKER, ok, ok ? "engine answers on " + sock : "engine at " + sock + " answered: " + reply.lines().findFirst().orElse(""));
        } catch (java.nio.channels.ClosedByInterruptException e) {
            // Ctrl-C closed the socket: that says nothing about the engine
            throw new netlab.errors.InterruptedByUser("interrupted while asking the Docker engine");
        } catch (IOException e) {
            return new ProbeResult(Feature.DOCKER, false, "Docker engine at " + sock + " is not running (" + e.getMessage() + ")");
        }
    }

    /** "line → error text" from an {@code ip -force -batch} stderr, where each failure is followed by "Command failed -:N". */
    static Map<Integer, String> failures(String stderr) {
        Map<Integer, String> out = new LinkedHashMap<>();
        StringBuilder pending = new StringBuilder();
        for (String line : stderr.split("\n")) {
            Matcher m = FAILED_LINE.matcher(line);
            if (m.find()) {
                out.put(Integer.parseInt(m.group(1)), clean(pending.toString()));
                pending.setLength(0);
            } else if (!line.isBlank()) {
                pending.append(line.strip()).append(' ');
            }
        }
        return out;
    }

    /** One line: the tool's own words, without iproute2's "Command failed -:N" batch marker. */
    private static String clean(String s) {
        String t = FAILED_LINE.matcher(s).replaceAll("").replaceAll("\\s*\\n\\s*", " ").strip();
        return t.isEmpty() ? "not supported" : t;
    }
}
